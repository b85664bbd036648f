package dev.handoff.persistence;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The domain's tables, created and evolved by Flyway from the same SQL scripts on HSQLDB and
 * PostgreSQL. The history table has its own name so that other migrations (the engine's, say) can
 * live in the same database.
 */
final class Schema {

    static final String LOCATION = "classpath:db/migration/handoff";
    static final String HISTORY_TABLE = "handoff_schema_history";

    private Schema() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
