package dev.handoff.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database runs with the product's settings even when its files were created
 * without them (HSQLDB reads URL properties only when it creates a database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedSettingsTest {

    @TempDir
    static Path dataDir;

    private HandoffPersistence persistence;

    @BeforeAll
    void open_a_database_first_created_with_hsqldb_defaults() throws SQLException {
        String bareUrl = "jdbc:hsqldb:file:" + dataDir.resolve("handoff");
        try (Connection connection = DriverManager.getConnection(bareUrl, "SA", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        persistence = HandoffPersistence.open(PersistenceSettings.embedded(dataDir));
    }

    @AfterAll
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "sql.syntax_pgs,                true",
            "hsqldb.tx,                     MVCC",
            "hsqldb.write_delay,            false",
            "hsqldb.default_table_type,     CACHED",
            "hsqldb.log_size,               64",
            "hsqldb.cache_size,             16384",
            "hsqldb.cache_rows,             25000",
            "hsqldb.result_max_memory_rows, 10000",
            "hsqldb.nio_max_size,           4096"})
    void the_database_runs_with_the_chosen_setting(String property, String value) throws SQLException {
        assertThat(query("SELECT property_value FROM information_schema.system_properties WHERE property_name = ?",
                property)).isEqualToIgnoringCase(value);
    }

    @Test
    void the_domain_tables_are_cached_tables_kept_on_disk() throws SQLException {
        assertThat(query("SELECT hsqldb_type FROM information_schema.system_tables WHERE table_name = ?", "HANDOFF"))
                .isEqualTo("CACHED");
    }

    private String query(String sql, String parameter) throws SQLException {
        try (Connection connection = persistence.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a row for %s", parameter).isTrue();
                return rows.getString(1);
            }
        }
    }
}
