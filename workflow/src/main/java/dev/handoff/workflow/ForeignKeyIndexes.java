package dev.handoff.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * On HSQLDB, the one index per foreign key column that Camunda's schema should have there, which
 * {@link HandoffEnginePlugin} ensures, as an engine plugin of its own for engines without handoffs.
 * Camunda's schema is PostgreSQL's and indexes each foreign key's column itself; HSQLDB also makes
 * an index for every foreign key, so on HSQLDB 42 of the engine's indexes were second copies, kept
 * up at every insert, update and delete of their rows. This drops the copies; queries use the
 * foreign key's index in their place. Other databases are left as they are.
 */
public final class ForeignKeyIndexes extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        dropRepeatedOn(EngineDatabase.of(engine));
    }

    static void dropRepeatedOn(EngineDatabase database) {
        if (database.isHsqldb()) {
            database.dropIndexesRepeatingForeignKeys();
        }
    }
}
