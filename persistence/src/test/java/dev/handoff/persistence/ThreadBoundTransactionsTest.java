package dev.handoff.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-transaction mechanism: whatever writes on the thread inside a unit commits or rolls back with it. */
class ThreadBoundTransactionsTest {

    @TempDir
    Path dataDir;

    private HandoffPersistence persistence;

    @BeforeEach
    void open_an_embedded_database_with_a_probe_table() throws SQLException {
        persistence = HandoffPersistence.open(PersistenceSettings.embedded(dataDir));
        try (Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (name VARCHAR(50) PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    @Test
    void what_a_unit_writes_is_committed_when_it_ends() {
        // when
        persistence.transactions().inTransaction(() -> insert(persistence.transactionBoundDataSource(), "kept"));

        // then
        assertThat(names()).containsExactly("kept");
    }

    @Test
    void a_failing_unit_leaves_nothing_behind_and_rethrows() {
        // when
        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            insert(persistence.transactionBoundDataSource(), "lost");
            throw new IllegalStateException("boom after the write");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom after the write");

        // then
        assertThat(names()).isEmpty();
    }

    @Test
    void a_nested_unit_joins_its_caller_and_rolls_back_with_it() {
        // when
        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            persistence.transactions().inTransaction(() -> insert(persistence.transactionBoundDataSource(), "inner"));
            throw new IllegalStateException("the outer unit fails");
        })).isInstanceOf(IllegalStateException.class);

        // then
        assertThat(names()).isEmpty();
    }

    @Test
    void a_new_unit_commits_on_its_own_even_when_the_suspended_caller_rolls_back() {
        // when
        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            insert(persistence.transactionBoundDataSource(), "outer");
            persistence.transactions().inNewTransaction(() -> insert(persistence.transactionBoundDataSource(), "inner"));
            throw new IllegalStateException("the outer unit fails");
        })).isInstanceOf(IllegalStateException.class);

        // then
        assertThat(names()).containsExactly("inner");
    }

    @Test
    void the_engine_cannot_commit_or_close_the_connection_it_shares_with_the_unit() {
        // when
        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            try (Connection shared = persistence.transactionBoundDataSource().getConnection();
                 Statement statement = shared.createStatement()) {
                statement.executeUpdate("INSERT INTO probe VALUES ('engine')");
                shared.commit();
                shared.setAutoCommit(true);
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
            insert(persistence.transactionBoundDataSource(), "after the engine closed its handle");
            throw new IllegalStateException("the unit fails afterwards");
        })).hasMessage("the unit fails afterwards");

        // then
        assertThat(names()).isEmpty();
    }

    @Test
    void outside_a_unit_the_bound_data_source_commits_each_statement() {
        // when
        insert(persistence.transactionBoundDataSource(), "autocommitted");

        // then
        assertThat(names()).containsExactly("autocommitted");
    }

    private static Void insert(DataSource dataSource, String name) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO probe VALUES ('" + name + "')");
            return null;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private java.util.List<String> names() {
        try (Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM probe ORDER BY name")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
