package dev.handoff.bench;

import dev.handoff.persistence.PersistenceSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** One database of one system: an embedded data directory or a PostgreSQL database of its own. */
sealed interface Database permits Database.Embedded, Database.Postgres {

    DatabaseKind kind();

    /** The settings {@code bin/handoff serve} takes for it. */
    Map<String, String> handoffEnvironment();

    /** The peer's {@code --db} and friends. */
    List<String> peerArguments();

    /** Handoff's own settings for it, for seeding before a server runs on it. */
    PersistenceSettings persistenceSettings();

    /**
     * Readies the database for the next cell: brings the planner's statistics up to date, as
     * autovacuum does on a server that has it on (this machine's PostgreSQL has it off, and plans on
     * statistics from before a table grew read whole tables), and writes what earlier cells or the
     * seeding left dirty, so that no cell pays for another's checkpoint.
     */
    void settle() throws SQLException;

    record Embedded(Path directory) implements Database {
        @Override
        public DatabaseKind kind() {
            return DatabaseKind.HSQLDB;
        }

        @Override
        public Map<String, String> handoffEnvironment() {
            return Map.of("HANDOFF_DATA_DIR", directory.toString());
        }

        @Override
        public List<String> peerArguments() {
            return List.of("--db", "embedded:" + directory);
        }

        @Override
        public PersistenceSettings persistenceSettings() {
            return PersistenceSettings.embedded(directory);
        }

        /** HSQLDB chooses its indexes without statistics, and only the server holding it can checkpoint it. */
        @Override
        public void settle() {
        }
    }

    record Postgres(String jdbcUrl, String user) implements Database {
        @Override
        public DatabaseKind kind() {
            return DatabaseKind.POSTGRES;
        }

        @Override
        public Map<String, String> handoffEnvironment() {
            return Map.of("HANDOFF_DB_URL", jdbcUrl, "HANDOFF_DB_USER", user);
        }

        @Override
        public List<String> peerArguments() {
            return List.of("--db", "postgres:" + jdbcUrl, "--db-user", user);
        }

        @Override
        public PersistenceSettings persistenceSettings() {
            return PersistenceSettings.postgres(jdbcUrl, user, "");
        }

        @Override
        public void settle() throws SQLException {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
                statement.execute("CHECKPOINT");
            }
        }
    }
}
