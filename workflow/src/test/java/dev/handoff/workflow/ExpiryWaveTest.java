package dev.handoff.workflow;

import dev.handoff.domain.model.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On demand ({@code mvn -pl workflow verify -Pscale}; the build runs it on HSQLDB, then on
 * PostgreSQL): an expiry wave. 10,000 handoffs, created through the domain, all expire in the
 * same second; the wave runs once with Handoff's job-executor pace for the database ({@code tuned}:
 * {@code Tuned.EMBEDDED} on HSQLDB, {@code Tuned.DEFAULTS} on PostgreSQL) and once with
 * Camunda's job executor as Camunda ships it ({@code engine-defaults}), each on a fresh database
 * and engine. It prints the seconds from the due time to the last expiry and the expirations per
 * second, also to {@code target/scale/expiry-wave.txt}. It checks only that every handoff expired
 * exactly once; the figures are for reading, not for asserting.
 *
 * <p>Every handoff of the wave has the same {@code expiresAt}, one second after the last one was
 * created. As creating 10,000 handoffs takes an unknown while, the wave is created an hour in the
 * past of the engine's and the domain's clock (Camunda's {@code ClockUtil}, given to the domain as
 * its clock), due a whole second at the end of that hour; once all are created, the clock is set
 * one second before the due time and the job executor is started, as on a node where the last
 * handoff has just been created (Camunda's job executor wakes up when a timer due within its wait
 * is created, finds nothing due yet and waits its idle wait). Before the wave, 500 handoffs are
 * created and expired so that the JIT has compiled the engine's paths.
 *
 * <p>Besides time and rate it prints the CPU time spent per expiry by this JVM (the engine, and the
 * database on HSQLDB) and by the PostgreSQL server processes of the database (read from /proc),
 * and Camunda's job counters (acquisitions, rejections, failures).
 *
 * <p>{@code -Dhandoff.wave.size=10000}, {@code -Dhandoff.wave.runs=1},
 * {@code -Dhandoff.wave.profiles=tuned,engine-defaults} and {@code -Dhandoff.wave.history=audit} (Camunda's
 * history level) change the wave.
 */
@Tag("scale")
class ExpiryWaveTest {

