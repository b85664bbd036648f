package dev.handoff.domain.model;

import java.time.Instant;

/** What happened to a handoff: one type per transition, published on the handoff bus. */
public sealed interface HandoffEvent {

    HandoffId handoffId();

    Tenant tenant();

    Instant occurredAt();

    /** A stable name for subscribers and stored events, e.g. {@code handoff.approved}. */
    String type();

    record HandoffCreated(HandoffId handoffId, Tenant tenant, String fromProfileId, String toProfileId,
                          boolean requiresApproval, Instant expiresAt, Instant occurredAt) implements HandoffEvent {
        public String type() {
            return "handoff.created";
        }
    }

    record HandoffApproved(HandoffId handoffId, Tenant tenant, String approvedBy, Instant occurredAt)
            implements HandoffEvent {
        public String type() {
            return "handoff.approved";
        }
    }

    record HandoffRejected(HandoffId handoffId, Tenant tenant, String approvedBy, Instant occurredAt)
            implements HandoffEvent {
        public String type() {
            return "handoff.rejected";
        }
    }

    /** The recipient began work; {@code implicitlyAccepted} when no approval was required. */
    record HandoffStarted(HandoffId handoffId, Tenant tenant, boolean implicitlyAccepted, Instant occurredAt)
            implements HandoffEvent {
        public String type() {
            return "handoff.started";
        }
    }

    record HandoffCompleted(HandoffId handoffId, Tenant tenant, Instant occurredAt) implements HandoffEvent {
        public String type() {
            return "handoff.completed";
        }
    }

    record HandoffExpired(HandoffId handoffId, Tenant tenant, Instant occurredAt) implements HandoffEvent {
        public String type() {
            return "handoff.expired";
        }
    }
}
