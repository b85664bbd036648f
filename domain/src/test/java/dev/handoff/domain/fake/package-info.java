/**
 * In-memory fakes of every driven port, with rollback, and {@code InMemoryHandoffWorld}, which runs the
 * real use cases on them. Published in the domain's test-jar for the adapters' tests.
 */
package dev.handoff.domain.fake;
