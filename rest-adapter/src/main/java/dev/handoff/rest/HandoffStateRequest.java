package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.RecordHandoffStateCommand;

import java.util.Set;

/** The body of {@code POST /v1/{account_id}/{project_id}/handoff_state}: {@code {"id", "shared_id"?, "data"}}. */
final class HandoffStateRequest {

    private HandoffStateRequest() {
    }

    static RecordHandoffStateCommand read(JsonNode body, Tenant tenant) {
        RequestFields fields = RequestFields.of(body);
        String conversationId = fields.text("id");
        String sharedId = fields.text("shared_id");
        ObjectNode data = fields.object("data");
        fields.finish(Set.of());
        return new RecordHandoffStateCommand(tenant, conversationId, sharedId,
                data == null ? null : StrictJson.write(data));
    }
}
