package dev.handoff.persistence;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.sql.Connection;

/**
 * The Hibernate side of a unit of work: one {@link Session} per unit, opened on the unit's own
 * connection the first time a repository needs it, flushed before the unit commits.
 */
final class Sessions {

    private final SessionFactory factory;
    private final ThreadBoundTransactions transactions;

    Sessions(SessionFactory factory, ThreadBoundTransactions transactions) {
        this.factory = factory;
        this.transactions = transactions;
    }

    /** The calling thread's session; IllegalStateException outside a unit of work. */
    Session current() {
        UnitOfWork unit = transactions.required();
        return unit.participant(Sessions.class, () -> Participant.open(factory, unit.connection())).session;
    }

    /**
     * The calling thread's connection, for reads in plain SQL: whatever this unit's session holds
     * is flushed to it first, so that such a read sees the unit's own writes as a Hibernate query
     * would. A unit that has no session yet gets none.
     */
    Connection flushedConnection() {
        UnitOfWork unit = transactions.required();
        unit.existingParticipant(Sessions.class).ifPresent(UnitOfWork.Participant::flush);
        return unit.connection();
    }

    private static final class Participant implements UnitOfWork.Participant {

        private final Session session;

        private Participant(Session session) {
            this.session = session;
        }

        static Participant open(SessionFactory factory, Connection connection) {
            Session session = factory.withOptions().connection(connection).openSession();
            // Hibernate only flushes before queries inside a transaction it knows of; on a connection
            // that is already in a transaction this just marks it as begun.
            session.beginTransaction();
            return new Participant(session);
        }

        @Override
        public void flush() {
            session.flush();
        }

        /**
         * The unit has committed or rolled back the connection already; ending Hibernate's
         * transaction with a rollback finds nothing left to undo, and releases the session.
         */
        @Override
        public void close() {
            try {
                if (session.getTransaction().isActive()) {
                    session.getTransaction().rollback();
                }
            } catch (RuntimeException brokenConnection) {
                // the unit closes the connection next; the pool evicts it if it is broken
            } finally {
                session.close();
            }
        }
    }
}
