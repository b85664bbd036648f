package dev.handoff.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/handoff bench [--quick] [--db hsqldb|postgres|both] [--out FILE] [--pg-url URL] [--pg-user USER]}.
 *
 * @param home      the repository root (bin/handoff, bench/target)
 * @param pgUrl     the PostgreSQL server, without a database name: {@code jdbc:postgresql://host:port/}
 * @param arguments exactly as given, for the report's header
 */
record BenchOptions(Volumes volumes, Set<DatabaseKind> databases, Path out, Path home, String pgUrl, String pgUser,
                    List<String> arguments) {

    static final String USAGE = """
            Usage: bin/handoff bench [--quick] [--db hsqldb|postgres|both] [--out FILE] [--pg-url URL] [--pg-user USER]
              --quick    fewer and shorter cells (under two minutes); the full run takes much longer
              --db       the databases to measure on (default both)
              --out      where the Markdown results go too (default bench/target/bench-results.md)
              --pg-url   the PostgreSQL server (default jdbc:postgresql://127.0.0.1:5432/); databases bench_* are
                         created on it and dropped afterwards
              --pg-user  its user (default postgres)""";

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/";

    /** Asked for help rather than a run. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(USAGE);
        }
    }

    BenchOptions {
        databases = Set.copyOf(databases);
        arguments = List.copyOf(arguments);
        if (!pgUrl.endsWith("/")) {
            pgUrl = pgUrl + "/";
        }
    }

    static BenchOptions parse(Path home, String... args) {
        Volumes volumes = Volumes.FULL;
        Set<DatabaseKind> databases = EnumSet.allOf(DatabaseKind.class);
        Path out = home.resolve("bench/target/bench-results.md");
        String pgUrl = DEFAULT_PG_URL;
        String pgUser = "postgres";
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--quick" -> volumes = Volumes.QUICK;
                case "--db" -> {
                    String value = value(option, rest);
                    databases = value.equals("both") ? EnumSet.allOf(DatabaseKind.class)
                            : EnumSet.of(DatabaseKind.fromOption(value));
                }
                case "--out" -> out = Path.of(value(option, rest)).toAbsolutePath();
                case "--pg-url" -> pgUrl = value(option, rest);
                case "--pg-user" -> pgUser = value(option, rest);
                case "--help", "-h" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new BenchOptions(volumes, databases, out, home, pgUrl, pgUser, List.of(args));
    }

    boolean quick() {
        return volumes.quick();
    }

    /** In the order they run: the embedded database first. */
    List<DatabaseKind> databasesInOrder() {
        return EnumSet.copyOf(databases).stream().toList();
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return rest.remove(0);
    }
}
