package dev.handoff.bench.peer;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The body of Handoff's create request, as far as the floor stores it; other fields (priority,
 * attachments, ...) are accepted and ignored so that the same body can be sent to both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FloorHandoffRequest(String fromProfileId, String toProfileId, @JsonAlias("fromTaskId") String sourceTaskId,
                           String subject, String body, Boolean requiresApproval, String expiresAt) {

    /** Handoff's own default expiry (handoff.expiry.default). */
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
    /** The floor has no API keys, which is where Handoff takes the tenant from. */
    static final String ACCOUNT = "ACCOUNT-1";
    static final String PROJECT = "PROJECT-1";

    /** The row to insert; refuses a request without the fields Handoff requires. */
    FloorHandoff toRow(UUID id, Instant now) {
        List<String> missing = new ArrayList<>();
        requireText(fromProfileId, "fromProfileId", missing);
        requireText(toProfileId, "toProfileId", missing);
        requireText(subject, "subject", missing);
        requireText(body, "body", missing);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("required: " + String.join(", ", missing));
        }
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        return new FloorHandoff(id, ACCOUNT, PROJECT, fromProfileId, toProfileId, sourceTaskId, subject, body,
                "pending", Boolean.TRUE.equals(requiresApproval), created, expiry(created));
    }

    private Instant expiry(Instant created) {
        if (expiresAt == null) {
            return created.plus(DEFAULT_EXPIRY);
        }
        try {
            return OffsetDateTime.parse(expiresAt).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException notATimestamp) {
            throw new IllegalArgumentException("expiresAt must be an ISO-8601 timestamp: " + expiresAt);
        }
    }

    private static void requireText(String value, String field, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
