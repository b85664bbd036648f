package dev.handoff.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust authentication), dropped on close,
 * for every module's database tests (the JDBC driver comes from the module that uses it). When nothing answers there, the
 * tests that need it are skipped with a loud message, unless CI=true, where that is a failure.
 */
public final class PostgresDatabase implements AutoCloseable {

    /** The server, without a database name; another one may be named with -Dhandoff.test.postgres=... */
    private static final String SERVER =
            System.getProperty("handoff.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String OPTIONS = "?connectTimeout=5";
    private static final String USER = "postgres";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create() {
        String name = "handoff_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + OPTIONS, USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return new PostgresDatabase(name);
        } catch (SQLException failure) {
            if (!isUnreachable(failure)) {
                throw new IllegalStateException("cannot create the test database " + name, failure);
            }
            String message = "PostgreSQL does not answer at " + SERVER + " (" + failure.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true requires it", failure);
            }
            String banner = "!".repeat(100);
            System.err.printf("%n%s%n%s: the PostgreSQL tests are SKIPPED. Start it, or set CI=true to fail.%n%s%n%n",
                    banner, message, banner);
            Assumptions.abort(message + ": PostgreSQL tests skipped");
            throw new AssertionError("unreachable");
        }
    }

    /** The JDBC URL of this database. */
    public String url() {
        return SERVER + name;
    }

    public String user() {
        return USER;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + OPTIONS, USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot drop the test database " + name, failure);
        }
    }

    /** Connection failures (SQLState class 08): nobody listens, as opposed to a refusal by a live server. */
    private static boolean isUnreachable(SQLException failure) {
        return failure.getSQLState() != null && failure.getSQLState().startsWith("08");
    }
}
