package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.HandoffAction;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names of the handoff process's variables and their translation to and from the domain.
 * Only small values live here — ids, tenant, flags, status, decision, approver — never subject,
 * body or attachments: Camunda stores string variables in 4000 characters (design.md, trap 6).
 */
final class ProcessVariables {

    static final String HANDOFF_ID = "handoffId";
    static final String ACCOUNT_ID = "accountId";
    static final String PROJECT_ID = "projectId";
    static final String FROM_PROFILE_ID = "fromProfileId";
    static final String TO_PROFILE_ID = "toProfileId";
    static final String SOURCE_TASK_ID = "sourceTaskId";
    static final String PARENT_MESSAGE_ID = "parentMessageId";
    static final String SUBJECT = "subject";
    static final String BODY = "body";
    static final String PRIORITY = "priority";
    static final String REQUIRES_APPROVAL = "requiresApproval";
    /** An ISO-8601 instant; the expiry timers fire at it. */
    static final String EXPIRES_AT = "expiresAt";
    static final String APPROVER_GROUP = "approverGroup";
    static final String HANDOFF_STATUS = "handoffStatus";
    /** {@code approve} or {@code reject}, set when the approval task is completed. */
    static final String DECISION = "decision";
    static final String APPROVED_BY = "approvedBy";
    /** Optional, when work starts: the task the recipient created for the handoff. */
    static final String TARGET_TASK_ID = "targetTaskId";

    static final String APPROVE = "approve";
    static final String REJECT = "reject";

    private ProcessVariables() {
    }

    /**
     * What the process the domain starts for a new handoff needs. Its id, tenant and status stay with
     * the process: the steps and calling processes read them later. The rest is transient: it offers
     * the approval task and sets the timers in the starting transaction and is never written, which
     * spares six variable rows and their history per handoff (docs/benchmarks.md).
     */
    static VariableMap ofNewHandoff(Handoff handoff, String approverGroup) {
        return ofHandoff(handoff, approverGroup, true);
    }

    /**
     * The same for a handoff a calling process created: its inputs are already variables of the
     * process, so they stay variables, normalized by the domain.
     */
    static VariableMap ofCreatedHandoff(Handoff handoff, String approverGroup) {
        return ofHandoff(handoff, approverGroup, false);
    }

    private static VariableMap ofHandoff(Handoff handoff, String approverGroup, boolean startOnlyTransient) {
        VariableMap variables = Variables.createVariables()
                .putValue(HANDOFF_ID, handoff.id().toString())
                .putValue(ACCOUNT_ID, handoff.tenant().accountId())
                .putValue(PROJECT_ID, handoff.tenant().projectId())
                .putValueTyped(FROM_PROFILE_ID, Variables.untypedValue(handoff.fromProfileId(), startOnlyTransient))
                .putValueTyped(TO_PROFILE_ID, Variables.untypedValue(handoff.toProfileId(), startOnlyTransient))
                .putValueTyped(PRIORITY, Variables.untypedValue(handoff.priority().value(), startOnlyTransient))
                .putValueTyped(REQUIRES_APPROVAL, Variables.untypedValue(handoff.requiresApproval(),
                        startOnlyTransient))
                .putValueTyped(EXPIRES_AT, Variables.untypedValue(isoInstant(handoff.expiresAt()), startOnlyTransient))
                .putValueTyped(APPROVER_GROUP, Variables.untypedValue(approverGroup, startOnlyTransient));
        variables.putAll(afterMove(handoff));
        return variables;
    }

    /**
     * The outcome a calling process reads back after a move: the status. Who decided is written with
     * the decision ({@link #afterDecision}) and never changes; writing it again at each later move
     * cost an update of its variable and of its history row, and the read of that row.
     */
    static Map<String, Object> afterMove(Handoff handoff) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(HANDOFF_STATUS, handoff.status().wireName());
        return variables;
    }

    /** After an approval or a rejection: the status and who decided. */
    static Map<String, Object> afterDecision(Handoff handoff) {
        Map<String, Object> variables = afterMove(handoff);
        handoff.approvedBy().ifPresent(approver -> variables.put(APPROVED_BY, approver));
        return variables;
    }

    /** After {@code action}: a decision's outcome, or a later move's. */
    static Map<String, Object> after(HandoffAction action, Handoff handoff) {
        return action instanceof HandoffAction.Approve || action instanceof HandoffAction.Reject
                ? afterDecision(handoff) : afterMove(handoff);
    }

    static HandoffId handoffId(VariableScope scope) {
        return HandoffId.parse(text(scope, HANDOFF_ID), HANDOFF_ID);
    }

    static Tenant tenant(VariableScope scope) {
        return new Tenant(text(scope, ACCOUNT_ID), text(scope, PROJECT_ID));
    }

    /** A text variable; absent is null, anything but text is invalid input naming the variable. */
    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw InvalidInput.of(name, "must be text, was " + value.getClass().getSimpleName());
    }

    /** The decision a Tasklist user completed the approval task with. */
    static HandoffAction decision(VariableScope scope) {
        String decision = text(scope, DECISION);
        String approvedBy = text(scope, APPROVED_BY);
        if (APPROVE.equals(decision)) {
            return new HandoffAction.Approve(approvedBy);
        }
        if (REJECT.equals(decision)) {
            return new HandoffAction.Reject(approvedBy);
        }
        throw InvalidInput.of(DECISION, "must be " + APPROVE + " or " + REJECT);
    }

    static HandoffAction start(VariableScope scope) {
        return new HandoffAction.Start(Optional.ofNullable(text(scope, TARGET_TASK_ID)));
    }

    /** Milliseconds are what the engine's date parser keeps; the expiry is never moved earlier. */
    static String isoInstant(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return (millis.isBefore(instant) ? millis.plusMillis(1) : millis).toString();
    }
}
