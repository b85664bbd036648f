package dev.handoff.workflow;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Tenant;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.jobexecutor.CallerRunsRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seven traps design.md measured with Camunda 7.24 on HSQLDB (and PostgreSQL), and the repeated
 * indexes of HSQLDB's foreign keys found since: each has a fix in the plugin and a test here that
 * fails if the trap comes back.
 */
@ExtendWith(SharedEngine.class)
class MeasuredTrapsTest {

    private static final int RACES = 20;

    private final EngineWorld world;
    private final Tenant tenant = EngineWorld.aTenant();

    MeasuredTrapsTest(EngineWorld world) {
        this.world = world;
    }

    @Test
    void trap_1_a_second_start_on_an_existing_database_finds_the_schema_and_the_running_processes() {
        try (TestDatabase database = TestDatabase.fresh()) {
            // given
            Handoff handoff;
            try (EngineWorld first = EngineWorld.open(database.settings())) {
                handoff = first.create(tenant, true);
            }

            // when
            try (EngineWorld second = EngineWorld.open(database.settings())) {
                Handoff approved = second.approve(handoff);

                // then
                assertThat(approved.status()).isEqualTo(HandoffStatus.ACCEPTED);
                assertThat(second.waitingAt(handoff)).containsExactly("accepted");
                assertThat(second.repository().createProcessDefinitionQuery()
                        .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY).count()).isEqualTo(1);
            }
        }
    }

    @Test
    void trap_1_the_engine_schema_is_found_whatever_case_the_database_keeps_its_names_in() {
        // when
        EngineDatabase here = EngineDatabase.inspect(world.persistence.transactionBoundDataSource(), "");
        EngineDatabase inAnotherSchema = EngineDatabase.inspect(world.persistence.transactionBoundDataSource(),
                "elsewhere.");

        // then
        assertThat(here.hasEngineTables()).isTrue();
        assertThat(inAnotherSchema.hasEngineTables()).isFalse();
    }

    @Test
    void trap_2_hsqldb_checkpoints_while_timers_fire_do_not_hang_the_engine() throws Exception {
        assumeTrue(TestDatabase.runsOnHsqldb(), "HSQLDB's checkpoint is the trap");
        // given
        assertThat(world.configuration().getIdGenerator()).isInstanceOf(StrongUuidGenerator.class);
        List<Handoff> handoffs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            handoffs.add(world.create(EngineWorld.aHandoff(tenant, i % 2 == 0,
                    EngineWorld.inAMoment(Duration.ofMillis(500)), "Expires while the database checkpoints.")));
        }
        AtomicBoolean checkpointing = new AtomicBoolean(true);
        ExecutorService checkpoints = Executors.newSingleThreadExecutor();
        Future<Integer> checkpointCount = checkpoints.submit(() -> checkpointUntil(checkpointing));

        // when
        world.jobExecutor().start();
        try {
            // then
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> EngineWorld.awaitUntil(Duration.ofSeconds(90),
                    "every handoff expires", () -> world.handoffsOf(tenant).stream()
                            .allMatch(handoff -> handoff.status() == HandoffStatus.EXPIRED)));
        } finally {
            checkpointing.set(false);
            world.jobExecutor().shutdown();
            checkpoints.shutdown();
        }
        assertThat(checkpointCount.get(10, TimeUnit.SECONDS)).isPositive();
        assertThat(handoffs).allSatisfy(handoff -> assertThat(world.endedAt(handoff)).contains("expired"));
    }

    @Test
    void trap_3_completing_a_task_finds_subtasks_through_an_index_on_the_parent_task() throws SQLException {
        // when
        List<String> indexedColumns = leadingIndexColumns("ACT_RU_TASK");

        // then
        assertThat(indexedColumns).contains("PARENT_TASK_ID_");
    }

    @Test
    void trap_4_the_job_executor_reads_only_due_timers_through_an_index_on_the_due_date() throws SQLException {
        // when
        List<String> indexedColumns = leadingIndexColumns("ACT_RU_JOB");
        var configuration = world.configuration();

        // then the acquisition query is "due date <= now, earliest first", a range of that index
        assertThat(indexedColumns).contains("DUEDATE_");
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    }

    @Test
    void on_hsqldb_a_foreign_key_column_has_the_index_of_its_key_and_no_second_one() throws SQLException {
        assumeTrue(TestDatabase.runsOnHsqldb(), "HSQLDB indexes each foreign key itself; PostgreSQL does not");
        // when
        List<String> variableIndexes = leadingIndexColumns("ACT_RU_VARIABLE");
        List<String> executionIndexes = leadingIndexColumns("ACT_RU_EXECUTION");
        List<String> taskIndexes = leadingIndexColumns("ACT_RU_TASK");

        // then each column Camunda indexed beside its foreign key's index is indexed once
        assertThat(variableIndexes).containsOnlyOnce("EXECUTION_ID_", "PROC_INST_ID_", "BYTEARRAY_ID_", "BATCH_ID_");
        assertThat(executionIndexes).containsOnlyOnce("PARENT_ID_", "PROC_INST_ID_", "PROC_DEF_ID_", "SUPER_EXEC_");
        assertThat(taskIndexes).containsOnlyOnce("EXECUTION_ID_", "PROC_INST_ID_", "PROC_DEF_ID_");
        // and the indexes of no foreign key are dropped
        assertThat(variableIndexes).contains("TASK_ID_", "VAR_SCOPE_", "TENANT_ID_");
        assertThat(executionIndexes).contains("BUSINESS_KEY_", "ROOT_PROC_INST_ID_", "TENANT_ID_");
    }

    private List<String> leadingIndexColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = world.persistence.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String name = metaData.storesLowerCaseIdentifiers() ? table.toLowerCase() : table;
            try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, true)) {
                while (indexes.next()) {
                    if (indexes.getInt("ORDINAL_POSITION") == 1) {
                        columns.add(indexes.getString("COLUMN_NAME").toUpperCase());
                    }
                }
            }
        }
        return columns;
    }

    @Test
    void trap_4_the_job_executor_fetches_and_fires_timers_at_the_measured_pace() {
        // when
        var jobExecutor = world.jobExecutor();

        // then
        assertThat(jobExecutor.getMaxJobsPerAcquisition()).isEqualTo(30);
        assertThat(jobExecutor.getWaitTimeInMillis()).isEqualTo(500);
        assertThat(jobExecutor.getRejectedJobsHandler()).isInstanceOf(CallerRunsRejectedJobsHandler.class);
        assertThat(jobExecutor).isInstanceOfSatisfying(DefaultJobExecutor.class, pool -> {
            assertThat(pool.getCorePoolSize()).isEqualTo(4);
            assertThat(pool.getMaxPoolSize()).isEqualTo(4);
            assertThat(pool.getQueueSize()).isEqualTo(30);
        });
    }

    @Test
    void trap_5_the_engine_tables_are_cached_on_disk_and_every_commit_is_synced() throws SQLException {
        assumeTrue(TestDatabase.runsOnHsqldb(), "table types and write delay are HSQLDB's");
        // when
        Map<String, String> tableTypes = new HashMap<>();
        String writeDelay;
        try (Connection connection = world.persistence.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery("SELECT TABLE_NAME, HSQLDB_TYPE FROM "
                    + "INFORMATION_SCHEMA.SYSTEM_TABLES WHERE TABLE_SCHEM = 'PUBLIC' AND TABLE_NAME LIKE 'ACT_%'")) {
                while (tables.next()) {
                    tableTypes.put(tables.getString(1), tables.getString(2));
                }
            }
            try (ResultSet property = statement.executeQuery("SELECT PROPERTY_VALUE FROM "
                    + "INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.write_delay'")) {
                property.next();
                writeDelay = property.getString(1);
            }
        }

        // then
        assertThat(tableTypes).containsKeys("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_JOB", "ACT_HI_PROCINST");
        assertThat(tableTypes.values()).containsOnly("CACHED");
        assertThat(writeDelay).isEqualTo("false");
    }

    @Test
    void trap_6_a_body_of_a_hundred_thousand_characters_stays_in_the_domain_and_out_of_the_process() {
        // given
        String body = "x".repeat(100_000);

        // when
        Handoff handoff = world.create(EngineWorld.aHandoff(tenant, true, null, body));

        // then
        assertThat(world.reload(handoff).body()).isEqualTo(body);
        assertThat(world.runtime().getVariables(world.runningProcessOf(handoff).getId()))
                .doesNotContainKeys("body", "subject")
                .allSatisfy((name, value) -> assertThat(String.valueOf(value)).hasSizeLessThan(4000));
    }

    @Test
    void trap_7_racing_decisions_end_in_one_decision_and_a_conflict_for_the_other() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < RACES; race++) {
                // given
                Handoff handoff = world.create(tenant, true);
                CyclicBarrier start = new CyclicBarrier(2);

                // when
                Future<Handoff> approval = threads.submit(() -> {
                    start.await();
                    return world.approve(handoff);
                });
                Future<Handoff> rejection = threads.submit(() -> {
                    start.await();
                    return world.reject(handoff);
                });
                List<Throwable> failures = new ArrayList<>();
                failures.add(EngineWorld.failureOf(approval));
                failures.add(EngineWorld.failureOf(rejection));

                // then
                assertThat(failures).filteredOn(failure -> failure == null).hasSize(1);
                assertThat(failures).filteredOn(failure -> failure != null)
                        .singleElement().isInstanceOf(Conflict.class);
                Handoff decided = world.reload(handoff);
                assertThat(decided.status()).isIn(HandoffStatus.ACCEPTED, HandoffStatus.REJECTED);
                assertThat(world.eventsOf(handoff)).hasSize(2);
                if (decided.status() == HandoffStatus.ACCEPTED) {
                    assertThat(world.waitingAt(handoff)).containsExactly("accepted");
                } else {
                    assertThat(world.endedAt(handoff)).contains("rejected");
                }
            }
        } finally {
            threads.shutdownNow();
        }
        world.assertOneProcessPerHandoff(tenant);
    }

    static Stream<Arguments> what_the_engine_throws_at_the_loser() {
        return Stream.of(
                Arguments.of(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed")),
                Arguments.of(new NullValueException("Cannot find task with id 4711: task is null")),
                Arguments.of(new NullPointerException()),
                Arguments.of(new ProcessEngineException("flush failed",
                        new SQLTransactionRollbackException("serialization failure", "40001"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("what_the_engine_throws_at_the_loser")
    void trap_7_each_way_the_engine_says_someone_else_decided_first_becomes_a_conflict(RuntimeException lostRace) {
        // given
        HandoffId id = new HandoffId(UUID.randomUUID());

        // when / then
        assertThatThrownBy(() -> EngineFailures.moving(id, () -> {
            throw lostRace;
        })).isInstanceOf(Conflict.class).hasMessageContaining(id.toString());
    }

    @Test
    void trap_7_other_engine_failures_are_not_mistaken_for_a_race() {
        // given
        IllegalStateException bug = new IllegalStateException("not a race");

        // when / then
        assertThatThrownBy(() -> EngineFailures.moving(new HandoffId(UUID.randomUUID()), () -> {
            throw bug;
        })).isSameAs(bug);
    }

    private int checkpointUntil(AtomicBoolean checkpointing) throws SQLException {
        int count = 0;
        try (Connection connection = world.persistence.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            while (checkpointing.get()) {
                statement.execute("CHECKPOINT");
                count++;
            }
        }
        return count;
    }
}
