package dev.handoff.workflow;

import dev.handoff.domain.port.in.HandoffAction;
import dev.handoff.domain.port.out.HandoffProcess;
import dev.handoff.domain.port.out.Transactions;
import dev.handoff.domain.service.HandoffApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.AbstractTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The workflow adapter's entry point: a Camunda 7 engine plugin that runs the handoff process
 * beside every handoff — the approval gate as a user task, the expiry as a timer — on the database
 * and in the transactions of the domain. Add it to any engine configuration (ours, or one a BPM
 * team already runs), {@link #connect} the application, build the engine.
 *
 * <p>What it does to the engine, in {@link #preInit}: the engine's data source becomes the
 * domain's transaction-bound one and the engine's transactions are managed outside it; an
 * interceptor in front of every command runs it in the domain's unit of work (joined when there is
 * one, begun when there is none, as on job-executor threads); ids are UUIDs; on HSQLDB the engine
 * speaks PostgreSQL and creates CACHED tables, and creates its schema only when it is missing;
 * history level, history time to live and the job executor's pace come from {@link WorkflowSettings}.
 * After the build it adds the task index Camunda's schema lacks and deploys {@value #BPMN_RESOURCE}.
 */
public final class HandoffEnginePlugin extends AbstractProcessEnginePlugin {

    /** The key of the handoff process; a calling process names it in its call activity. */
    public static final String PROCESS_KEY = "handoff";
    /** The BPMN error a handoff process ends with when the handoff is rejected. */
    public static final String REJECTED_ERROR_CODE = "HANDOFF_REJECTED";
    /** The BPMN error a handoff process ends with when the handoff expires. */
    public static final String EXPIRED_ERROR_CODE = "HANDOFF_EXPIRED";

    static final String BPMN_RESOURCE = "dev/handoff/workflow/handoff.bpmn";

    /** A value of {@code databaseSchemaUpdate} the engine does not act on: the schema is there already. */
    static final String SCHEMA_PRESENT = "present";
    private static final String SCHEMA_CREATE = "create";

    /** The names the BPMN's service tasks use in their delegate expressions. */
    static final String CREATION_STEP = "handoffCreation";
    static final String DECISION_STEP = "handoffDecision";
    static final String START_STEP = "handoffStart";
    static final String COMPLETION_STEP = "handoffCompletion";
    static final String EXPIRY_STEP = "handoffExpiry";

    private final DataSource dataSource;
    private final Transactions transactions;
    private final WorkflowSettings settings;
    private final Echoes echoes = new Echoes();
    private final EngineHandoffProcess process;
    private volatile HandoffApplication application;
    private EngineDatabase database;

    /**
     * @param transactionBoundDataSource hands out the connection of the calling thread's unit of work
     * @param transactions               the domain's units of work, the same ones the repositories use
     */
    public HandoffEnginePlugin(DataSource transactionBoundDataSource, Transactions transactions,
                               WorkflowSettings settings) {
        this.dataSource = Objects.requireNonNull(transactionBoundDataSource, "transactionBoundDataSource");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.process = new EngineHandoffProcess(echoes, settings.approverGroup());
    }

    /** The domain's {@link HandoffProcess} port, for the application's ports; usable once the engine is built. */
    public HandoffProcess handoffProcess() {
        return process;
    }

    /** The use cases the process calls; the application needs {@link #handoffProcess()}, so it comes second. */
    public void connect(HandoffApplication application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (application == null) {
            throw new IllegalStateException("HandoffEnginePlugin is not connected to the handoff application: "
                    + "call connect(application) before building the engine");
        }
        if (configuration instanceof AbstractTransactionProcessEngineConfiguration) {
            throw new IllegalStateException("HandoffEnginePlugin runs the engine in the domain's transactions "
                    + "and cannot be added to an engine whose transactions a JTA transaction manager owns");
        }
        shareTheDomainsTransactions(configuration);
        prepareDatabase(configuration);
        configureHistory(configuration);
        configureJobExecutor(configuration);
        registerSteps(configuration);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        process.attach(configuration.getRuntimeService(), configuration.getTaskService(),
                configuration.getManagementService(), configuration.getRepositoryService());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        database.ensureIndex(EngineDatabase.TASK_PARENT);
        ForeignKeyIndexes.dropRepeatedOn(database);
        TunedJobExecutor.prepareDueDates(engine, database);
        process.startsDefinition(new HandoffDeployment(settings.historyTimeToLive())
                .deployTo((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()));
    }

    private void shareTheDomainsTransactions(ProcessEngineConfigurationImpl configuration) {
        configuration.setDataSource(dataSource);
        configuration.setTransactionsExternallyManaged(true);
        configuration.setCustomPreCommandInterceptorsTxRequired(first(
                UnitOfWorkInterceptor.joiningOrBeginning(transactions),
                configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(
                UnitOfWorkInterceptor.beginningNew(transactions),
                configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        // Camunda's default id generator fetches id blocks in a transaction of its own, which hangs
        // at HSQLDB's checkpoint (design.md, trap 2); UUIDs need no database at all
        configuration.setIdGenerator(new StrongUuidGenerator());
    }

    private void prepareDatabase(ProcessEngineConfigurationImpl configuration) {
        database = EngineDatabase.inspect(dataSource, configuration.getDatabaseTablePrefix());
        if (database.isHsqldb()) {
            configuration.setDatabaseType("postgres");
            if (database.isStoredHsqldb()) {
                database.createCachedTablesByDefault();
            }
        }
        // "true" would try to create existing tables again on HSQLDB (design.md, trap 1)
        configuration.setDatabaseSchemaUpdate(database.hasEngineTables() ? SCHEMA_PRESENT : SCHEMA_CREATE);
    }

    private void configureHistory(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistory(settings.historyLevel());
        // by default Camunda stamps a removal time on the history of a process when it ends: one
        // UPDATE for each of some 15 history tables, for every handoff that expires or completes
        // (measured in an expiry wave on PostgreSQL: 5.8 ms of database CPU per expiry with it, 4.3
        // without). The nightly cleanup finds finished processes by their end time instead.
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
        configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
        settings.cleanupWindow().ifPresent(window -> {
            configuration.setHistoryCleanupBatchWindowStartTime(window.start().toString());
            configuration.setHistoryCleanupBatchWindowEndTime(window.end().toString());
        });
    }

    private void configureJobExecutor(ProcessEngineConfigurationImpl configuration) {
        if (settings.jobExecution() instanceof WorkflowSettings.JobExecution.Tuned pace) {
            new TunedJobExecutor(pace).preInit(configuration);
        } // else Camunda's job executor as Camunda ships it
    }

    private void registerSteps(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> beans = configuration.getBeans();
        if (beans == null) {
            beans = new HashMap<>();
            configuration.setBeans(beans);
        }
        Supplier<HandoffApplication> connected = () -> application;
        beans.put(CREATION_STEP, new CreateHandoffStep(connected, echoes, settings.defaultTenant(),
                settings.approverGroup()));
        beans.put(DECISION_STEP, new RecordMoveStep(connected, echoes, ProcessVariables::decision));
        beans.put(START_STEP, new RecordMoveStep(connected, echoes, ProcessVariables::start));
        beans.put(COMPLETION_STEP, new RecordMoveStep(connected, echoes,
                execution -> new HandoffAction.Complete()));
        beans.put(EXPIRY_STEP, new ExpireHandoffStep(connected, echoes));
    }

    private static List<CommandInterceptor> first(CommandInterceptor interceptor, List<CommandInterceptor> others) {
        List<CommandInterceptor> chain = new ArrayList<>();
        chain.add(interceptor);
        if (others != null) {
            chain.addAll(others);
        }
        return chain;
    }
}
