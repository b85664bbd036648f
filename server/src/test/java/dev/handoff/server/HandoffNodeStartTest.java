package dev.handoff.server;

import dev.handoff.persistence.HandoffPersistence;
import dev.handoff.persistence.PersistenceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's start on the embedded database: the steps that run side by side still end in a node that serves. */
class HandoffNodeStartTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    @Test
    void a_node_on_a_new_data_directory_is_ready_at_once_and_a_restart_deploys_no_new_process_version()
            throws Exception {
        // when a node starts on a new data directory
        try (HandoffNode node = HandoffNode.start(settings(Map.of()))) {
            // then it is ready as soon as it answers: database, engine and API
            HttpResponse<String> health = get(node, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\":\"UP\"").contains("\"engine\":\"UP\"");
        }

        // when it starts again on the same directory
        try (HandoffNode node = HandoffNode.start(settings(Map.of()))) {
            // then
            assertThat(get(node, "/health").statusCode()).isEqualTo(200);
        }

        // then the process was deployed once, with the default history time to live
        assertThat(processVersions()).containsExactly("1: 30 days");
    }

    @Test
    void another_history_time_to_live_deploys_a_new_process_version_with_it() throws Exception {
        // given a node that ran with the default
        HandoffNode.start(settings(Map.of())).close();

        // when it starts with another time to live
        try (HandoffNode node = HandoffNode.start(settings(Map.of("handoff.history.ttl", "P7D")))) {
            assertThat(get(node, "/health").statusCode()).isEqualTo(200);
        }

        // then
        assertThat(processVersions()).containsExactly("1: 30 days", "2: 7 days");
    }

    @Test
    void schemas_created_in_a_new_embedded_database_are_synced_once_at_their_end_and_every_commit_after_them()
            throws Exception {
        PersistenceSettings embedded = PersistenceSettings.embedded(dataDir);
        // given a database this open creates
        try (HandoffPersistence persistence = HandoffPersistence.open(embedded)) {
            // when another schema is created in it
            String during = persistence.creatingSchemas(() -> writeDelay(persistence));

            // then its statements were synced together, and commits are synced one by one again
            assertThat(during).isEqualTo("true");
            assertThat(writeDelay(persistence)).isEqualTo("false");
        }

        // given a database that exists
        try (HandoffPersistence persistence = HandoffPersistence.open(embedded)) {
            // then every commit stays synced
            assertThat(persistence.creatingSchemas(() -> writeDelay(persistence))).isEqualTo("false");
        }
    }

    private ServerSettings settings(Map<String, String> more) {
        Map<String, String> flags = new HashMap<>(Map.of("handoff.data-dir", dataDir.toString(),
                "handoff.port", "0", "handoff.host", "127.0.0.1"));
        flags.putAll(more);
        return ServerSettings.from(Configuration.load(flags, Map.of()));
    }

    private HttpResponse<String> get(HandoffNode node, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The handoff process's versions, read from the stopped node's database. */
    private List<String> processVersions() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(PersistenceSettings.embedded(dataDir).jdbcUrl(), "SA", "");
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT VERSION_, HISTORY_TTL_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'handoff' ORDER BY VERSION_")) {
                while (rows.next()) {
                    versions.add(rows.getInt(1) + ": " + rows.getInt(2) + " days");
                }
            }
            statement.execute("SHUTDOWN");
        }
        return versions;
    }

    private static String writeDelay(HandoffPersistence persistence) {
        try (Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                     + " WHERE PROPERTY_NAME = 'hsqldb.write_delay'")) {
            row.next();
            return row.getString(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
