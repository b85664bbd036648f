package dev.handoff.bench.peer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The floor's one table, written with plain JDBC: one pooled connection, one INSERT, one commit. */
final class FloorTable {

    static final String NAME = "floor_handoff";

    /** The column types of Handoff's own handoff table, on HSQLDB (PostgreSQL syntax) and PostgreSQL alike. */
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + NAME + " ("
            + "id UUID NOT NULL PRIMARY KEY, "
            + "account_id VARCHAR(200) NOT NULL, "
            + "project_id VARCHAR(200) NOT NULL, "
            + "from_profile_id VARCHAR(200) NOT NULL, "
            + "to_profile_id VARCHAR(200) NOT NULL, "
            + "from_task_id VARCHAR(200), "
            + "subject VARCHAR(500) NOT NULL, "
            + "body TEXT NOT NULL, "
            + "status VARCHAR(20) NOT NULL, "
            + "requires_approval BOOLEAN NOT NULL, "
            + "created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, "
            + "expires_at TIMESTAMP(3) WITH TIME ZONE NOT NULL)";

    private static final String INSERT = "INSERT INTO " + NAME + " (id, account_id, project_id, from_profile_id,"
            + " to_profile_id, from_task_id, subject, body, status, requires_approval, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    private FloorTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the table unless it is there. */
    static FloorTable on(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(CREATE); // the pool's connections commit each statement by default
            return new FloorTable(dataSource);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot create " + NAME + ": " + failure.getMessage(), failure);
        }
    }

    void insert(FloorHandoff row) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // a transaction of its own, as Handoff's units of work have
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, row.id());
                insert.setString(2, row.accountId());
                insert.setString(3, row.projectId());
                insert.setString(4, row.fromProfileId());
                insert.setString(5, row.toProfileId());
                insert.setString(6, row.fromTaskId());
                insert.setString(7, row.subject());
                insert.setString(8, row.body());
                insert.setString(9, row.status());
                insert.setBoolean(10, row.requiresApproval());
                insert.setObject(11, row.createdAt().atOffset(ZoneOffset.UTC));
                insert.setObject(12, row.expiresAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            }
        }
    }
}
