package dev.handoff.bench.peer;

import dev.handoff.persistence.PersistenceSettings;
import dev.handoff.testing.PostgresDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The peer on both databases the benchmark runs on, started in-process on a free port. */
class PeerServerTest {

    @Nested
    class OnEmbeddedHsqldb extends PeerServerContract {

        private Path directory;

        @Override
        PeerOptions freshDatabase() throws IOException {
            directory = Files.createTempDirectory("peer-");
            return PeerOptions.parse("--port", "0", "--db", "embedded:" + directory.resolve("db"));
        }

        @Override
        void dropDatabase() throws IOException {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }

        @Test
        void camundasTablesAndTheFloorsAreCachedLikeHandoffs() throws SQLException {
            // when the table types are read back
            Map<String, String> types = new HashMap<>();
            try (Connection connection = server.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet tables = statement.executeQuery("SELECT table_name, hsqldb_type"
                         + " FROM information_schema.system_tables WHERE table_schem = 'PUBLIC'")) {
                while (tables.next()) {
                    types.put(tables.getString(1), tables.getString(2));
                }
            }

            // then Camunda's tables and the floor's are kept on disk, not in the heap
            assertThat(types).containsKeys("ACT_RU_TASK", "ACT_RU_JOB", "ACT_HI_PROCINST", "FLOOR_HANDOFF");
            assertThat(types).allSatisfy((table, type) -> assertThat(type).as(table).isEqualTo("CACHED"));
        }
    }

    @Nested
    class OnPostgresql extends PeerServerContract {

        private PostgresDatabase database;

        @Override
        PeerOptions freshDatabase() {
            database = PostgresDatabase.create();
            return new PeerOptions(0, PersistenceSettings.postgres(database.url(), database.user(), ""), false);
        }

        @Override
        void dropDatabase() {
            if (database != null) {
                database.close();
            }
        }
    }
}
