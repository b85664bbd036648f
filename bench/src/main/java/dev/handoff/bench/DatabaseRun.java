package dev.handoff.bench;

import dev.handoff.persistence.HandoffPersistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Everything measured on one kind of database: the cells of Handoff, the floor, the engine floor and
 * the Camunda peer side by side, then the expiry waves, the memory run and the start times. On the
 * embedded database, Handoff's data directory is first started empty and then again after seeding:
 * the two start times.
 */
final class DatabaseRun {

    /** The API keys of the run's tenants, issued before any server runs. */
    private record Keys(String load, String waveOurs, String waveDefaults) {
    }

    /** Handoff's database, seeded, with its keys. */
    private record Prepared(Database database, Keys keys) {
    }

    private interface Step {
        void run() throws Exception;
    }

    private final DatabaseKind kind;
    private final Volumes volumes;
    private final SystemLauncher launcher;
    private final Databases databases;
    private final RunDirectory run;
    private final Http http;
    private final Results results;
    private final boolean measuresWaves;

    /** {@code measuresWaves}: whether the expiry waves run on this database (a quick run has them on one only). */
    DatabaseRun(DatabaseKind kind, Volumes volumes, SystemLauncher launcher, Databases databases, RunDirectory run,
                Http http, Results results, boolean measuresWaves) {
        this.kind = kind;
        this.measuresWaves = measuresWaves;
        this.volumes = volumes;
        this.launcher = launcher;
        this.databases = databases;
        this.run = run;
        this.http = http;
        this.results = results;
    }

    void run() {
        attempt("prepare Handoff's database", this::prepare).ifPresent(this::measureHandoff);
        if (measuresWaves && volumes.freshServerPerWave()) {
            step("the Camunda peer's expiry wave", () -> referenceWave(ExpiryWave.Target.PEER, "peer"));
            step("the engine floor's expiry wave", () -> referenceWave(ExpiryWave.Target.ENGINE_FLOOR, "enginefloor"));
        }
    }

    private void measureHandoff(Prepared handoff) {
        Database database = handoff.database();
        Keys keys = handoff.keys();
        step("measure Handoff, the floors and the Camunda peer", () -> cells(database, keys));
        if (measuresWaves && volumes.freshServerPerWave()) {
            step("expiry wave with " + JobSettings.OURS.label(),
                    () -> waveOnFreshServer(database, JobSettings.OURS, keys.waveOurs()));
        }
        if (measuresWaves) {
            step("expiry wave with " + JobSettings.ENGINE_DEFAULTS.label(),
                    () -> waveOnFreshServer(database, JobSettings.ENGINE_DEFAULTS, keys.waveDefaults()));
        }
        if (embedded()) {
            step("memory run", () -> memory(database, keys.load()));
            step("start times", () -> moreStarts(database));
        }
    }

    /** Start time and memory are measured on the embedded default only. */
    private boolean embedded() {
        return kind == DatabaseKind.HSQLDB;
    }

    /** The repeats after the first: each on a new data directory, and again on Handoff's. */
    private void moreStarts(Database handoffDatabase) {
        for (int repeat = 2; repeat <= volumes.startRepeats(); repeat++) {
            results.startedFresh(StartTime.startAndStop(launcher, databases.create(kind, "start-" + repeat),
                    "handoff-" + kind.option() + "-start-fresh-" + repeat));
            results.startedExisting(StartTime.startAndStop(launcher, handoffDatabase,
                    "handoff-" + kind.option() + "-start-existing-" + repeat));
        }
    }

    /**
     * Creates Handoff's database, issues the keys and seeds the list's handoffs while no server holds
     * it; on the embedded database, a server is first started on it while it is still empty.
     */
    private Prepared prepare() throws Exception {
        Database database = databases.create(kind, "handoff");
        if (embedded()) {
            // the first serve after a build would record bin/handoff's class-data archive (about 15 s):
            // once per build, not what a start costs
            Progress.say("%s: bin/handoff prepare (after a build it records the class-data archive)", kind.option());
            launcher.prepareHandoff();
            String name = "handoff-" + kind.option() + "-start-fresh-1";
            results.startedFresh(StartTime.startAndStop(launcher, database, name));
        }
        Progress.say("%s: seeding %s handoffs for the list", kind.option(), Figures.count(volumes.listRows()));
        try (HandoffPersistence persistence = HandoffPersistence.open(database.persistenceSettings())) {
            KeyIssuer issuer = new KeyIssuer(persistence);
            Keys keys = new Keys(issuer.issue(Tenants.LOAD), issuer.issue(Tenants.WAVE_OURS),
                    issuer.issue(Tenants.WAVE_DEFAULTS));
            Duration took = Seeder.seed(persistence.dataSource(), Tenants.LOAD, volumes.listRows());
            results.seeded(kind, took);
            Progress.say("%s: seeded in %s s", kind.option(), Figures.seconds(took.toNanos() / 1e9));
            return new Prepared(database, keys);
        }
    }

