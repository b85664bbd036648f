package dev.handoff.bench.peer;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The engine's database as JDBC metadata shows it, before the engine starts on it. */
record EngineDatabase(DataSource dataSource, boolean hsqldb, boolean hasEngineTables) {

    /** A table every Camunda schema has. */
    private static final String ENGINE_TABLE = "ACT_GE_PROPERTY";

    static EngineDatabase inspect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            boolean hsqldb = metaData.getDatabaseProductName().startsWith("HSQL");
            return new EngineDatabase(dataSource, hsqldb, hasTable(metaData, ENGINE_TABLE));
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot inspect the peer's database: " + failure.getMessage(), failure);
        }
    }

    /** Tables created from now on are CACHED (on disk, paged in) like Handoff's, not held whole in the heap. */
    void createCachedTablesByDefault() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET DATABASE DEFAULT TABLE TYPE CACHED");
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot make CACHED the default table type: " + failure.getMessage(),
                    failure);
        }
    }

    /** Case-insensitive: HSQLDB keeps Camunda's tables in upper case, PostgreSQL in lower case. */
    private static boolean hasTable(DatabaseMetaData metaData, String table) throws SQLException {
        try (ResultSet tables = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (table.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
