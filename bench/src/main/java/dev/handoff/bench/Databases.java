package dev.handoff.bench;

/** Provides each system a database of its own, of the kind being measured; all removed at the end. */
final class Databases {

    private final RunDirectory run;
    private final PostgresServer postgres;
    private final String stamp;
    private final Cleanup cleanup;

    /** {@code stamp} makes this run's PostgreSQL database names unique: lowercase letters, digits, underscores. */
    Databases(RunDirectory run, PostgresServer postgres, String stamp, Cleanup cleanup) {
        this.run = run;
        this.postgres = postgres;
        this.stamp = stamp;
        this.cleanup = cleanup;
    }

    Database create(DatabaseKind kind, String purpose) {
        cleanup.ensureRunning();
        return switch (kind) {
            case HSQLDB -> new Database.Embedded(run.dataDirectory(kind.option() + "-" + purpose));
            case POSTGRES -> {
                String name = PostgresServer.PREFIX + stamp + "_" + purpose;
                cleanup.add("drop the database " + name, () -> postgres.drop(name));
                yield postgres.create(name);
            }
        };
    }
}
