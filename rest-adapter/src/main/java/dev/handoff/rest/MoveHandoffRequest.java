package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.port.in.HandoffAction;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PATCH /api/handoffs/{id}}: {@code {"action":"approve"|"reject","approvedBy"?}},
 * {@code {"action":"start","targetTaskId"?}} or {@code {"action":"complete"}}. A field of another
 * action is refused, so that a client never believes it set something that was ignored.
 */
final class MoveHandoffRequest {

    static final List<String> ACTIONS = List.of("approve", "reject", "start", "complete");
    private static final String APPROVED_BY = "approvedBy";
    private static final String TARGET_TASK_ID = "targetTaskId";

    /** Response fields a PATCH cannot set; approvedBy and targetTaskId are set through their actions. */
    private static final Set<String> READ_ONLY = readOnly();

    private MoveHandoffRequest() {
    }

    static HandoffAction read(JsonNode body) {
        RequestFields fields = RequestFields.of(body);
        String action = fields.oneOf("action", ACTIONS);
        String approvedBy = null;
        String targetTaskId = null;
        if ("approve".equals(action) || "reject".equals(action)) {
            approvedBy = fields.text(APPROVED_BY);
            fields.forbid(TARGET_TASK_ID, "does not belong to action " + action + ", only to start");
        } else if ("start".equals(action)) {
            targetTaskId = fields.text(TARGET_TASK_ID);
            fields.forbid(APPROVED_BY, "does not belong to action start, only to approve and reject");
        } else if ("complete".equals(action)) {
            fields.forbid(APPROVED_BY, "does not belong to action complete, only to approve and reject");
            fields.forbid(TARGET_TASK_ID, "does not belong to action complete, only to start");
        } else {
            fields.text(APPROVED_BY); // the action is wrong already; still check what came with it
            fields.text(TARGET_TASK_ID);
        }
        fields.finish(READ_ONLY);
        return switch (action) {
            case "approve" -> new HandoffAction.Approve(approvedBy);
            case "reject" -> new HandoffAction.Reject(approvedBy);
            case "start" -> new HandoffAction.Start(Optional.ofNullable(targetTaskId));
            default -> new HandoffAction.Complete();
        };
    }

    private static Set<String> readOnly() {
        Set<String> names = new HashSet<>(HandoffJson.FIELDS);
        names.remove(APPROVED_BY);
        names.remove(TARGET_TASK_ID);
        return Set.copyOf(names);
    }
}
