package dev.handoff.bench.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FloorHandoffRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-04-03T10:45:00.123456Z");

    @Test
    void aMinimalBodyGetsHandoffsDefaults() throws Exception {
        // given
        FloorHandoffRequest request = JSON.readValue("""
                {"fromProfileId":"a","toProfileId":"b","subject":"s","body":"text","priority":2}""",
                FloorHandoffRequest.class);

        // when
        FloorHandoff row = request.toRow(UUID.randomUUID(), NOW);

        // then
        assertThat(row.status()).isEqualTo("pending");
        assertThat(row.requiresApproval()).isFalse();
        assertThat(row.fromTaskId()).isNull();
        assertThat(row.createdAt()).isEqualTo(Instant.parse("2026-04-03T10:45:00.123Z"));
        assertThat(row.expiresAt()).isEqualTo(Instant.parse("2026-04-04T10:45:00.123Z"));
        assertThat(row.accountId()).isEqualTo(FloorHandoffRequest.ACCOUNT);
    }

    @Test
    void theSourceTaskMayAlsoBeNamedFromTaskId() throws Exception {
        // given
        FloorHandoffRequest request = JSON.readValue("""
                {"fromProfileId":"a","toProfileId":"b","fromTaskId":"task-1","subject":"s","body":"text",
                 "expiresAt":"2026-04-05T00:00:00.000+02:00"}""", FloorHandoffRequest.class);

        // when
        FloorHandoff row = request.toRow(UUID.randomUUID(), NOW);

        // then
        assertThat(row.fromTaskId()).isEqualTo("task-1");
        assertThat(row.expiresAt()).isEqualTo(Instant.parse("2026-04-04T22:00:00Z"));
    }

    @Test
    void anExpiryThatIsNoTimestampIsRefused() throws Exception {
        // given
        FloorHandoffRequest request = JSON.readValue("""
                {"fromProfileId":"a","toProfileId":"b","subject":"s","body":"text","expiresAt":"tomorrow"}""",
                FloorHandoffRequest.class);

        // when / then
        assertThatThrownBy(() -> request.toRow(UUID.randomUUID(), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiresAt");
    }
}
