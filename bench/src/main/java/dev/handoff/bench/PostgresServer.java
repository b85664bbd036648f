package dev.handoff.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL server the run creates its {@code bench_*} databases on, and drops them from. */
final class PostgresServer {

    static final String PREFIX = "bench_";

    private final String serverUrl;
    private final String user;

    /** {@code serverUrl} ends with a slash, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}. */
    PostgresServer(String serverUrl, String user) {
        this.serverUrl = serverUrl;
        this.user = user;
    }

    /** A new empty database; its name must start with {@value #PREFIX} and be a plain identifier. */
    Database.Postgres create(String name) {
        execute("CREATE DATABASE " + identifier(name));
        return new Database.Postgres(serverUrl + name, user);
    }

    /** Closes every session on it first, so that a server which died holding connections cannot keep it. */
    void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
    }

    private void execute(String statement) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, "");
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException failure) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " refused '" + statement + "': "
                    + failure.getMessage(), failure);
        }
    }

    private static String identifier(String name) {
        if (!name.startsWith(PREFIX) || !name.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("not a bench database name: " + name);
        }
        return name;
    }
}
