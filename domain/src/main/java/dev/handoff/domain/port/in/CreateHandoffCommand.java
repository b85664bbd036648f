package dev.handoff.domain.port.in;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Priority;
import dev.handoff.domain.model.Sha256;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.TooLarge;
import dev.handoff.domain.model.Violations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to create a handoff, as a client sent it (null = field absent). Constructing it
 * validates every field and reports all violations at once.
 *
 * <p>{@code conversationId}, {@code sharedId} and {@code data} optionally store the handoff state
 * of the conversation in the same step; {@code idempotencyKey} makes retries safe.
 */
public record CreateHandoffCommand(
        Tenant tenant,
        String fromProfileId,
        String toProfileId,
        String sourceTaskId,
        String subject,
        String body,
        String attachments,
        Integer priority,
        Boolean requiresApproval,
        String parentMessageId,
        Instant expiresAt,
        String conversationId,
        String sharedId,
        String data,
        String idempotencyKey) {

    public static final int IDEMPOTENCY_KEY_MAX = 255;

    public CreateHandoffCommand {
        Objects.requireNonNull(tenant, "tenant");
        Violations violations = new Violations();
        violations.required("fromProfileId", fromProfileId, Limits.IDENTIFIER_MAX);
        violations.required("toProfileId", toProfileId, Limits.IDENTIFIER_MAX);
        violations.optional("sourceTaskId", sourceTaskId, Limits.IDENTIFIER_MAX);
        violations.required("subject", subject, Limits.SUBJECT_MAX);
        violations.required("body", body, Limits.BODY_MAX);
        if (attachments != null) {
            if (attachments.length() > Limits.ATTACHMENTS_MAX) {
                violations.add("attachments", "must be at most " + Limits.ATTACHMENTS_MAX + " characters");
            } else if (violations.storable("attachments", attachments)) {
                violations.attempt(() -> JsonText.parse(attachments, "attachments"));
            }
        }
        if (priority != null) {
            violations.attempt(() -> new Priority(priority));
        }
        if (parentMessageId != null) {
            violations.attempt(() -> HandoffId.parse(parentMessageId, "parentMessageId"));
        }
        violations.optional("conversationId", conversationId, Limits.IDENTIFIER_MAX);
        violations.optional("sharedId", sharedId, Limits.IDENTIFIER_MAX);
        if (conversationId == null && (sharedId != null || data != null)) {
            violations.add("conversationId", "is required when sharedId or data is given");
        }
        if (conversationId != null && data == null) {
            violations.add("data", "is required when conversationId is given");
        }
        if (data != null && data.length() <= Limits.STATE_DATA_MAX && violations.storable("data", data)) {
            violations.attempt(() -> JsonText.parseObject(data, "data"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_MAX
                || !idempotencyKey.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))) {
            violations.add("Idempotency-Key", "must be 1 to " + IDEMPOTENCY_KEY_MAX + " visible ASCII characters");
        }
        violations.throwIfAny();
        if (data != null && data.length() > Limits.STATE_DATA_MAX) {
            throw new TooLarge("data", Limits.STATE_DATA_MAX);
        }
    }

    /** The sender's part of the new handoff, with defaults applied (priority 2, no approval). */
    public Handoff.Draft draft() {
        return new Handoff.Draft(fromProfileId, toProfileId, Optional.ofNullable(sourceTaskId), subject, body,
                Optional.ofNullable(attachments).map(JsonText::new),
                priority == null ? Priority.DEFAULT : new Priority(priority),
                Boolean.TRUE.equals(requiresApproval), parentId());
    }

    public Optional<HandoffId> parentId() {
        return Optional.ofNullable(parentMessageId).map(text -> HandoffId.parse(text, "parentMessageId"));
    }

    public Optional<Instant> requestedExpiry() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<String> idempotency() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Identifies the request's content (everything but tenant and idempotency key), so that a
     * retry can be told apart from a different request under a reused key.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {fromProfileId, toProfileId, sourceTaskId, subject, body, attachments,
                priority, requiresApproval, parentMessageId, expiresAt, conversationId, sharedId, data}) {
            String text = String.valueOf(field);
            canonical.append(field == null ? -1 : text.length()).append(':').append(field == null ? "" : text);
        }
        return Sha256.hex(canonical.toString());
    }
}
