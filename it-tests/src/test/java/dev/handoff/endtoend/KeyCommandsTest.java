package dev.handoff.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/handoff keys …} with no server on the data directory, and through the one that runs there. */
class KeyCommandsTest {

    private static final Map<String, String> SETTINGS = Map.of();

    @TempDir
    Path workspace;

    @Test
    void keys_made_before_the_server_starts_work_and_are_revoked_through_it() {
        // given: no server yet, so the command opens the database itself
        Path dataDir = ServerProcess.newDataDir(workspace, "data");
        String key = Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1", "handoffs:read");
        String keyId = key.substring("hk_".length(), "hk_".length() + 16);
        List<String> listed = ServerProcess.run(SETTINGS, "keys", "list", "--data-dir", dataDir.toString());
        assertThat(listed).anyMatch(line -> line.startsWith(keyId) && line.contains("handoffs:read"));
        assertThat(String.join("\n", listed)).doesNotContain(key);

        try (ServerProcess server = ServerProcess.serve(dataDir, SETTINGS)) {
            Api api = new Api(server.baseUrl(), key);
            assertThat(api.get("/api/handoffs").status()).isEqualTo(200);
            assertThat(api.post("/api/handoffs", Api.seedBody("{}")).status()).as("read-only key").isEqualTo(403);

            // when: the server holds the database, so the command goes through it
            List<String> revoked = ServerProcess.run(SETTINGS, "keys", "revoke", keyId, "--data-dir", dataDir.toString());

            // then
            assertThat(revoked).anyMatch(line -> line.startsWith("Revoked API key " + keyId));
            assertThat(api.get("/api/handoffs").status()).isEqualTo(401);
        }
    }
}
