package dev.handoff.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database the engine shares with the domain, as the plugin sees it through JDBC metadata.
 * Names are compared case-insensitively: HSQLDB keeps Camunda's tables in upper case while the
 * engine, told it runs on PostgreSQL, looks for them in lower case (design.md, trap 1).
 */
final class EngineDatabase {

    /** A table every Camunda schema has. */
    private static final String ENGINE_TABLE = "ACT_GE_PROPERTY";
    private static final String TASK_TABLE = "ACT_RU_TASK";
    private static final String TASK_PARENT_COLUMN = "PARENT_TASK_ID_";
    static final String TASK_PARENT_INDEX = "HANDOFF_IDX_TASK_PARENT";

    private final DataSource dataSource;
    private final String tablePrefix;
    private final String productName;
    private final String url;

    private EngineDatabase(DataSource dataSource, String tablePrefix, String productName, String url) {
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix;
        this.productName = productName;
        this.url = url;
    }

    /**
     * @param tablePrefix the engine's table prefix: empty, or a schema such as {@code camunda.} in front
     *                    of the tables' names
     */
    static EngineDatabase inspect(DataSource dataSource, String tablePrefix) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return new EngineDatabase(dataSource, tablePrefix == null ? "" : tablePrefix,
                    metaData.getDatabaseProductName(), metaData.getURL());
        } catch (SQLException failure) {
            throw new IllegalStateException("HandoffEnginePlugin cannot reach the engine's database: "
                    + failure.getMessage(), failure);
        }
    }

    boolean isHsqldb() {
        return productName.startsWith("HSQL");
    }

    /** HSQLDB keeping its data in files (not {@code mem:} or {@code res:}). */
    boolean isStoredHsqldb() {
        return isHsqldb() && !url.contains(":mem:") && !url.contains(":res:");
    }

    boolean hasEngineTables() {
        return query(connection -> table(connection, ENGINE_TABLE).isPresent());
    }

    /**
     * Tables created from now on are CACHED: kept on disk and paged in, rather than held whole in
     * the heap and rewritten at every checkpoint (design.md, trap 5).
     */
    void createCachedTablesByDefault() {
        execute("SET DATABASE DEFAULT TABLE TYPE CACHED");
    }

    /**
     * Camunda's schema has no index on the parent task, so every task completion scans the task
     * table looking for subtasks (design.md, trap 3). Adds one unless an index already starts with it.
     */
    void ensureTaskParentIndex() {
        boolean indexed = query(connection -> {
            Optional<TableName> table = table(connection, TASK_TABLE);
            if (table.isEmpty()) {
                throw new IllegalStateException("the engine's schema has no " + TASK_TABLE + " table");
            }
            try (ResultSet indexes = connection.getMetaData().getIndexInfo(table.get().catalog(),
                    table.get().schema(), table.get().name(), false, true)) {
                while (indexes.next()) {
                    if (TASK_PARENT_COLUMN.equalsIgnoreCase(indexes.getString("COLUMN_NAME"))
                            && indexes.getInt("ORDINAL_POSITION") == 1) {
                        return true;
                    }
                }
                return false;
            }
        });
        if (!indexed) {
            execute("CREATE INDEX " + TASK_PARENT_INDEX + " ON " + tablePrefix + TASK_TABLE
                    + " (" + TASK_PARENT_COLUMN + ")");
        }
    }

    private Optional<TableName> table(Connection connection, String table) throws SQLException {
        int schemaEnd = tablePrefix.lastIndexOf('.');
        String schema = schemaEnd < 0 ? connection.getSchema() : tablePrefix.substring(0, schemaEnd);
        String wanted = tablePrefix.substring(schemaEnd + 1) + table;
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                String tableSchema = tables.getString("TABLE_SCHEM");
                if (wanted.equalsIgnoreCase(name) && (schema == null || schema.equalsIgnoreCase(tableSchema))) {
                    return Optional.of(new TableName(tables.getString("TABLE_CAT"), tableSchema, name));
                }
            }
            return Optional.empty();
        }
    }

    private void execute(String sql) {
        query(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                return null;
            }
        });
    }

    private <T> T query(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException failure) {
            throw new IllegalStateException("HandoffEnginePlugin could not prepare the engine's database: "
                    + failure.getMessage(), failure);
        }
    }

    private interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private record TableName(String catalog, String schema, String name) {
    }
}
