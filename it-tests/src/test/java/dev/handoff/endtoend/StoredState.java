package dev.handoff.endtoend;

import dev.handoff.persistence.PersistenceSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a stopped node left in its embedded database: handoff rows and the engine's process
 * instances, read with plain JDBC so that the check trusts neither adapter.
 */
record StoredState(Map<String, String> handoffStatuses, Set<String> processBusinessKeys,
                   Set<String> runningProcessBusinessKeys) {

    static StoredState of(Path dataDir) {
        PersistenceSettings settings = PersistenceSettings.embedded(dataDir);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            Map<String, String> handoffs = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT id, status FROM handoff")) {
                while (rows.next()) {
                    handoffs.put(rows.getString(1), rows.getString(2));
                }
            }
            Set<String> processes = strings(statement,
                    "SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'handoff'");
            Set<String> running = strings(statement,
                    "SELECT business_key_ FROM act_ru_execution WHERE parent_id_ IS NULL AND business_key_ IS NOT NULL");
            statement.execute("SHUTDOWN");
            return new StoredState(handoffs, processes, running);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot read " + dataDir, failure);
        }
    }

    private static Set<String> strings(Statement statement, String query) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
