/**
 * Driven ports: what the use cases need from the outside — repositories, the workflow process, the
 * handoff bus, transactions and id generation. Adapters implement them; the clock is
 * {@link java.time.InstantSource}.
 */
package dev.handoff.domain.port.out;