    /**
     * Every cell, with Handoff's server and the references' running side by side: each operation at
     * each concurrency is measured on every system that has it, one right after the other, so that a
     * ratio compares figures taken a minute apart rather than a quarter of an hour, on a machine
     * whose speed drifts. In a quick run, our expiry wave follows on the same server.
     */
    private void cells(Database database, Keys keys) throws Exception {
        Database peerDatabase = databases.create(kind, "peer");
        Database engineFloorDatabase = databases.create(kind, "enginefloor");
        RunningSystem server = launcher.handoff("handoff-" + kind.option(), database, Map.of());
        try {
            Progress.say("%s: Handoff ready in %s s", kind.option(), Figures.seconds(StartTime.seconds(server)));
            if (embedded()) {
                results.startedExisting(StartTime.seconds(server));
            }
            RunningSystem peer = launcher.peer("peer-" + kind.option(), peerDatabase);
            try {
                Progress.say("%s: floor and peer ready in %s s", kind.option(),
                        Figures.seconds(peer.startedIn().toNanos() / 1e9));
                // the engine floor runs on an engine set up like Handoff's (task index, history removal,
                // job pace), so that it leaves out only what Handoff adds to the engine's work
                RunningSystem engineFloor = launcher.peer("enginefloor-" + kind.option(), engineFloorDatabase, true);
                try {
                    Http.Endpoint ours = http.endpoint(server.baseUrl(), keys.load());
                    Http.Endpoint references = http.endpoint(peer.baseUrl(), null);
                    Http.Endpoint engineOnly = http.endpoint(engineFloor.baseUrl(), null);
                    int page = Json.size(ours.get("api/handoffs?status=pending&profileId=" + Seeder.recipient(0)));
                    Progress.say("%s: a recipient's pending page holds %d handoffs", kind.option(), page);
                    Map<SystemKind, Database> databaseOf = Map.of(SystemKind.HANDOFF, database,
                            SystemKind.FLOOR, peerDatabase, SystemKind.PEER, peerDatabase,
                            SystemKind.ENGINE_FLOOR, engineFloorDatabase);
                    measure(List.of(CreateHandoffs.handoff(ours), CreateHandoffs.floor(references),
                                    CreateHandoffs.engineFloor(engineOnly), new PeerCreates(references),
                                    new HandoffLifecycles(ours), new EngineFloorLifecycles(engineOnly),
                                    new PeerLifecycles(references),
                                    new ListHandoffs(ours, Seeder.recipients(volumes.listRows())),
                                    new HandoffStateWrites(ours, Tenants.LOAD.accountId(), Tenants.LOAD.projectId())),
                            scenario -> databaseOf.get(scenario.system()));
                } finally {
                    engineFloor.stop();
                }
            } finally {
                peer.stop();
            }
            if (measuresWaves && !volumes.freshServerPerWave()) {
                step("expiry wave with " + JobSettings.OURS.label(),
                        () -> wave(database, server, JobSettings.OURS, keys.waveOurs()));
            }
        } finally {
            server.stop();
        }
    }

    private void waveOnFreshServer(Database database, JobSettings jobs, String key) throws Exception {
        RunningSystem server = launcher.handoff("handoff-" + kind.option() + "-wave-" + jobs.suffix(), database,
                jobs.serverSettings());
        try {
            wave(database, server, jobs, key);
        } finally {
            server.stop();
        }
    }

    private void wave(Database database, RunningSystem server, JobSettings jobs, String key) throws Exception {
        Progress.say("%s: expiry wave of %s with %s", kind.option(), Figures.count(volumes.waveSize()), jobs.label());
        measureWave(database, ExpiryWave.Target.HANDOFF, jobs, http.endpoint(server.baseUrl(), key));
    }

