/**
 * The handoff aggregate and its state machine, the value types that carry rules (ids, priority,
 * chain depth, JSON text, tenants, API keys), the domain events and the refusals. Plain Java only:
 * nothing here knows about HTTP, SQL or the workflow engine.
 */
package dev.handoff.domain.model;
