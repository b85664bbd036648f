package dev.handoff.workflow;

import dev.handoff.persistence.PersistenceSettings;
import dev.handoff.testing.PostgresDatabase;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The database a test runs the engine on, chosen by the system property {@code handoff.test.database}
 * (the build runs the suite once with {@code hsqldb}, once with {@code postgres}): a fresh HSQLDB
 * file database in a temporary directory, or a fresh PostgreSQL database (skipped loudly when
 * PostgreSQL does not answer, unless CI=true). Removed on close.
 */
final class TestDatabase implements AutoCloseable {

    private static final String POSTGRES_SERVER =
            System.getProperty("handoff.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");

    private final PersistenceSettings settings;
    private final Path hsqldbDirectory;
    private final AutoCloseable postgres;

    private TestDatabase(PersistenceSettings settings, Path hsqldbDirectory, AutoCloseable postgres) {
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

    /**
     * Like {@link #fresh()}, with the PostgreSQL database named {@code prefix} + a random suffix, so
     * that a long measurement's database can be told apart from the suite's.
     */
    static TestDatabase fresh(String prefix) {
        if (runsOnHsqldb()) {
            return freshHsqldb();
        }
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            postgresAdmin("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL does not answer at " + POSTGRES_SERVER + ": " + unreachable.getMessage());
        }
        return new TestDatabase(PersistenceSettings.postgres(POSTGRES_SERVER + name, "postgres", ""), null,
                () -> postgresAdmin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void postgresAdmin(String statement) throws SQLException {
        try (Connection admin = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
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
            try {
                postgres.close();
            } catch (Exception failure) {
                throw new IllegalStateException("cannot drop the test database of " + settings.jdbcUrl(), failure);
            }
            return;
        }
        try (Stream<Path> files = Files.walk(hsqldbDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
