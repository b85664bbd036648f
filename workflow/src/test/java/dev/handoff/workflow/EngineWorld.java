package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.CreateHandoffCommand;
import dev.handoff.domain.port.in.HandoffAction;
import dev.handoff.domain.port.in.MoveHandoffCommand;
import dev.handoff.domain.service.HandoffApplication;
import dev.handoff.domain.service.HandoffSettings;
import dev.handoff.domain.service.Ports;
import dev.handoff.domain.service.UuidV7Ids;
import dev.handoff.persistence.HandoffPersistence;
import dev.handoff.persistence.PersistenceSettings;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a workflow test needs, wired as the server wires it: the persistence adapter (its
 * units of work, repositories and outbox) on a test database, the domain's application, and a
 * Camunda engine built by the test with the plugin added — plus {@link Faults} to inject failures.
 */
final class EngineWorld implements AutoCloseable {

    static final String SENDER = "analyst-agent";
    static final String RECIPIENT = "reviewer-agent";
    static final String APPROVER = "supervisor@example.test";

    private static final AtomicInteger ENGINES = new AtomicInteger();

    final HandoffPersistence persistence;
    final HandoffEnginePlugin plugin;
    final HandoffApplication application;
    final ProcessEngine engine;
    final Faults faults;

    private EngineWorld(HandoffPersistence persistence, HandoffEnginePlugin plugin, HandoffApplication application,
                        ProcessEngine engine, Faults faults) {
        this.persistence = persistence;
        this.plugin = plugin;
        this.application = application;
        this.engine = engine;
        this.faults = faults;
    }

    static EngineWorld open(PersistenceSettings database) {
        return open(database, WorkflowSettings.DEFAULTS);
    }

    static EngineWorld open(PersistenceSettings database, WorkflowSettings settings) {
        return open(database, settings, configuration -> { });
    }

    /** With {@code adjust} applied to the engine configuration before the engine is built. */
    static EngineWorld open(PersistenceSettings database, WorkflowSettings settings,
                            Consumer<ProcessEngineConfigurationImpl> adjust) {
        return open(database, settings, adjust, InstantSource.system());
    }

    /** With the domain's clock {@code clock} (the engine's is Camunda's {@code ClockUtil}). */
    static EngineWorld open(PersistenceSettings database, WorkflowSettings settings,
                            Consumer<ProcessEngineConfigurationImpl> adjust, InstantSource clock) {
        HandoffPersistence persistence = HandoffPersistence.open(database);
        try {
            HandoffEnginePlugin plugin = new HandoffEnginePlugin(persistence.transactionBoundDataSource(),
                    persistence.transactions(), settings);
            HandoffApplication application = new HandoffApplication(new Ports(persistence.handoffs(),
                    persistence.handoffStates(), persistence.apiKeys(), persistence.idempotencyKeys(),
                    plugin.handoffProcess(), persistence.bus(), persistence.transactions(),
                    new UuidV7Ids(InstantSource.system()), clock), HandoffSettings.DEFAULTS);
            plugin.connect(application);
            Faults faults = new Faults();
            ProcessEngineConfigurationImpl configuration = engineConfiguration(plugin, faults);
            adjust.accept(configuration);
            ProcessEngine engine = configuration.buildProcessEngine();
            return new EngineWorld(persistence, plugin, application, engine, faults);
        } catch (RuntimeException | Error failure) {
            persistence.close();
            throw failure;
        }
    }

