package dev.handoff.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * The embedded database's pool, with every statement kept compiled on each connection that has
 * prepared it once.
 *
 * <p>HSQLDB compiles a statement per connection and drops the compiled form when the last
 * PreparedStatement open for it closes. Camunda and Hibernate close theirs after each use, so every
 * use parsed and planned its SQL again: 7 % of a create's CPU and 11 % of a lifecycle's. The first
 * time a connection prepares a statement, this prepares it once more on the same connection and
 * never closes that one, so the compiled form stays for the next use. PostgreSQL's driver keeps
 * its own cache of prepared statements and needs none of this.
 */
final class CompiledStatements extends PoolWrapper {

    /**
     * Statements kept per connection: in a run of every benchmark scenario no connection kept more than
     * 80; SQL built with a varying number of parameters is compiled as before once a connection holds
     * this many.
     */
    static final int PER_CONNECTION = 256;

    /** What each physical connection keeps compiled, forgotten with the connection. */
    private final Map<Connection, Set<Kept>> kept = Collections.synchronizedMap(new WeakHashMap<>());

    private CompiledStatements(DataSource pool) {
        super(pool);
    }

    static DataSource keptOn(DataSource pool) {
        return new CompiledStatements(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return keeping(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return keeping(pool.getConnection(username, password));
    }

    private Connection keeping(Connection pooled) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        keepCompiled(pooled, method, args);
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }

    /**
     * Prepares the statement once on the physical connection, past the pool, which would close it
     * when the connection is returned; the compiled form then lives as long as the connection.
     */
    private void keepCompiled(Connection pooled, Method prepare, Object[] args) throws Throwable {
        Connection physical = pooled.unwrap(Connection.class);
        Set<Kept> compiled = kept.computeIfAbsent(physical, connection -> new HashSet<>());
        Kept statement = new Kept((String) args[0], Arrays.deepToString(Arrays.copyOfRange(args, 1, args.length)));
        // one thread at a time holds a pooled connection
        if (compiled.size() >= PER_CONNECTION || !compiled.add(statement)) {
            return;
        }
        try {
            prepare.invoke(physical, args);
        } catch (InvocationTargetException refused) {
            compiled.remove(statement); // the caller's own prepare reports why
        }
    }

    /** A statement as HSQLDB tells them apart: its SQL and the options it was prepared with. */
    private record Kept(String sql, String options) {
    }
}
