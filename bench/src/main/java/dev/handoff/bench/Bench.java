package dev.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code bin/handoff bench [--quick]}: starts Handoff, the floor and the Camunda peer side by side
 * on each database, drives them over HTTP from this JVM, and prints one Markdown report (also
 * written to a file). Exits 1 if any measurement had an error, after printing everything.
 */
public final class Bench {

    /** The ports the systems of a run listen on. */
    static final int FIRST_PORT = 19200;
    static final int LAST_PORT = 19299;

    private final BenchOptions options;

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("handoff.home", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        try {
            options = BenchOptions.parse(home, args);
        } catch (BenchOptions.HelpRequested help) {
            System.out.println(help.getMessage());
            return;
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Bench(options).run());
    }

    private int run() {
        Instant began = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(began);
        Results results = new Results();
        Path logs;
        try (Cleanup cleanup = new Cleanup()) {
            RunDirectory run = RunDirectory.create(options.home(), stamp.replace('_', '-'), cleanup);
            logs = run.root();
            SystemLauncher launcher = new SystemLauncher(options.home(), new PortRange(FIRST_PORT, LAST_PORT), run,
                    cleanup);
            Databases databases = new Databases(run, new PostgresServer(options.pgUrl(), options.pgUser()),
                    stamp + "_" + ProcessHandle.current().pid(), cleanup);
            Http http = new Http();
            Progress.say("%s run on %s; the systems' output goes to %s", options.volumes().name(),
                    String.join(" and ", options.databasesInOrder().stream().map(DatabaseKind::option).toList()),
                    logs);
            List<DatabaseKind> kinds = options.databasesInOrder();
            for (DatabaseKind kind : kinds) {
                boolean waves = !options.quick() || kind == kinds.get(kinds.size() - 1);
                new DatabaseRun(kind, options.volumes(), launcher, databases, run, http, results, waves).run();
            }
            Progress.say("stopping what is left, dropping the databases, deleting the data directories");
        }
        String report = Report.markdown(new Report.Header(command(), began, Machine.current(), options.volumes(),
                display(logs)), results, options.databasesInOrder());
        System.out.print(report);
        System.out.flush();
        write(report);
        Progress.say("done; results also in %s", options.out());
        return results.anyError() ? 1 : 0;
    }

    private String command() {
        return String.join(" ", List.of("bin/handoff", "bench")) + (options.arguments().isEmpty() ? ""
                : " " + String.join(" ", options.arguments()));
    }

    /** Relative to the repository when inside it, as people would type it. */
    private String display(Path path) {
        return path.startsWith(options.home()) ? options.home().relativize(path) + "/" : path + "/";
    }

    private void write(String report) {
        try {
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), report);
        } catch (IOException failure) {
            Progress.say("could not write %s: %s", options.out(), failure);
        }
    }
}
