package dev.handoff.bench.peer;

import dev.handoff.workflow.ForeignKeyIndexes;
import dev.handoff.workflow.TaskParentIndex;
import dev.handoff.workflow.TunedJobExecutor;
import dev.handoff.workflow.WorkflowSettings;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

import javax.sql.DataSource;

/**
 * The Camunda peer's engine: Camunda's defaults everywhere (history, job executor, its own
 * transactions) except what it needs to run at all on the given database, and, for its expiry
 * wave only, the job-executor pace, task index and history removal settings of Handoff's engine.
 */
final class PeerEngine {

    static final String PROCESS_KEY = "peer_handoff";
    static final String BPMN_RESOURCE = "dev/handoff/bench/peer/peer-handoff.bpmn";

    /** A databaseSchemaUpdate value the engine does not act on: the schema is there already. */
    private static final String SCHEMA_KEPT = "kept";

    private PeerEngine() {
    }

    /**
     * Builds the engine (creating its schema on a fresh database) and deploys the process unless it
     * is there. {@code tuned}: with the job-executor pace, the task index, the foreign keys' indexes
     * and the history removal settings Handoff's plugin gives its engine, so that an expiry wave shows
     * what Camunda alone does with them.
     */
    static ProcessEngine start(DataSource dataSource, boolean tuned) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        EngineDatabase database = EngineDatabase.inspect(dataSource);
        if (tuned) {
            // the pace Handoff's server gives its engine on this database
            configuration.getProcessEnginePlugins().add(
                    new TunedJobExecutor(WorkflowSettings.JobExecution.Tuned.forDatabase(database.hsqldb())));
            configuration.getProcessEnginePlugins().add(new TaskParentIndex());
            configuration.getProcessEnginePlugins().add(new ForeignKeyIndexes());
            configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
            configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
        }
        configuration.setDataSource(dataSource);
        configuration.setJobExecutorActivate(true); // the expiry timers need it; Camunda leaves it off
        // the default DbIdGenerator hangs at HSQLDB's checkpoints; UUIDs are also Camunda's advice for clusters
        configuration.setIdGenerator(new StrongUuidGenerator());
        if (database.hsqldb()) {
            // Camunda has no HSQLDB dialect; it runs on HSQLDB's PostgreSQL syntax mode (sql.syntax_pgs,
            // set by Handoff's embedded settings) when told the database is PostgreSQL
            configuration.setDatabaseType("postgres");
            // Handoff's embedded settings make CACHED the default already; the engine's tables must not
            // depend on that: held in the heap, they would be rewritten whole at every checkpoint
            database.createCachedTablesByDefault();
        }
        configuration.setDatabaseSchemaUpdate(schemaUpdate(database));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            deploy(engine);
            return engine;
        } catch (RuntimeException failure) {
            engine.close();
            throw failure;
        }
    }

    /**
     * Creates the schema on a fresh database. On restart PostgreSQL keeps Camunda's default check
     * ("false"); on HSQLDB both "false" and "true" look the tables up in lower case, miss HSQLDB's
     * upper-case ones and fail, so the engine is given a value it ignores.
     */
    private static String schemaUpdate(EngineDatabase database) {
        if (!database.hasEngineTables()) {
            return ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_CREATE;
        }
        return database.hsqldb() ? SCHEMA_KEPT : ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE;
    }

    private static void deploy(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment()
                .name(PROCESS_KEY)
                .addClasspathResource(BPMN_RESOURCE)
                .enableDuplicateFiltering(false)
                .deploy();
    }
}
