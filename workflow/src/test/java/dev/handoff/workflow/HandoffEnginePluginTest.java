package dev.handoff.workflow;

import dev.handoff.domain.fake.InMemoryHandoffWorld;
import jakarta.transaction.TransactionManager;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the plugin does to the engine it is added to, and how it refuses to be added wrongly. */
@ExtendWith(SharedEngine.class)
class HandoffEnginePluginTest {

    private final EngineWorld world;

    HandoffEnginePluginTest(EngineWorld world) {
        this.world = world;
    }

    @Test
    void the_engine_runs_on_the_domains_transaction_bound_data_source_in_the_domains_units_of_work() {
        // when
        ProcessEngineConfigurationImpl configuration = world.configuration();

        // then
        assertThat(configuration.getDataSource()).isSameAs(world.persistence.transactionBoundDataSource());
        assertThat(configuration.isTransactionsExternallyManaged()).isTrue();
        assertThat(configuration.getCustomPreCommandInterceptorsTxRequired().get(0))
                .isInstanceOf(UnitOfWorkInterceptor.class);
        assertThat(configuration.getCustomPreCommandInterceptorsTxRequiresNew().get(0))
                .isInstanceOf(UnitOfWorkInterceptor.class);
        assertThat(configuration.getIdGenerator()).isInstanceOf(StrongUuidGenerator.class);
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        assertThat(configuration.getHistory()).isEqualTo("audit");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }

    @Test
    void building_an_engine_before_the_application_is_connected_fails_and_says_what_is_missing() {
        // given
        HandoffEnginePlugin unconnected = new HandoffEnginePlugin(world.persistence.transactionBoundDataSource(),
                world.persistence.transactions(), WorkflowSettings.DEFAULTS);

        // when / then
        assertThatThrownBy(() -> EngineWorld.engineConfiguration(unconnected, new Faults()).buildProcessEngine())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connect(application)");
    }

    @Test
    void the_plugin_refuses_an_engine_whose_transactions_a_jta_manager_owns() {
        // given
        HandoffEnginePlugin plugin = new HandoffEnginePlugin(world.persistence.transactionBoundDataSource(),
                world.persistence.transactions(), WorkflowSettings.DEFAULTS);
        plugin.connect(new InMemoryHandoffWorld().application);
        JakartaTransactionProcessEngineConfiguration jta = new JakartaTransactionProcessEngineConfiguration();
        jta.setTransactionManager((TransactionManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionManager.class}, (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException("never used: the plugin refuses the engine first");
                }));
        jta.getProcessEnginePlugins().add(plugin);

        // when / then
        assertThatThrownBy(jta::buildProcessEngine)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JTA");
    }

    @Test
    void with_the_engine_defaults_profile_the_job_executor_is_left_as_camunda_ships_it() {
        try (TestDatabase database = TestDatabase.fresh();
             EngineWorld defaults = EngineWorld.open(database.settings(),
                     WorkflowSettings.DEFAULTS.withJobExecution(WorkflowSettings.JobExecution.ENGINE_DEFAULTS))) {
            // given
            DefaultJobExecutor asShipped = new DefaultJobExecutor();

            // when
            JobExecutor jobExecutor = defaults.jobExecutor();

            // then
            assertThat(jobExecutor).isInstanceOfSatisfying(DefaultJobExecutor.class, pool -> {
                assertThat(pool.getMaxJobsPerAcquisition()).isEqualTo(asShipped.getMaxJobsPerAcquisition()).isEqualTo(3);
                assertThat(pool.getWaitTimeInMillis()).isEqualTo(asShipped.getWaitTimeInMillis()).isEqualTo(5_000);
                assertThat(pool.getMaxWait()).isEqualTo(asShipped.getMaxWait()).isEqualTo(60_000);
                assertThat(pool.getLockTimeInMillis()).isEqualTo(asShipped.getLockTimeInMillis());
                assertThat(pool.getCorePoolSize()).isEqualTo(asShipped.getCorePoolSize()).isEqualTo(3);
                assertThat(pool.getMaxPoolSize()).isEqualTo(asShipped.getMaxPoolSize()).isEqualTo(10);
                assertThat(pool.getQueueSize()).isEqualTo(asShipped.getQueueSize()).isEqualTo(3);
                assertThat(pool.getRejectedJobsHandler()).isInstanceOf(NotifyAcquisitionRejectedJobsHandler.class);
            });
            assertThat(jobExecutor).as("one job per transaction").isNotInstanceOf(BatchedJobExecutor.class);
        }
    }

    @Test
    void jobs_written_without_a_due_date_get_one_when_an_engine_on_the_tuned_profile_starts() {
        try (TestDatabase database = TestDatabase.fresh()) {
            // given: on Camunda's defaults an asynchronous continuation is written with no due date
            String jobId;
            try (EngineWorld defaults = EngineWorld.open(database.settings(),
                    WorkflowSettings.DEFAULTS.withJobExecution(WorkflowSettings.JobExecution.ENGINE_DEFAULTS))) {
                defaults.repository().createDeployment()
                        .addModelInstance("undated.bpmn", Bpmn.createExecutableProcess("undated")
                                .camundaHistoryTimeToLive(1)
                                .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                                .endEvent().done())
                        .deploy();
                defaults.runtime().startProcessInstanceByKey("undated");
                Job job = defaults.management().createJobQuery().processDefinitionKey("undated").singleResult();
                assertThat(job.getDuedate()).isNull();
                jobId = job.getId();
            }

            // when
            try (EngineWorld tuned = EngineWorld.open(database.settings(), WorkflowSettings.DEFAULTS)) {

                // then: acquisition by due date finds it
                assertThat(tuned.management().createJobQuery().jobId(jobId).singleResult().getDuedate()).isNotNull();
            }
        }
    }

    static Stream<Arguments> settings_that_make_no_sense() {
        WorkflowSettings defaults = WorkflowSettings.DEFAULTS;
        return Stream.of(
                Arguments.of("an unknown history level",
                        (Supplier<?>) () -> defaults.withHistory("verbose", Duration.ofDays(30))),
                Arguments.of("a time to live in hours",
                        (Supplier<?>) () -> defaults.withHistory("audit", Duration.ofHours(36))),
                Arguments.of("a negative time to live",
                        (Supplier<?>) () -> defaults.withHistory("audit", Duration.ofDays(-1))),
                Arguments.of("no job executor threads",
                        (Supplier<?>) () -> new WorkflowSettings.JobExecution.Tuned(30, 0, Duration.ofMillis(500),
                                Duration.ofMinutes(5), 8)),
                Arguments.of("no wait between idle acquisitions",
                        (Supplier<?>) () -> new WorkflowSettings.JobExecution.Tuned(30, 4, Duration.ZERO,
                                Duration.ofMinutes(5), 8)),
                Arguments.of("no job per transaction",
                        (Supplier<?>) () -> new WorkflowSettings.JobExecution.Tuned(30, 4, Duration.ofMillis(500),
                                Duration.ofMinutes(5), 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings_that_make_no_sense")
    void settings_that_make_no_sense_are_refused_when_they_are_made(String what, Supplier<?> settings) {
        // when / then
        assertThatThrownBy(settings::get).isInstanceOf(IllegalArgumentException.class);
    }
}
