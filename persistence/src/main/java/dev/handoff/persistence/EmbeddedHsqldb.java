package dev.handoff.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The embedded HSQLDB file database: the settings it runs with and its clean shutdown.
 *
 * <p>Shared with the Camunda engine (design.md): PostgreSQL syntax and MVCC, or the engine hangs.
 * Durable: each commit is synced to the log before it returns (write delay off), so a crash loses
 * nothing committed. Small heap: CACHED tables keep rows on disk behind a fixed-size row cache, and
 * large intermediate results spill to disk, so the heap does not grow with the data.
 */
final class EmbeddedHsqldb {

    static final String URL_PREFIX = "jdbc:hsqldb:file:";

    /** The log is checkpointed into the data file when it reaches this size; bounds recovery after a crash. */
    static final int LOG_SIZE_MB = 64;
    /** The row cache: at most this many KB of rows and this many rows stay in the heap. */
    static final int CACHE_SIZE_KB = 16 * 1024;
    static final int CACHE_ROWS = 25_000;
    /** Result sets (sorts, large reads) beyond this many rows are kept on disk. */
    static final int RESULT_MEMORY_ROWS = 10_000;
    /**
     * The data file is read through a memory mapping up to this size (MB), with plain file reads
     * beyond it. HSQLDB's default, 256 MB, is passed at about 500,000 handoffs; from there on every
     * row that misses the row cache cost a file read made under the cache's lock, which all
     * readers wait for. Measured at 1,000,000 handoffs (480 MB), a list page that misses the cache
     * took 0.63 ms of CPU read from the file and 0.26 ms mapped, and four callers listed 2.2 times
     * as many pages a second. The mapping is off the heap: the heap stays as small as before; the
     * pages read count as the process's resident (file-backed, reclaimable) memory.
     */
    static final int NIO_MAX_SIZE_MB = 4096;

    /** URL properties; HSQLDB applies them only when it creates the database. */
    static final String URL_PROPERTIES = ";sql.syntax_pgs=true;hsqldb.tx=mvcc;hsqldb.write_delay=false"
            + ";hsqldb.default_table_type=cached;hsqldb.log_size=" + LOG_SIZE_MB
            + ";hsqldb.cache_size=" + CACHE_SIZE_KB + ";hsqldb.cache_rows=" + CACHE_ROWS
            + ";hsqldb.result_max_memory_rows=" + RESULT_MEMORY_ROWS + ";hsqldb.nio_max_size=" + NIO_MAX_SIZE_MB;

    /**
     * The same settings as statements, applied at every open so that an existing database gets them
     * too. The file settings (cache, NIO size) are stored at once but take effect from the next open.
     */
    private static final List<String> SETTINGS = List.of(
            "SET DATABASE SQL SYNTAX PGS TRUE",
            "SET DATABASE TRANSACTION CONTROL MVCC",
            "SET FILES WRITE DELAY FALSE",
            "SET DATABASE DEFAULT TABLE TYPE CACHED",
            "SET FILES LOG SIZE " + LOG_SIZE_MB,
            "SET FILES CACHE SIZE " + CACHE_SIZE_KB,
            "SET FILES CACHE ROWS " + CACHE_ROWS,
            "SET DATABASE DEFAULT RESULT MEMORY ROWS " + RESULT_MEMORY_ROWS,
            "SET FILES NIO SIZE " + NIO_MAX_SIZE_MB);

    private EmbeddedHsqldb() {
    }

    static boolean isEmbedded(String jdbcUrl) {
        return jdbcUrl.startsWith(URL_PREFIX);
    }

    /** Opens (or creates) the database and makes sure it runs with the settings above. */
    static void configure(PersistenceSettings settings) {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            for (String setting : SETTINGS) {
                statement.execute(setting);
            }
        } catch (SQLException failure) {
            throw new DatabaseFailure("cannot open the embedded database " + settings.jdbcUrl(), failure);
        }
    }

    /** A checkpoint and a clean close: the next open needs no recovery from the log. */
    static void shutdown(PersistenceSettings settings) {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException alreadyDown) {
            // nothing left to shut down
        }
    }

    private static Connection connect(PersistenceSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