    /** An engine configuration as a BPM team would write it, with the plugin added; timers fire only when told. */
    static ProcessEngineConfigurationImpl engineConfiguration(HandoffEnginePlugin plugin, BpmnParseListener faults) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("handoff-test-" + ENGINES.incrementAndGet());
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(faults)));
        configuration.getProcessEnginePlugins().add(plugin);
        return configuration;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            persistence.close();
        }
    }

    // ---- the domain side

    static Tenant aTenant() {
        return new Tenant("account-" + UUID.randomUUID(), "project-1");
    }

    static CreateHandoffCommand aHandoff(Tenant tenant, boolean requiresApproval) {
        return aHandoff(tenant, requiresApproval, null, "Please verify the methodology and sign off.");
    }

    static CreateHandoffCommand aHandoff(Tenant tenant, boolean requiresApproval, Instant expiresAt, String body) {
        return new CreateHandoffCommand(tenant, SENDER, RECIPIENT, "task-9d4e-a1b2",
                "Q4 revenue analysis ready for review", body, null, 1, requiresApproval, null, expiresAt,
                null, null, null, null);
    }

    Handoff create(Tenant tenant, boolean requiresApproval) {
        return application.createHandoff().create(aHandoff(tenant, requiresApproval)).handoff();
    }

    Handoff create(CreateHandoffCommand command) {
        return application.createHandoff().create(command).handoff();
    }

    Handoff move(Handoff handoff, HandoffAction action) {
        return application.moveHandoff().move(new MoveHandoffCommand(handoff.tenant(), handoff.id(), action));
    }

    Handoff approve(Handoff handoff) {
        return move(handoff, new HandoffAction.Approve(APPROVER));
    }

    Handoff reject(Handoff handoff) {
        return move(handoff, new HandoffAction.Reject(APPROVER));
    }

    Handoff reload(Handoff handoff) {
        return application.findHandoffs().get(handoff.tenant(), handoff.id());
    }

    List<Handoff> handoffsOf(Tenant tenant) {
        return application.findHandoffs().list(tenant, HandoffFilter.ALL);
    }

    List<String> eventsOf(Handoff handoff) {
        return persistence.eventTypes(handoff.tenant(), handoff.id());
    }

    // ---- the engine side

    RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    TaskService tasks() {
        return engine.getTaskService();
    }

    ManagementService management() {
        return engine.getManagementService();
    }

    HistoryService history() {
        return engine.getHistoryService();
    }

    RepositoryService repository() {
        return engine.getRepositoryService();
    }

    Optional<ProcessInstance> processOf(Handoff handoff) {
        return Optional.ofNullable(runtime().createProcessInstanceQuery()
                .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY)
                .processInstanceBusinessKey(handoff.id().toString())
                .singleResult());
    }

    ProcessInstance runningProcessOf(Handoff handoff) {
        return processOf(handoff).orElseThrow(() -> new AssertionError("no running process for " + handoff.id()));
    }

    HistoricProcessInstance historyOf(Handoff handoff) {
        return history().createHistoricProcessInstanceQuery()
                .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY)
                .processInstanceBusinessKey(handoff.id().toString())
                .singleResult();
    }

    /** Where the process of {@code handoff} waits now (activity ids). */
    List<String> waitingAt(Handoff handoff) {
        return processOf(handoff).map(instance -> runtime().getActiveActivityIds(instance.getId())).orElse(List.of());
    }

    Optional<Task> decisionTaskOf(Handoff handoff) {
        return Optional.ofNullable(tasks().createTaskQuery()
                .processInstanceBusinessKey(handoff.id().toString())
                .taskDefinitionKey(EngineHandoffProcess.DECISION_TASK)
                .singleResult());
    }

    Optional<Job> timerOf(Handoff handoff) {
        return processOf(handoff).map(instance -> management().createJobQuery()
                .processInstanceId(instance.getId()).timers().singleResult());
    }

    /** The end event the handoff's process ended at, if it ended. */
    Optional<String> endedAt(Handoff handoff) {
        HistoricProcessInstance instance = historyOf(handoff);
        if (instance == null || instance.getEndTime() == null) {
            return Optional.empty();
        }
        return history().createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .filter(activity -> activity.getActivityType().endsWith("EndEvent"))
                .map(HistoricActivityInstance::getActivityId)
                .findFirst();
    }

    /** Fires the timer of the handoff's process now, as the job executor would at {@code expiresAt}. */
    void fireTimerOf(Handoff handoff) {
        Job timer = timerOf(handoff).orElseThrow(() -> new AssertionError("no timer for " + handoff.id()));
        management().executeJob(timer.getId());
    }

    /**
     * The rule of one transaction, checked from both sides: every handoff of the tenant has exactly
     * one process instance (running or finished), and every handoff process instance of the tenant
     * belongs to a handoff that exists.
     */
    void assertOneProcessPerHandoff(Tenant tenant) {
        List<Handoff> handoffs = handoffsOf(tenant);
        for (Handoff handoff : handoffs) {
            assertThat(history().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY)
                    .processInstanceBusinessKey(handoff.id().toString()).count())
                    .as("process instances of handoff %s", handoff.id()).isEqualTo(1);
        }
        List<HistoricProcessInstance> processes = history().createHistoricProcessInstanceQuery()
                .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY)
                .variableValueEquals(ProcessVariables.ACCOUNT_ID, tenant.accountId())
                .list();
        assertThat(processes).allSatisfy(process -> assertThat(handoffs)
                .as("the handoff of process %s", process.getId())
                .anyMatch(handoff -> handoff.id().toString().equals(process.getBusinessKey())));
    }

    // ---- a calling process (test resource), as a BPM team would write one

    static final String CALLER_KEY = "handoffCaller";

    /** Deploys the calling process once per engine (an unchanged deployment is filtered out). */
    void deployCaller() {
        repository().createDeployment().name("handoff-caller")
                .addClasspathResource("dev/handoff/workflow/handoff-caller.bpmn")
                .enableDuplicateFiltering(false)
                .deploy();
    }

    /** The inputs of the call-activity contract, for a handoff needing approval in {@code tenant}. */
    static Map<String, Object> callInputs(Tenant tenant) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("accountId", tenant.accountId());
        inputs.put("projectId", tenant.projectId());
        inputs.put("fromProfileId", SENDER);
        inputs.put("toProfileId", RECIPIENT);
        inputs.put("subject", "Contract draft ready for legal review");
        inputs.put("body", "Clause 7 changed; please check the liability cap.");
        inputs.put("priority", 0);
        inputs.put("requiresApproval", true);
        inputs.put("expiresAt", Instant.now().plus(Duration.ofDays(2)).toString());
        inputs.put("sourceTaskId", "task-legal-1");
        return inputs;
    }

    ProcessInstance startCaller(Map<String, Object> inputs) {
        return runtime().startProcessInstanceByKey(CALLER_KEY, inputs);
    }

    /** The handoff process a calling process instance called. */
    ProcessInstance calledBy(ProcessInstance caller) {
        return runtime().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    /** The engine's configuration, for what the public API does not show (job executor, caches, metrics). */
    ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    // ---- the job executor, for the tests that need it running

    JobExecutor jobExecutor() {
        return configuration().getJobExecutor();
    }

    /** For {@link #open}'s {@code adjust}: Camunda counts job outcomes in memory; nothing goes to its metrics table. */
    static void countJobs(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsEnabled(true);
        configuration.setDbMetricsReporterActivate(false);
    }

    /** One of Camunda's job counters ({@code Metrics.JOB_*}), in an engine opened with {@link #countJobs}. */
    long jobMeter(String name) {
        return configuration().getMetricsRegistry().getDbMeterByName(name).get();
    }

    /** Moves the due date of every timer to {@code due}. */
    void timersDueAt(Date due) {
        management().createJobQuery().timers().list()
                .forEach(timer -> management().setJobDuedate(timer.getId(), due));
    }

    /** Polls until {@code condition} holds; fails after {@code timeout}. */
    static void awaitUntil(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** What a racer threw, or null when it won; fails when it did not finish in time. */
    static Throwable failureOf(Future<?> racer) throws InterruptedException {
        try {
            racer.get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException failure) {
            return failure.getCause();
        } catch (TimeoutException hang) {
            throw new AssertionError("a racer did not finish within 60 s", hang);
        }
    }

    static Instant inAMoment(Duration duration) {
        return Instant.now().plus(duration);
    }

    static HandoffId idOf(String text) {
        return HandoffId.parse(text, "id");
    }
}
