package dev.handoff.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The database as Handoff opens it, for another system: Handoff's settings, none of Handoff's tables. */
class HandoffDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void a_new_embedded_database_has_handoffs_settings_and_no_tables() throws SQLException {
        try (HandoffDatabase database = HandoffDatabase.open(PersistenceSettings.embedded(dataDir))) {
            assertThat(query(database, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'"))
                    .isEqualTo("0");
            assertThat(query(database, "SELECT property_value FROM information_schema.system_properties"
                    + " WHERE property_name = 'sql.syntax_pgs'")).isEqualTo("true");
        }
    }

    @Test
    void schemas_created_on_a_new_embedded_database_are_synced_once_at_the_end_and_kept() throws SQLException {
        PersistenceSettings settings = PersistenceSettings.embedded(dataDir);
        try (HandoffDatabase database = HandoffDatabase.open(settings)) {
            String during = database.creatingSchemas(() -> {
                execute(database, "CREATE TABLE other_system (id INT PRIMARY KEY)");
                return writeDelay(database);
            });
            assertThat(during).as("log synced at the end only").isEqualTo("true");
            assertThat(writeDelay(database)).as("every commit synced again").isEqualTo("false");
        }
        try (HandoffDatabase reopened = HandoffDatabase.open(settings)) {
            assertThat(query(reopened, "SELECT COUNT(*) FROM other_system")).isEqualTo("0");
            String during = reopened.creatingSchemas(() -> writeDelay(reopened));
            assertThat(during).as("an existing database is not relaxed").isEqualTo("false");
        }
    }

    @Test
    void handoffs_persistence_opens_it_with_handoffs_tables() throws SQLException {
        PersistenceSettings settings = PersistenceSettings.embedded(dataDir);
        try (HandoffPersistence persistence = HandoffPersistence.open(settings)) {
            assertThat(persistence.dataSource()).isNotNull();
        }
        try (HandoffDatabase database = HandoffDatabase.open(settings)) {
            assertThat(query(database, "SELECT COUNT(*) FROM handoff")).isEqualTo("0");
        }
    }

    private static String writeDelay(HandoffDatabase database) {
        try {
            return query(database, "SELECT property_value FROM information_schema.system_properties"
                    + " WHERE property_name = 'hsqldb.write_delay'");
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void execute(HandoffDatabase database, String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String query(HandoffDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
