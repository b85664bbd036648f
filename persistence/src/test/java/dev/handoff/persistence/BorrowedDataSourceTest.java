package dev.handoff.persistence;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Tenant;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedding: the adapter works on a data source its owner already has, and leaves it open. */
class BorrowedDataSourceTest {

    @Test
    void handoffs_are_kept_in_the_owners_database_which_stays_open_after_close(@TempDir Path dir) throws Exception {
        // given
        JDBCDataSource teams = new JDBCDataSource();
        teams.setUrl("jdbc:hsqldb:file:" + dir.resolve("engine") + ";sql.syntax_pgs=true;hsqldb.tx=mvcc");
        teams.setUser("SA");
        Tenant tenant = Fixtures.aTenant();
        Handoff handoff = Fixtures.aPendingHandoff(tenant);

        // when
        try (HandoffPersistence persistence = HandoffPersistence.on(teams)) {
            persistence.transactions().inTransaction(() -> {
                persistence.handoffs().add(handoff);
                return null;
            });
        }

        // then
        try (Connection connection = teams.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM handoff WHERE id = '" + handoff.id() + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
            statement.execute("SHUTDOWN");
        }
    }
}