    private static final int WAVE = Integer.getInteger("handoff.wave.size", 10_000);
    private static final int RUNS = Integer.getInteger("handoff.wave.runs", 1);
    private static final List<String> PROFILES =
            Arrays.asList(System.getProperty("handoff.wave.profiles", "tuned,engine-defaults").split(","));
    private static final String HISTORY =
            System.getProperty("handoff.wave.history", WorkflowSettings.DEFAULTS.historyLevel());
    private static final int CREATORS = 4;
    private static final int WARM_UP = 500;
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    private static final String DATABASE = TestDatabase.runsOnHsqldb() ? "hsqldb" : "postgres";
    private static final List<String> JOB_METERS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED);

    @Test
    void every_handoff_of_an_expiry_wave_expires_exactly_once_with_either_job_executor_profile() throws Exception {
        List<Wave> waves = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            for (String profile : PROFILES) {
                Wave wave = wave(profile.trim(), run);
                report(wave.toString());
                waves.add(wave);
            }
        }
        report(summary(waves));
    }

    @AfterEach
    void reset_the_engine_clock() {
        ClockUtil.reset();
    }

    private Wave wave(String profile, int run) throws Exception {
        try (TestDatabase database = TestDatabase.fresh("expiry_wave_");
             EngineWorld world = EngineWorld.open(database.settings(),
                     WorkflowSettings.DEFAULTS.withJobExecution(jobExecution(profile))
                             .withHistory(HISTORY, WorkflowSettings.DEFAULTS.historyTimeToLive())
                             // no history cleanup job, which fires inside its nightly window and counts as a job
                             .withCleanupWindow(Optional.empty()), EngineWorld::countJobs,
                     ExpiryWaveTest::engineClock)) {
            // given: a small wave compiles the engine's hot paths
            warmUp(world);
            // the wave is created an hour ago by the engine's and the domain's clock, due now
            ClockUtil.offset(-Duration.ofHours(1).toMillis());
            Instant due = engineClock().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            Tenant tenant = EngineWorld.aTenant();
            long creationStarted = System.nanoTime();
            create(world, tenant, WAVE, due);
            double creationSeconds = seconds(System.nanoTime() - creationStarted);
            // one second after the last handoff was created, the wave falls due
            ClockUtil.offset(due.minusSeconds(1).toEpochMilli() - System.currentTimeMillis());

            // when
            Map<String, Long> metersBefore = jobMeters(world);
            long cpuBefore = processCpuNanos();
            long databaseCpuBefore = databaseCpuNanos(world);
            expireAll(world, WAVE);
            double databaseCpuMillisPerExpiry = (databaseCpuNanos(world) - databaseCpuBefore) / 1e6 / WAVE;
            Map<String, Long> jobs = difference(jobMeters(world), metersBefore);
            double cpuMillisPerExpiry = (processCpuNanos() - cpuBefore) / 1e6 / WAVE;

            // then
            assertThat(count(world, "SELECT COUNT(*) FROM handoff WHERE account_id = ? AND status = 'expired'", tenant))
                    .as("expired handoffs").isEqualTo(WAVE);
            Expiries expiries = expiries(world, tenant);
            assertThat(expiries.events()).as("expired events").isEqualTo(WAVE);
            assertThat(expiries.handoffs()).as("handoffs with an expired event").isEqualTo(WAVE);
            assertThat(count(world, "SELECT COUNT(*) FROM (SELECT handoff_id FROM handoff_event WHERE account_id = ? "
                    + "AND type = 'handoff.expired' GROUP BY handoff_id HAVING COUNT(*) > 1) twice", tenant))
                    .as("handoffs expired twice").isZero();
            assertThat(world.history().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY)
                    .finished().count()).as("finished processes, the warm-up's too").isEqualTo(WAVE + WARM_UP);
            assertThat(world.history().createHistoricActivityInstanceQuery().activityId("expired").count())
                    .as("processes ended at 'expired', the warm-up's too").isEqualTo(WAVE + WARM_UP);
            assertThat(world.management().createJobQuery().processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY)
                    .count()).as("timers left").isZero();
            assertThat(world.runtime().createIncidentQuery().count()).as("incidents").isZero();
            assertThat(jobs.get(Metrics.JOB_SUCCESSFUL)).as("timer jobs that succeeded").isEqualTo(WAVE);

            return new Wave(DATABASE, profile, run, WAVE / creationSeconds,
                    Duration.between(due, expiries.first()), Duration.between(due, expiries.last()),
                    cpuMillisPerExpiry, databaseCpuMillisPerExpiry, jobs);
        }
    }

    /** Creates {@value #WARM_UP} handoffs and brings their timers forward to now. */
    private static void warmUp(EngineWorld world) throws Exception {
        Tenant tenant = EngineWorld.aTenant();
        create(world, tenant, WARM_UP, engineClock().plus(Duration.ofHours(1)));
        world.timersDueAt(ClockUtil.getCurrentTime());
        expireAll(world, WARM_UP);
    }

    /** The engine's clock (Camunda's ClockUtil, which the test sets), also given to the domain. */
    private static Instant engineClock() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * Runs the job executor until {@code count} timer jobs have succeeded. It watches the engine's
     * own job counter, so that watching costs the database nothing.
     */
    private static void expireAll(EngineWorld world, int count) {
        long before = jobMeters(world).get(Metrics.JOB_SUCCESSFUL);
        world.jobExecutor().start();
        try {
            EngineWorld.awaitUntil(PATIENCE, count + " timers fire",
                    () -> jobMeters(world).get(Metrics.JOB_SUCCESSFUL) - before >= count);
        } finally {
            world.jobExecutor().shutdown();
        }
    }

    /**
     * CPU time of the PostgreSQL server processes serving this database, read from /proc (PostgreSQL
     * on this machine); 0 on HSQLDB, whose work is this JVM's.
     */
    private static long databaseCpuNanos(EngineWorld world) throws SQLException {
        if (TestDatabase.runsOnHsqldb()) {
            return 0;
        }
        long ticks = 0;
        try (Connection connection = world.persistence.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
             ResultSet pids = query.executeQuery()) {
            while (pids.next()) {
                ticks += cpuTicksOf(pids.getInt(1));
            }
        }
        return ticks * 10_000_000L; // USER_HZ = 100
    }

    private static long cpuTicksOf(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static WorkflowSettings.JobExecution jobExecution(String profile) {
        return switch (profile) {
            case "tuned" -> WorkflowSettings.JobExecution.Tuned.forDatabase(TestDatabase.runsOnHsqldb());
            case "engine-defaults" -> WorkflowSettings.JobExecution.ENGINE_DEFAULTS;
            default -> throw new IllegalArgumentException("no such profile: " + profile);
        };
    }

    private static Map<String, Long> jobMeters(EngineWorld world) {
        Map<String, Long> meters = new LinkedHashMap<>();
        JOB_METERS.forEach(name -> meters.put(name, world.jobMeter(name)));
        return meters;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new LinkedHashMap<>();
        after.forEach((name, value) -> difference.put(name, value - before.get(name)));
        return difference;
    }

    /** Half of the handoffs wait for approval (the timer on the task), half do not (the timer on the receive task). */
    private static void create(EngineWorld world, Tenant tenant, int count, Instant expiresAt) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        try {
            List<Future<?>> slices = IntStream.range(0, CREATORS)
                    .mapToObj(slice -> creators.submit(() -> {
                        for (int i = slice; i < count; i += CREATORS) {
                            world.create(EngineWorld.aHandoff(tenant, i % 2 == 0, expiresAt,
                                    "Handoff " + i + " of an expiry wave."));
                        }
                    }))
                    .collect(Collectors.toList());
            for (Future<?> slice : slices) {
                slice.get();
            }
        } finally {
            creators.shutdownNow();
        }
    }

    private static Expiries expiries(EngineWorld world, Tenant tenant) throws SQLException {
        try (Connection connection = world.persistence.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT handoff_id), "
                     + "MIN(occurred_at), MAX(occurred_at) FROM handoff_event WHERE account_id = ? "
                     + "AND type = 'handoff.expired'")) {
            query.setString(1, tenant.accountId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Expiries(row.getLong(1), row.getLong(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(),
                        row.getObject(4, OffsetDateTime.class).toInstant());
            }
        }
    }

    private static long count(EngineWorld world, String sql, Tenant tenant) {
        try (Connection connection = world.persistence.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, tenant.accountId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** CPU time of this JVM, all threads: the engine's and the database's when it is embedded. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String summary(List<Wave> waves) {
        StringBuilder summary = new StringBuilder("expiry wave of " + WAVE + " on " + DATABASE + ", medians of "
                + RUNS + " run(s):\n");
        Map<String, Double> medianSeconds = new LinkedHashMap<>();
        for (String profile : PROFILES) {
            List<Double> seconds = waves.stream().filter(wave -> wave.profile().equals(profile.trim()))
                    .map(wave -> seconds(wave.toAllExpired().toNanos())).sorted().toList();
            double median = seconds.get(seconds.size() / 2);
            medianSeconds.put(profile.trim(), median);
            summary.append(String.format("  %-16s %7.1f s from due to all expired, %6.0f expirations/s (runs: %s)%n",
                    profile.trim(), median, WAVE / median, seconds.stream()
                            .map(value -> String.format("%.1f", value)).collect(Collectors.joining(", "))));
        }
        if (medianSeconds.containsKey("tuned") && medianSeconds.containsKey("engine-defaults")) {
            summary.append(String.format("  tuned is %.1fx as fast as engine-defaults%n",
                    medianSeconds.get("engine-defaults") / medianSeconds.get("tuned")));
        }
        return summary.toString();
    }

    private static void report(String text) throws IOException {
        System.out.println(text);
        Path file = Path.of("target", "scale", "expiry-wave.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Instant.now() + " " + text + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private record Expiries(long events, long handoffs, Instant first, Instant last) {
    }

    private record Wave(String database, String profile, int run, double createdPerSecond,
                        Duration toFirstExpired, Duration toAllExpired,
                        double cpuMillisPerExpiry, double databaseCpuMillisPerExpiry, Map<String, Long> jobs) {
        @Override
        public String toString() {
            double seconds = seconds(toAllExpired.toNanos());
            return String.format("%s %-16s run %d: %.1f s from due to all expired, %.0f expirations/s "
                            + "(first at %+.2f s; CPU per expiry: %.2f ms this JVM, %.2f ms PostgreSQL; created at "
                            + "%.0f/s; jobs %s)",
                    database, profile, run, seconds, WAVE / seconds, seconds(toFirstExpired.toNanos()),
                    cpuMillisPerExpiry, databaseCpuMillisPerExpiry, createdPerSecond, jobs);
        }
    }
}