    /** After a warm-up wave on the same server, unless the run has none. */
    private void measureWave(Database database, ExpiryWave.Target target, JobSettings jobs, Http.Endpoint endpoint)
            throws Exception {
        if (volumes.waveWarmUpSize() > 0) {
            Progress.say("%s:   warming up with an unmeasured wave of %s", kind.option(),
                    Figures.count(volumes.waveWarmUpSize()));
            ExpiryWave.warmUp(kind, target, jobs, endpoint, volumes.waveWarmUpSize());
        }
        database.settle();
        WaveResult wave = ExpiryWave.run(kind, target, jobs, endpoint, volumes.waveSize());
        results.add(wave);
        Progress.say("%s:   created in %s s, all expired %s s after due", kind.option(),
                Figures.seconds(wave.createSeconds()), Figures.seconds(wave.secondsToExpired()));
    }

    /**
     * A reference's wave on the references' server with the tuned engine, on a database of its own,
     * so that only the wave's processes wait for timers. {@code name} names the database and the log.
     */
    private void referenceWave(ExpiryWave.Target target, String name) throws Exception {
        Database database = databases.create(kind, name + "wave");
        RunningSystem references = launcher.peer(name + "-" + kind.option() + "-wave", database, true);
        try {
            Progress.say("%s: the %s's expiry wave of %s with %s", kind.option(), target.system().label(),
                    Figures.count(volumes.waveSize()), JobSettings.OURS.label());
            measureWave(database, target, JobSettings.OURS, http.endpoint(references.baseUrl(), null));
        } finally {
            references.stop();
        }
    }

    private void memory(Database database, String key) throws Exception {
        Progress.say("%s: memory run, -Xmx%s, c=%d for %d s", kind.option(), MemoryRun.HEAP,
                Volumes.HIGH_CONCURRENCY, volumes.memoryWindow().toSeconds());
        MemoryResult memory = MemoryRun.run(launcher, database, run.root().resolve("handoff-memory-gc.log"), key,
                http, volumes.memoryWindow());
        results.add(memory);
        Progress.say("%s:   alive %s, GC share %s, peak RSS %s MB", kind.option(), memory.alive(),
                Figures.percent(memory.gcShare()), Figures.megabytes(memory.peakRssMegabytes()));
    }

    /**
     * The scenarios' cells after their warm-up: by operation, then concurrency, then system, in the
     * order given; each cell on a settled database ({@code databaseOf} the scenario's system).
     */
    private void measure(List<Scenario> scenarios, Function<Scenario, Database> databaseOf) throws SQLException {
        if (!volumes.systemWarmUp().isZero()) {
            Progress.say("%s: warming up, %d s per scenario", kind.option(), volumes.systemWarmUp().toSeconds());
            for (Scenario scenario : scenarios) {
                LoadRun.run(kind, scenario, Volumes.TARGET_CONCURRENCY, Duration.ZERO, volumes.systemWarmUp());
            }
        }
        for (ScenarioKind operation : ScenarioKind.values()) {
            for (int concurrency : volumes.concurrencies()) {
                for (Scenario scenario : scenarios) {
                    if (scenario.kind() == operation) {
                        databaseOf.apply(scenario).settle();
                        measure(scenario, concurrency);
                    }
                }
            }
        }
    }

    private void measure(Scenario scenario, int concurrency) {
        CellResult cell = LoadRun.run(kind, scenario, concurrency, volumes.warmUp(), volumes.window());
        results.add(cell);
        Progress.say("%s: %s %s c=%d: %s ops/s, p99 %s ms, %d errors", kind.option(), scenario.system().label(),
                scenario.kind().label(), concurrency, Figures.rate(cell.operationsPerSecond()),
                Figures.millis(cell.latency().p99Millis()), cell.errors());
        if (!cell.firstError().isEmpty()) {
            Progress.say("%s:   first error: %s", kind.option(), cell.firstError());
        }
    }

    /** Runs a step; a failure is recorded and the run goes on with the next one. */
    private void step(String name, Step step) {
        attempt(name, () -> {
            step.run();
            return Boolean.TRUE;
        });
    }

    /** Runs a step that yields what later steps need; empty if it failed (recorded). */
    private <T> Optional<T> attempt(String name, Callable<T> step) {
        try {
            return Optional.of(step.call());
        } catch (Exception | Error failure) {
            results.failed(kind.option() + ": " + name, failure);
            Progress.say("%s: %s failed: %s", kind.option(), name, failure);
            return Optional.empty();
        }
    }
}
