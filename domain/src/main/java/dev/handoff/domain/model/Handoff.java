package dev.handoff.domain.model;

import dev.handoff.domain.model.HandoffEvent.HandoffApproved;
import dev.handoff.domain.model.HandoffEvent.HandoffCompleted;
import dev.handoff.domain.model.HandoffEvent.HandoffCreated;
import dev.handoff.domain.model.HandoffEvent.HandoffExpired;
import dev.handoff.domain.model.HandoffEvent.HandoffRejected;
import dev.handoff.domain.model.HandoffEvent.HandoffStarted;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static dev.handoff.domain.model.HandoffStatus.ACCEPTED;
import static dev.handoff.domain.model.HandoffStatus.COMPLETED;
import static dev.handoff.domain.model.HandoffStatus.EXPIRED;
import static dev.handoff.domain.model.HandoffStatus.IN_PROGRESS;
import static dev.handoff.domain.model.HandoffStatus.PENDING;
import static dev.handoff.domain.model.HandoffStatus.REJECTED;

/**
 * The handoff aggregate: a message from one agent profile to another and its lifecycle.
 *
 * <p>Immutable. Each transition is pure (the caller passes the time and the actor), returns the
 * next version of the handoff with the event that describes the change, and refuses an illegal
 * move with {@link Conflict}. {@code version} counts stored changes and guards against lost updates.
 */
public record Handoff(
        HandoffId id,
        Tenant tenant,
        String fromProfileId,
        String toProfileId,
        Optional<String> sourceTaskId,
        Optional<String> targetTaskId,
        String subject,
        String body,
        Optional<JsonText> attachments,
        Priority priority,
        HandoffStatus status,
        boolean requiresApproval,
        Optional<String> approvedBy,
        Optional<HandoffId> parentMessageId,
        ChainDepth chainDepth,
        Instant createdAt,
        Optional<Instant> respondedAt,
        Instant expiresAt,
        long version) {

    /** The approver recorded when none is named (the seed's default). */
    public static final String DEFAULT_APPROVER = "user";

    public static final long FIRST_VERSION = 1;

    public Handoff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(fromProfileId, "fromProfileId");
        Objects.requireNonNull(toProfileId, "toProfileId");
        Objects.requireNonNull(sourceTaskId, "sourceTaskId");
        Objects.requireNonNull(targetTaskId, "targetTaskId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(parentMessageId, "parentMessageId");
        Objects.requireNonNull(chainDepth, "chainDepth");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(respondedAt, "respondedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (version < FIRST_VERSION) {
            throw new IllegalArgumentException("version starts at " + FIRST_VERSION + ": " + version);
        }
    }

    /** A new pending handoff at its first version, and the event announcing it. */
    public static Transition create(HandoffId id, Tenant tenant, Draft draft, ChainDepth chainDepth,
                                    Instant createdAt, Instant expiresAt) {
        Handoff handoff = new Handoff(id, tenant, draft.fromProfileId(), draft.toProfileId(), draft.sourceTaskId(),
                Optional.empty(), draft.subject(), draft.body(), draft.attachments(), draft.priority(), PENDING,
                draft.requiresApproval(), Optional.empty(), draft.parentMessageId(), chainDepth, createdAt,
                Optional.empty(), expiresAt, FIRST_VERSION);
        return new Transition(handoff, new HandoffCreated(id, tenant, draft.fromProfileId(), draft.toProfileId(),
                draft.requiresApproval(), expiresAt, createdAt));
    }

    /** What the sender chooses; everything else is decided when the handoff is created. */
    public record Draft(String fromProfileId, String toProfileId, Optional<String> sourceTaskId, String subject,
                        String body, Optional<JsonText> attachments, Priority priority, boolean requiresApproval,
                        Optional<HandoffId> parentMessageId) {
    }

    /** pending → accepted, by an approver. */
    public Transition approve(String approver, Instant now) {
        requireStatus(PENDING, "approve");
        Handoff next = decided(ACCEPTED, approver, now);
        return new Transition(next, new HandoffApproved(id, tenant, approver, now));
    }

    /** pending → rejected, by an approver. */
    public Transition reject(String approver, Instant now) {
        requireStatus(PENDING, "reject");
        Handoff next = decided(REJECTED, approver, now);
        return new Transition(next, new HandoffRejected(id, tenant, approver, now));
    }

    /**
     * accepted → in_progress; or pending → in_progress when no approval is required, which
     * accepts the handoff implicitly and so records the response time.
     */
    public Transition start(Optional<String> newTargetTaskId, Instant now) {
        boolean implicitAcceptance = status == PENDING && !requiresApproval;
        if (status != ACCEPTED && !implicitAcceptance) {
            throw status == PENDING
                    ? new Conflict("cannot start handoff " + id + ": it is pending and awaits approval")
                    : Conflict.illegalTransition(id, status, "start");
        }
        Handoff next = new Handoff(id, tenant, fromProfileId, toProfileId, sourceTaskId,
                newTargetTaskId.or(() -> targetTaskId), subject, body, attachments, priority, IN_PROGRESS,
                requiresApproval, approvedBy, parentMessageId, chainDepth, createdAt,
                implicitAcceptance ? Optional.of(now) : respondedAt, expiresAt, version + 1);
        return new Transition(next, new HandoffStarted(id, tenant, implicitAcceptance, now));
    }

    /** in_progress → completed, by the recipient. */
    public Transition complete(Instant now) {
        requireStatus(IN_PROGRESS, "complete");
        return new Transition(withStatus(COMPLETED), new HandoffCompleted(id, tenant, now));
    }

    /** pending → expired, by the expiry timer; empty (a no-op) once the handoff has moved on. */
    public Optional<Transition> expire(Instant now) {
        if (status != PENDING) {
            return Optional.empty();
        }
        return Optional.of(new Transition(withStatus(EXPIRED), new HandoffExpired(id, tenant, now)));
    }

    private void requireStatus(HandoffStatus required, String action) {
        if (status != required) {
            throw Conflict.illegalTransition(id, status, action);
        }
    }

    private Handoff decided(HandoffStatus decision, String approver, Instant now) {
        return new Handoff(id, tenant, fromProfileId, toProfileId, sourceTaskId, targetTaskId, subject, body,
                attachments, priority, decision, requiresApproval, Optional.of(approver), parentMessageId,
                chainDepth, createdAt, Optional.of(now), expiresAt, version + 1);
    }

    private Handoff withStatus(HandoffStatus next) {
        return new Handoff(id, tenant, fromProfileId, toProfileId, sourceTaskId, targetTaskId, subject, body,
                attachments, priority, next, requiresApproval, approvedBy, parentMessageId, chainDepth, createdAt,
                respondedAt, expiresAt, version + 1);
    }
}
