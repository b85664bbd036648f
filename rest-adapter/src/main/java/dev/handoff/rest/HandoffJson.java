package dev.handoff.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.JsonText;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The seed's Handoff Message Object on the wire. Absent optional fields are omitted, the sender's
 * {@code sourceTaskId} is called {@code taskId}, {@code attachments} is the JSON text exactly as
 * sent, and the version travels in the {@code ETag} header rather than here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HandoffJson(
        String id,
        String fromProfileId,
        String toProfileId,
        String taskId,
        String targetTaskId,
        String subject,
        String body,
        String attachments,
        int priority,
        String status,
        boolean requiresApproval,
        String approvedBy,
        String parentMessageId,
        int chainDepth,
        String createdAt,
        String respondedAt,
        String expiresAt) {

    /** Every field a handoff has on the wire, plus the version its ETag carries: none of them a client sets. */
    static final Set<String> FIELDS = Stream.concat(
                    Arrays.stream(HandoffJson.class.getRecordComponents()).map(RecordComponent::getName),
                    Stream.of("version"))
            .collect(Collectors.toUnmodifiableSet());

    static HandoffJson of(Handoff handoff) {
        return new HandoffJson(
                handoff.id().toString(),
                handoff.fromProfileId(),
                handoff.toProfileId(),
                handoff.sourceTaskId().orElse(null),
                handoff.targetTaskId().orElse(null),
                handoff.subject(),
                handoff.body(),
                handoff.attachments().map(JsonText::text).orElse(null),
                handoff.priority().value(),
                handoff.status().wireName(),
                handoff.requiresApproval(),
                handoff.approvedBy().orElse(null),
                handoff.parentMessageId().map(HandoffId::toString).orElse(null),
                handoff.chainDepth().value(),
                Timestamps.format(handoff.createdAt()),
                timestamp(handoff.respondedAt()),
                Timestamps.format(handoff.expiresAt()));
    }

    private static String timestamp(Optional<Instant> instant) {
        return instant.map(Timestamps::format).orElse(null);
    }
}
