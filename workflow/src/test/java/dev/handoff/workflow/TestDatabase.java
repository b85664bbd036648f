package dev.handoff.workflow;

import dev.handoff.persistence.PersistenceSettings;
import dev.handoff.testing.PostgresDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The database a test runs the engine on, chosen by the system property {@code handoff.test.database}
 * (the build runs the suite once with {@code hsqldb}, once with {@code postgres}): a fresh HSQLDB
 * file database in a temporary directory, or a fresh PostgreSQL database (skipped loudly when
 * PostgreSQL does not answer, unless CI=true). Removed on close.
 */
final class TestDatabase implements AutoCloseable {

    private final PersistenceSettings settings;
    private final Path hsqldbDirectory;
    private final PostgresDatabase postgres;

    private TestDatabase(PersistenceSettings settings, Path hsqldbDirectory, PostgresDatabase postgres) {
        this.settings = settings;
        this.hsqldbDirectory = hsqldbDirectory;
        this.postgres = postgres;
    }

    static boolean runsOnHsqldb() {
        return !"postgres".equals(System.getProperty("handoff.test.database", "hsqldb"));
    }

    static TestDatabase fresh() {
        if (runsOnHsqldb()) {
            return freshHsqldb();
        }
        PostgresDatabase postgres = PostgresDatabase.create();
        return new TestDatabase(PersistenceSettings.postgres(postgres.url(), postgres.user(), ""), null, postgres);
    }

    static TestDatabase freshHsqldb() {
        try {
            Path directory = Files.createTempDirectory("handoff-workflow-");
            return new TestDatabase(PersistenceSettings.embedded(directory), directory, null);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    PersistenceSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (postgres != null) {
            postgres.close();
            return;
        }
        try (Stream<Path> files = Files.walk(hsqldbDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
