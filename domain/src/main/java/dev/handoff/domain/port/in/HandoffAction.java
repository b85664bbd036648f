package dev.handoff.domain.port.in;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.model.Violations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What an approver or the recipient does to a handoff (the PATCH actions). */
public sealed interface HandoffAction {

    /** The action's wire name: approve, reject, start or complete. */
    String name();

    Transition applyTo(Handoff handoff, Instant now);

    /** An approver accepts the handoff; {@code approvedBy} defaults to {@value Handoff#DEFAULT_APPROVER}. */
    record Approve(String approvedBy) implements HandoffAction {
        public Approve {
            approvedBy = approver(approvedBy);
        }

        public String name() {
            return "approve";
        }

        public Transition applyTo(Handoff handoff, Instant now) {
            return handoff.approve(approvedBy, now);
        }
    }

    /** An approver declines the handoff; {@code approvedBy} records who decided. */
    record Reject(String approvedBy) implements HandoffAction {
        public Reject {
            approvedBy = approver(approvedBy);
        }

        public String name() {
            return "reject";
        }

        public Transition applyTo(Handoff handoff, Instant now) {
            return handoff.reject(approvedBy, now);
        }
    }

    /** The recipient begins work, optionally naming the task it created for it. */
    record Start(Optional<String> targetTaskId) implements HandoffAction {
        public Start {
            Objects.requireNonNull(targetTaskId, "targetTaskId");
            Violations violations = new Violations();
            violations.optional("targetTaskId", targetTaskId.orElse(null), Limits.IDENTIFIER_MAX);
            violations.throwIfAny();
        }

        public String name() {
            return "start";
        }

        public Transition applyTo(Handoff handoff, Instant now) {
            return handoff.start(targetTaskId, now);
        }
    }

    /** The recipient reports the work done. */
    record Complete() implements HandoffAction {
        public String name() {
            return "complete";
        }

        public Transition applyTo(Handoff handoff, Instant now) {
            return handoff.complete(now);
        }
    }

    private static String approver(String approvedBy) {
        if (approvedBy == null) {
            return Handoff.DEFAULT_APPROVER;
        }
        Violations violations = new Violations();
        violations.required("approvedBy", approvedBy, Limits.IDENTIFIER_MAX);
        violations.throwIfAny();
        return approvedBy;
    }
}
