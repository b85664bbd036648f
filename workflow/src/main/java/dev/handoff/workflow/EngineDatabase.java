package dev.handoff.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** An index Camunda's schema lacks and Handoff adds. */
    record Index(String name, String table, String column) {
    }

    /**
     * Camunda's schema has no index on the parent task, so every task completion scans the task
     * table looking for subtasks (design.md, trap 3).
     */
    static final Index TASK_PARENT = new Index("HANDOFF_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_");

    /**
     * Nor on a job's due date, so every job acquisition reads the whole job table: one timer per
     * open handoff (measured on PostgreSQL at 16,000 open handoffs: 17 ms per acquisition).
     */
    static final Index JOB_DUE_DATE = new Index("HANDOFF_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_");

    /** Non-unique indexes of one schema's engine tables whose columns are those of a foreign key's index. */
    private static final String REPEATED_FOREIGN_KEY_INDEXES = """
            WITH indexes AS (
                SELECT TABLE_SCHEM AS schema_name, TABLE_NAME AS table_name, INDEX_NAME AS index_name,
                       GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ',') AS columns
                FROM INFORMATION_SCHEMA.SYSTEM_INDEXINFO
                WHERE NON_UNIQUE AND TABLE_SCHEM = ? AND TABLE_NAME LIKE ?
                GROUP BY TABLE_SCHEM, TABLE_NAME, INDEX_NAME),
            foreign_keys AS (
                SELECT CONSTRAINT_SCHEMA AS schema_name, CONSTRAINT_NAME AS index_name
                FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
                WHERE CONSTRAINT_TYPE = 'FOREIGN KEY')
            SELECT copy.schema_name, copy.index_name
            FROM indexes copy
            JOIN indexes kept ON kept.schema_name = copy.schema_name AND kept.table_name = copy.table_name
                              AND kept.columns = copy.columns AND kept.index_name <> copy.index_name
            JOIN foreign_keys kept_key ON kept_key.schema_name = kept.schema_name
                                      AND kept_key.index_name = kept.index_name
            LEFT JOIN foreign_keys copy_key ON copy_key.schema_name = copy.schema_name
                                           AND copy_key.index_name = copy.index_name
            WHERE copy_key.index_name IS NULL
            """;

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

    /** The database of a built engine, for the plugins that add to its schema after the build. */
    static EngineDatabase of(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return inspect(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
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
            throw new IllegalStateException("cannot reach the engine's database: "
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

    /** Adds the index unless one already starts with its column. */
    void ensureIndex(Index index) {
        boolean indexed = query(connection -> {
            Optional<TableName> table = table(connection, index.table());
            if (table.isEmpty()) {
                throw new IllegalStateException("the engine's schema has no " + index.table() + " table");
            }
            try (ResultSet indexes = connection.getMetaData().getIndexInfo(table.get().catalog(),
                    table.get().schema(), table.get().name(), false, true)) {
                while (indexes.next()) {
                    if (index.column().equalsIgnoreCase(indexes.getString("COLUMN_NAME"))
                            && indexes.getInt("ORDINAL_POSITION") == 1) {
                        return true;
                    }
                }
                return false;
            }
        });
        if (!indexed) {
            execute("CREATE INDEX " + index.name() + " ON " + tablePrefix + index.table()
                    + " (" + index.column() + ")");
        }
    }

    /**
     * Drops the non-unique indexes of the engine's tables that repeat, column for column, the index
     * HSQLDB keeps for a foreign key ({@link ForeignKeyIndexes}). For HSQLDB only: its system tables
     * tell which index belongs to a foreign key. Nothing to do once they are gone.
     */
    void dropIndexesRepeatingForeignKeys() {
        String tables = tablePrefix.substring(tablePrefix.lastIndexOf('.') + 1) + "ACT_";
        List<String> copies = query(connection -> {
            String schema = tablePrefix.contains(".")
                    ? tablePrefix.substring(0, tablePrefix.lastIndexOf('.')) : connection.getSchema();
            try (PreparedStatement select = connection.prepareStatement(REPEATED_FOREIGN_KEY_INDEXES)) {
                select.setString(1, schema.toUpperCase(Locale.ROOT));
                select.setString(2, tables.toUpperCase(Locale.ROOT) + "%");
                List<String> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add('"' + rows.getString(1) + "\".\"" + rows.getString(2) + '"');
                    }
                }
                return found;
            }
        });
        copies.forEach(index -> execute("DROP INDEX " + index));
    }

    /**
     * Jobs written before the engine set every job's due date (asynchronous continuations of other
     * processes in an embedding engine) become due now, so that an acquisition that only looks
     * for due dates up to now still finds them.
     */
    void dateUndatedJobs() {
        execute("UPDATE " + tablePrefix + JOB_DUE_DATE.table() + " SET " + JOB_DUE_DATE.column()
                + " = CURRENT_TIMESTAMP WHERE " + JOB_DUE_DATE.column() + " IS NULL");
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
