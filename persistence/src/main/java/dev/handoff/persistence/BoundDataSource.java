package dev.handoff.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The data source the Camunda engine is given. Inside a unit of work it hands out that unit's
 * connection, so the engine's writes join our transaction; the unit alone commits, rolls back and
 * closes it. Outside a unit (engine bootstrap, schema work) it hands out an autocommit connection.
 */
final class BoundDataSource extends PoolWrapper {

    /** What the engine may not do to a connection it shares with the unit of work. */
    private static final Set<String> OWNED_BY_UNIT = Set.of("close", "commit", "rollback", "setAutoCommit");

    private final ThreadBoundTransactions transactions;

    BoundDataSource(DataSource pool, ThreadBoundTransactions transactions) {
        super(pool);
        this.transactions = transactions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        UnitOfWork unit = transactions.current().orElse(null);
        if (unit == null) {
            Connection connection = pool.getConnection();
            connection.setAutoCommit(true);
            return connection;
        }
        return shared(unit.connection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private static Connection shared(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (OWNED_BY_UNIT.contains(name) && (args == null || args.length <= 1)) {
                        return null;
                    }
                    if (name.equals("getAutoCommit")) {
                        return false;
                    }
                    if (name.equals("isClosed")) {
                        return connection.isClosed();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
