package dev.handoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The run's results as Markdown: a header, one throughput and latency table, smaller tables, the targets. */
final class Report {

    static final String OUT_OF_REACH = """
            Out of reach: missed, and the engine floor misses it too. The engine floor is the same process \
            moved by Camunda's Java API alone, one transaction a request, on an engine set up like Handoff's, \
            through the same HTTP stack and database: a server that keeps its handoff's row and process in one \
            transaction does that work and more in its requests, so its share of the floor stays below the \
            engine floor's. Likewise for the waves: an expiry of Handoff's fires the same kind of timer and ends \
            the same kind of process, and moves the handoff as well, so with the same job-executor settings it \
            expires no faster than the engine floor's wave.""";

    private Report() {
    }

    /** What the header says about the run besides the figures. */
    record Header(String command, Instant date, Machine machine, Volumes volumes, String logs) {
    }

    static String markdown(Header header, Results results, List<DatabaseKind> databases) {
        StringBuilder out = new StringBuilder();
        Volumes volumes = header.volumes();
        out.append("# Handoff benchmark (").append(volumes.name()).append(")\n\n");
        out.append("- Command: `").append(header.command()).append("`\n");
        out.append("- Date: ").append(header.date()).append('\n');
        out.append("- Machine: ").append(header.machine().describe()).append('\n');
        out.append("- Each cell: c virtual users, each sending its operation back to back over HTTP/1.1 keep-alive")
                .append(" from the load generator's own JVM; a warm-up of ").append(seconds(volumes.warmUp()))
                .append(" s and until every user has finished one operation, then ").append(seconds(volumes.window()))
                .append(" s measured (the operations that end inside it)\n");
        out.append("- Handoff's server and the references' run side by side: each operation at each c is measured")
                .append(" on Handoff, the floor, the engine floor and the peer one right after the other\n");
        if (!volumes.systemWarmUp().isZero()) {
            out.append("- Before its first cell, each server runs each of its scenarios for ")
                    .append(seconds(volumes.systemWarmUp())).append(" s at c = ").append(Volumes.TARGET_CONCURRENCY)
                    .append(", unmeasured, so that the JIT has compiled its code\n");
        }
        if (databases.contains(DatabaseKind.POSTGRES)) {
            out.append("- On PostgreSQL, `ANALYZE` (as autovacuum would) and `CHECKPOINT` run before every cell")
                    .append(" and wave\n");
        }
        if (volumes.quick()) {
            out.append("- Quick: c = ").append(volumes.concurrencies().stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")))
                    .append(" only; the expiry waves on ").append(databases.get(databases.size() - 1).option())
                    .append(" only, ours on the server of the cells; memory and start on hsqldb\n");
        }
        out.append("- Systems' output: `").append(header.logs()).append("`\n");
        Map<DatabaseKind, Duration> seeding = results.seeding();
        for (DatabaseKind database : databases) {
            if (seeding.containsKey(database)) {
                out.append("- Seeding the list scenario on ").append(database.option()).append(": ")
                        .append(Figures.count(volumes.listRows())).append(" handoffs in ")
                        .append(seconds(seeding.get(database))).append(" s\n");
            }
        }
        out.append('\n');
        out.append(ResultTable.markdown(results.cells())).append('\n');
        out.append(waves(results.waves(), volumes)).append('\n');
        out.append(memory(results.memory())).append('\n');
        out.append(start(results)).append('\n');
        out.append("## Targets\n\n");
        List<Target> targets = Targets.check(results, databases, volumes.listRows());
        for (Target target : targets) {
            out.append(target.markdown()).append('\n');
        }
        if (targets.stream().anyMatch(target -> target.verdict() == Target.Verdict.OUT_OF_REACH)) {
            out.append('\n').append(OUT_OF_REACH).append('\n');
        }
        List<String> problems = problems(results);
        if (!problems.isEmpty()) {
            out.append("\n## Errors\n\n");
            problems.forEach(problem -> out.append("- ").append(problem).append('\n'));
        }
        return out.toString();
    }

    static String waves(List<WaveResult> waves, Volumes volumes) {
        StringBuilder out = new StringBuilder("## Expiry wave\n\n");
        if (waves.isEmpty()) {
            return out.append("Not measured.\n").toString();
        }
        out.append("| database | system | job executor | handoffs created | created in s | due → all expired s")
                .append(" | expirations/s |\n|---|---|---|---:|---:|---:|---:|\n");
        for (WaveResult wave : waves) {
            out.append(row(wave.database().option(), wave.system().label(), wave.jobs().label(),
                    Figures.count(wave.created()) + (wave.created() == wave.size() ? ""
                            : " of " + Figures.count(wave.size())),
                    Figures.seconds(wave.createSeconds()),
                    wave.drained() ? Figures.seconds(wave.secondsToExpired())
                            : "not within " + ExpiryWave.drainLimit(wave.size()).toSeconds() + " s",
                    wave.drained() ? Figures.rate(wave.expirationsPerSecond()) : Figures.NONE));
        }
        out.append("\nEach wave: handoffs created at c=").append(Volumes.HIGH_CONCURRENCY)
                .append(", all due at the same whole second, chosen from the rate of a short pilot of creates")
                .append(" just before; the time runs from that second to the first poll")
                .append(" (every 100 ms) that found none of them pending.");
        if (volumes.waveWarmUpSize() > 0) {
            out.append(" Before it, the same server drains an unmeasured wave of ")
                    .append(Figures.count(volumes.waveWarmUpSize()))
                    .append(" to another recipient, so that the expiry path runs compiled.");
        }
        out.append(" Camunda's defaults: a server started with HANDOFF_JOBS_PROFILE=engine-defaults.");
        if (waves.stream().anyMatch(wave -> wave.system() == SystemKind.PEER)) {
            out.append(" The Camunda peer's wave starts its process (user task with a timer boundary event,")
                    .append(" nothing after the timer but the end) through Camunda's REST API, on an engine given")
                    .append(" Handoff's job-executor settings, task index and history removal settings, and counts")
                    .append(" the instances still running: what the engine alone does with a timer per handoff.");
        }
        if (waves.stream().anyMatch(wave -> wave.system() == SystemKind.ENGINE_FLOOR)) {
            out.append(" The engine floor's wave starts the same process at its approval task through Camunda's")
                    .append(" Java API, with only the recipient and the expiry as variables, on the same kind of")
                    .append(" engine, and counts the same way: what the engine's own work for an expiry allows,")
                    .append(" with nothing of Handoff's in it.");
        }
        waveSpeedups(waves).forEach(line -> out.append(' ').append(line));
        out.append('\n');
        return out.toString();
    }

    /** Camunda's defaults' time ÷ ours, per database that has both. */
    private static List<String> waveSpeedups(List<WaveResult> waves) {
        List<String> lines = new java.util.ArrayList<>();
        for (WaveResult ours : waves) {
            waves.stream().filter(other -> other.database() == ours.database() && ours.jobs() == JobSettings.OURS
                            && ours.system() == SystemKind.HANDOFF && other.system() == SystemKind.HANDOFF
                            && other.jobs() == JobSettings.ENGINE_DEFAULTS && ours.drained() && other.drained())
                    .findFirst()
                    .ifPresent(defaults -> lines.add(ours.database().option() + ": Camunda's defaults took "
                            + Figures.ratio(defaults.secondsToExpired() / ours.secondsToExpired()) + " as long."));
        }
        return lines;
    }

    static String memory(List<MemoryResult> results) {
        StringBuilder out = new StringBuilder("## Memory\n\n");
        if (results.isEmpty()) {
            return out.append("Not measured.\n").toString();
        }
        out.append("| database | heap | c | load s | lifecycles/s | errors | alive, no OOM | GC pauses | GC pause ms"
                + " | GC time share | peak RSS MB | final RSS MB |\n"
                + "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (MemoryResult result : results) {
            out.append(row(result.database().option(), "-Xmx" + result.heap(), Integer.toString(result.concurrency()),
                    Figures.seconds(result.seconds()), Figures.rate(result.load().operationsPerSecond()),
                    Figures.count(result.load().errors()),
                    result.alive() && !result.outOfMemory() ? "yes" : (result.outOfMemory() ? "OOM" : "not answering"),
                    Figures.count(result.gc().count()), Figures.millis(result.gc().totalMillis()),
                    Figures.percent(result.gcShare()), Figures.megabytes(result.peakRssMegabytes()),
                    Figures.megabytes(result.finalRssMegabytes())));
        }
        out.append("\nLifecycles at c=").append(Volumes.HIGH_CONCURRENCY).append(" on the embedded database for the")
                .append(" measured window, after a warm-up until every user has finished one.")
                .append(" GC time share: the pauses in the server's GC log during the load ÷ the load's wall time.")
                .append(" RSS from /proc/<pid>/status, sampled every second (peak = VmHWM).\n");
        return out.toString();
    }

    static String start(Results results) {
        StringBuilder out = new StringBuilder("## Start\n\n");
        if (results.start().isEmpty()) {
            return out.append("Not measured.\n").toString();
        }
        StartResult start = results.start().get();
        out.append("| data directory | starts | median s | each s |\n|---|---:|---:|---|\n");
        out.append(row("fresh", Integer.toString(start.freshSeconds().size()),
                Figures.seconds(start.freshMedian()), each(start.freshSeconds())));
        out.append(row("existing", Integer.toString(start.existingSeconds().size()),
                Figures.seconds(start.existingMedian()), each(start.existingSeconds())));
        out.append("\nFrom spawning `bin/handoff serve` (embedded default) to the first 200 on `/health`.")
                .append(" Fresh: a new, empty data directory (the first is Handoff's own before it is seeded).")
                .append(" Existing: Handoff's data directory again, after seeding.\n");
        return out.toString();
    }

    private static List<String> problems(Results results) {
        List<String> problems = new java.util.ArrayList<>(results.failures());
        for (CellResult cell : results.cells()) {
            String name = cell.database().option() + " " + cell.scenario().label() + " " + cell.system().label()
                    + " c=" + cell.concurrency() + ": ";
            if (cell.errors() > 0) {
                problems.add(name + cell.errors() + " errors, the first: " + cell.firstError());
            }
        }
        for (WaveResult wave : results.waves()) {
            if (wave.failed()) {
                problems.add(wave.database().option() + " expiry wave (" + wave.system().label() + ", "
                        + wave.jobs().label() + "): "
                        + wave.createErrors()
                        + " failed creates, all created before due: " + wave.createdBeforeDue() + ", drained: "
                        + wave.drained());
            }
        }
        for (MemoryResult memory : results.memory()) {
            if (memory.failed()) {
                problems.add(memory.database().option() + " memory run: alive " + memory.alive() + ", OOM "
                        + memory.outOfMemory() + ", " + memory.load().errors() + " errors "
                        + memory.load().firstError());
            }
        }
        return problems;
    }

    private static String each(List<Double> seconds) {
        StringJoiner joined = new StringJoiner(", ");
        seconds.forEach(value -> joined.add(Figures.seconds(value)));
        return joined.toString();
    }

    private static String seconds(Duration duration) {
        return Figures.seconds(duration.toNanos() / 1e9);
    }

    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
