package dev.handoff.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One database transaction: one JDBC connection (autocommit off) that every writer on this thread
 * shares — our repositories through their participant (the Hibernate session), the Camunda engine
 * through {@link BoundDataSource}. It commits or rolls back once, for all of them.
 */
final class UnitOfWork {

    /** Something that writes through the unit's connection and must flush before it commits. */
    interface Participant {
        void flush();

        void close();
    }

    private final Connection connection;
    private final Map<Object, Participant> participants = new LinkedHashMap<>();

    UnitOfWork(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    Connection connection() {
        return connection;
    }

    /** The participant registered under {@code key}, if one was created. */
    Optional<Participant> existingParticipant(Object key) {
        return Optional.ofNullable(participants.get(key));
    }

    /** The participant registered under {@code key}, created on first use. */
    @SuppressWarnings("unchecked")
    <P extends Participant> P participant(Object key, Supplier<P> create) {
        return (P) participants.computeIfAbsent(key, ignored -> create.get());
    }

    void commit() throws SQLException {
        participants.values().forEach(Participant::flush);
        connection.commit();
    }

    void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; a broken one is evicted by the pool
        }
    }

    void close() {
        participants.values().forEach(Participant::close);
        participants.clear();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection is evicted by the pool
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
