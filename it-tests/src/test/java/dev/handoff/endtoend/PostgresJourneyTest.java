package dev.handoff.endtoend;

import dev.handoff.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same server on PostgreSQL, chosen by configuration alone. */
class PostgresJourneyTest {

    @TempDir
    Path workspace;

    @Test
    void on_postgresql_a_handoff_goes_through_its_lifecycle_and_another_expires_on_time() {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            // given
            Map<String, String> settings = Map.of("HANDOFF_DB_URL", database.url(), "HANDOFF_DB_USER", database.user());
            Path dataDir = ServerProcess.newDataDir(workspace, "data");
            try (ServerProcess server = ServerProcess.serve(dataDir, settings)) {
                Api api = new Api(server.baseUrl(), Keys.create(dataDir, settings, "ACCOUNT-1", "PROJECT-1"));

                // when
                String id = api.create("{\"requiresApproval\": true}");
                api.patch("/api/handoffs/" + id, "{\"action\": \"approve\", \"approvedBy\": \"reviewer-agent\"}");
                api.patch("/api/handoffs/" + id, "{\"action\": \"start\"}");
                Api.Reply completed = api.patch("/api/handoffs/" + id, "{\"action\": \"complete\"}");
                String expiring = api.create("{\"expiresAt\": \"" + Instant.now().plusSeconds(2) + "\"}");

                // then
                assertThat(completed.field("status")).isEqualTo("completed");
                assertThat(completed.field("approvedBy")).isEqualTo("reviewer-agent");
                assertThat(api.awaitStatus(expiring, "expired", Duration.ofSeconds(45))).isEqualTo("expired");
                assertThat(server.output()).anyMatch(line -> line.contains("PostgreSQL"));
            }
        }
    }
}
