package dev.handoff.server;

import dev.handoff.persistence.PersistenceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A running node forgets the idempotency keys past their 24 hours by itself, and only those. */
class IdempotencyKeySweepTest {

    @TempDir
    Path dataDir;

    @Test
    void a_node_forgets_keys_older_than_24_hours_and_keeps_the_younger_ones() throws Exception {
        // given a node that sweeps every 200 ms
        try (HandoffNode node = HandoffNode.start(ServerSettings.from(Configuration.load(Map.of(
                "handoff.data-dir", dataDir.toString(), "handoff.port", "0", "handoff.host", "127.0.0.1",
                "handoff.idempotency.sweep", "PT0.2S"), Map.of())))) {
            // and keys recorded 25 hours and 23 hours ago
            Instant now = Instant.now();
            record("stale", now.minus(Duration.ofHours(25)));
            record("fresh", now.minus(Duration.ofHours(23)));

            // when a few sweeps have passed
            List<String> remaining = keys();
            for (int polls = 0; remaining.contains("stale") && polls < 50; polls++) {
                Thread.sleep(200);
                remaining = keys();
            }

            // then
            assertThat(remaining).containsExactly("fresh");
        }
    }

    private void record(String key, Instant recordedAt) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key"
                     + " (account_id, project_id, idempotency_key, fingerprint, handoff_id, created_at)"
                     + " VALUES ('account', 'project', ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, "f".repeat(64));
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private List<String> keys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = connect();
             ResultSet rows = connection.createStatement()
                     .executeQuery("SELECT idempotency_key FROM idempotency_key ORDER BY idempotency_key")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    /** The node's own database: in this JVM, the same file URL reaches the database the node opened. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(PersistenceSettings.embedded(dataDir).jdbcUrl(), "SA", "");
    }
}
