/**
 * The persistence adapter: the domain's driven ports (handoffs, handoff state, API keys,
 * idempotency keys, the handoff bus as an outbox table) on Hibernate ORM, over the embedded HSQLDB
 * file database or PostgreSQL, with the schema owned by Flyway migrations
 * ({@code db/migration/handoff}). It also owns the transaction: a unit of work binds one pooled
 * connection to the calling thread, and the Hibernate session and the Camunda engine (through
 * {@link dev.handoff.persistence.HandoffPersistence#transactionBoundDataSource()}) both write
 * through it, so they commit or roll back together. Driver and ORM failures become the domain's
 * refusals in one place ({@code HandoffPersistence.refusal}): a database that cannot be reached
 * becomes {@code Unavailable}, a lost race {@code Conflict}.
 *
 * <p>{@link dev.handoff.persistence.HandoffPersistence} is the only entry point, configured by
 * {@link dev.handoff.persistence.PersistenceSettings}; entities, repositories and the
 * transaction machinery are package-private and stay here. Nothing in this package knows of
 * the other adapters.
 */
package dev.handoff.persistence;
