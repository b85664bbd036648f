package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.port.in.HandoffAction;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PATCH /api/handoffs/{id}}: {@code {"action":"approve"|"reject","approvedBy"?}},
 * {@code {"action":"start","targetTaskId"?}} or {@code {"action":"complete"}}. A field of another
 * action is refused, so that a client never believes it set something that was ignored.
 */
final class MoveHandoffRequest {

    static final String ACTIONS = "approve, reject, start, complete";
    private static final String APPROVED_BY = "approvedBy";
    private static final String TARGET_TASK_ID = "targetTaskId";

    /** Response fields a PATCH cannot set; approvedBy and targetTaskId are set through their actions. */
    private static final Set<String> READ_ONLY = readOnly();

    private MoveHandoffRequest() {
    }

    static HandoffAction read(JsonNode body) {
        RequestFields fields = RequestFields.of(body);
        String action = fields.text("action");
        Optional<HandoffAction> parsed = Optional.empty();
        if (action == null) {
            fields.forbid(APPROVED_BY, "needs an action");
            fields.forbid(TARGET_TASK_ID, "needs an action");
            fields.finish(READ_ONLY);
            throw InvalidInput.of("action", "is required: one of " + ACTIONS);
        }
        switch (action) {
            case "approve", "reject" -> {
                String approvedBy = fields.text(APPROVED_BY);
                fields.forbid(TARGET_TASK_ID, "does not belong to action " + action + "; only to start");
                fields.finish(READ_ONLY);
                parsed = Optional.of(action.equals("approve")
                        ? new HandoffAction.Approve(approvedBy)
                        : new HandoffAction.Reject(approvedBy));
            }
            case "start" -> {
                String targetTaskId = fields.text(TARGET_TASK_ID);
                fields.forbid(APPROVED_BY, "does not belong to action start; only to approve and reject");
                fields.finish(READ_ONLY);
                parsed = Optional.of(new HandoffAction.Start(Optional.ofNullable(targetTaskId)));
            }
            case "complete" -> {
                fields.forbid(APPROVED_BY, "does not belong to action complete; only to approve and reject");
                fields.forbid(TARGET_TASK_ID, "does not belong to action complete; only to start");
                fields.finish(READ_ONLY);
                parsed = Optional.of(new HandoffAction.Complete());
            }
            default -> {
                fields.text(APPROVED_BY);
                fields.text(TARGET_TASK_ID);
                fields.finish(READ_ONLY);
            }
        }
        return parsed.orElseThrow(() -> InvalidInput.of("action", "must be one of " + ACTIONS + ", was " + action));
    }

    private static Set<String> readOnly() {
        Set<String> names = new HashSet<>(HandoffJson.FIELDS);
        names.remove(APPROVED_BY);
        names.remove(TARGET_TASK_ID);
        return Set.copyOf(names);
    }
}
