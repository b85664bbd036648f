package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.CreateHandoffCommand;

import java.time.Instant;

/**
 * The body of {@code POST /api/handoffs}: the seed's request fields, plus the optional
 * {@code expiresAt} and the conversation's handoff state ({@code conversationId}, {@code sharedId},
 * {@code data}). Fields of the response that the server sets are refused as read-only.
 */
final class CreateHandoffRequest {

    private CreateHandoffRequest() {
    }

    static CreateHandoffCommand read(JsonNode body, Tenant tenant, String idempotencyKey) {
        RequestFields fields = RequestFields.of(body);
        String fromProfileId = fields.text("fromProfileId");
        String toProfileId = fields.text("toProfileId");
        String sourceTaskId = fields.text("sourceTaskId");
        String subject = fields.text("subject");
        String text = fields.text("body");
        String attachments = fields.text("attachments");
        Integer priority = fields.integer("priority");
        Boolean requiresApproval = fields.bool("requiresApproval");
        String parentMessageId = fields.text("parentMessageId");
        Instant expiresAt = fields.timestamp("expiresAt");
        String conversationId = fields.text("conversationId");
        String sharedId = fields.text("sharedId");
        ObjectNode data = fields.object("data");
        fields.finish(HandoffJson.FIELDS);
        return new CreateHandoffCommand(tenant, fromProfileId, toProfileId, sourceTaskId, subject, text, attachments,
                priority, requiresApproval, parentMessageId, expiresAt, conversationId, sharedId,
                data == null ? null : StrictJson.write(data), idempotencyKey);
    }
}
