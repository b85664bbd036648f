package dev.handoff.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep. The embedded default is an HSQLDB file
 * database that the Camunda engine can share; PostgreSQL is chosen by giving its JDBC URL.
 *
 * @param socketTimeout how long a statement waits for PostgreSQL to answer before its connection is
 *                      given up as broken (pgjdbc's {@code socketTimeout}; one in the URL wins). Without
 *                      it, a network that silently drops packets holds a request, and its pooled
 *                      connection, forever. Whole seconds; the embedded database has no socket
 */
public record PersistenceSettings(String jdbcUrl, String user, String password, int maxPoolSize,
                                  Duration connectionTimeout, Duration socketTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    /** How long a unit of work waits for a connection; past it the database counts as unavailable. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /** The shortest wait the pool accepts. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** Far above any statement Handoff or Camunda runs, far below TCP's own give-up of a quarter of an hour. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    public PersistenceSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("the connection timeout must be at least "
                    + MIN_CONNECTION_TIMEOUT.toMillis() + " ms: " + connectionTimeout);
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection: " + maxPoolSize);
        }
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        if (socketTimeout.toSeconds() < 1 || socketTimeout.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("the socket timeout must be whole seconds, at least one: "
                    + socketTimeout);
        }
    }

    /**
     * HSQLDB in file mode under {@code dataDir}, set up for the Camunda engine to share it:
     * PostgreSQL syntax and MVCC (design.md), each commit synced to disk (write delay off), and
     * CACHED tables so that the data lives on disk rather than in the heap.
     */
    public static PersistenceSettings embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("handoff").toString();
        return new PersistenceSettings(EmbeddedHsqldb.URL_PREFIX + file + EmbeddedHsqldb.URL_PROPERTIES, "SA", "",
                DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_SOCKET_TIMEOUT);
    }

    public static PersistenceSettings postgres(String jdbcUrl, String user, String password) {
        return new PersistenceSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT);
    }

    /** An HSQLDB file database in this process, which {@link HandoffPersistence} configures and shuts down. */
    public boolean isEmbedded() {
        return EmbeddedHsqldb.isEmbedded(jdbcUrl);
    }

    /** Never shows the password, so that settings can be logged. */
    @Override
    public String toString() {
        return "PersistenceSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty()
                ? "" : "****") + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout
                + ", socketTimeout=" + socketTimeout + "]";
    }

    public PersistenceSettings withPool(int maxPoolSize, Duration connectionTimeout) {
        return new PersistenceSettings(jdbcUrl, user, password, maxPoolSize, connectionTimeout, socketTimeout);
    }

    public PersistenceSettings withSocketTimeout(Duration socketTimeout) {
        return new PersistenceSettings(jdbcUrl, user, password, maxPoolSize, connectionTimeout, socketTimeout);
    }

    /** PostgreSQL, by its JDBC URL. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
