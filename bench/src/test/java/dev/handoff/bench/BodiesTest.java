package dev.handoff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EXPIRES = Instant.parse("2026-11-23T10:00:00.123Z");

    @Test
    void theCreateRequestAsksForApprovalAndNamesItsExpiry() throws Exception {
        // when
        JsonNode create = JSON.readTree(Bodies.create(EXPIRES));

        // then
        assertThat(create.get("fromProfileId").asText()).isEqualTo("analyst-agent");
        assertThat(create.get("toProfileId").asText()).isEqualTo("reviewer-agent");
        assertThat(create.get("priority").asInt()).isEqualTo(1);
        assertThat(create.get("requiresApproval").asBoolean()).isTrue();
        assertThat(create.get("expiresAt").asText()).isEqualTo("2026-11-23T10:00:00.123Z");
    }

    @Test
    void thePeerGetsTheSameFieldsAsTypedProcessVariables() throws Exception {
        // when
        JsonNode start = JSON.readTree(Bodies.peerStart("b-1", EXPIRES));

        // then
        assertThat(start.get("businessKey").asText()).isEqualTo("b-1");
        JsonNode variables = start.get("variables");
        assertThat(variables.get("expiresAt").get("value").asText()).isEqualTo("2026-11-23T10:00:00.123+0000");
        assertThat(variables.get("expiresAt").get("type").asText()).isEqualTo("Date");
        assertThat(variables.get("requiresApproval").get("value").asBoolean()).isTrue();
        assertThat(variables.get("requiresApproval").get("type").asText()).isEqualTo("Boolean");
        assertThat(variables.get("priority").get("type").asText()).isEqualTo("Integer");
        assertThat(variables.get("subject").get("value").asText()).isEqualTo(Bodies.SUBJECT);
        JsonNode create = JSON.readTree(Bodies.create(EXPIRES));
        create.fieldNames().forEachRemaining(field -> assertThat(variables.has(field)).as(field).isTrue());
    }

    @Test
    void decisionsAndMessagesAreValidJson() throws Exception {
        // then
        assertThat(JSON.readTree(Bodies.approve()).get("action").asText()).isEqualTo("approve");
        assertThat(JSON.readTree(Bodies.start()).get("action").asText()).isEqualTo("start");
        assertThat(JSON.readTree(Bodies.complete()).get("action").asText()).isEqualTo("complete");
        assertThat(JSON.readTree(Bodies.state("CONV-1", "crm-1")).get("data").get("reason").asText())
                .isEqualTo("billing");
        assertThat(JSON.readTree(Bodies.peerApprove()).get("variables").get("decision").get("value").asText())
                .isEqualTo("approve");
        assertThat(JSON.readTree(Bodies.peerMessage("HandoffStarted", "p-1")).get("processInstanceId").asText())
                .isEqualTo("p-1");
    }
}
