package dev.handoff.persistence;

import dev.handoff.domain.model.ChainDepth;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.Priority;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.service.UuidV7Ids;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/** Handoffs and tenants for the tests; each test gets a tenant of its own, so tests never see each other's rows. */
final class Fixtures {

    static final Instant NOON = Instant.parse("2026-04-03T12:00:00.000Z");

    private static final UuidV7Ids IDS = new UuidV7Ids(InstantSource.system());

    private Fixtures() {
    }

    static Tenant aTenant() {
        return new Tenant("account-" + UUID.randomUUID(), "project-1");
    }

    static HandoffId anId() {
        return IDS.next();
    }

    /** A pending handoff with only what is required: every optional field empty. */
    static Handoff aPendingHandoff(Tenant tenant, Instant createdAt) {
        return created(tenant, createdAt, new Handoff.Draft("sales-agent", "support-agent", Optional.empty(),
                "Customer asks for a refund", "Order 1234 arrived broken.", Optional.empty(), Priority.DEFAULT,
                false, Optional.empty())).handoff();
    }

    static Handoff aPendingHandoff(Tenant tenant) {
        return aPendingHandoff(tenant, NOON);
    }

    /** A handoff that needs an approver, addressed to {@code recipient}. */
    static Handoff aGatedHandoff(Tenant tenant, String recipient, Instant createdAt) {
        return aGatedCreation(tenant, recipient, createdAt).handoff();
    }

    /** The creation of {@link #aGatedHandoff}, with its event. */
    static Transition aGatedCreation(Tenant tenant, String recipient, Instant createdAt) {
        return created(tenant, createdAt, new Handoff.Draft("sales-agent", recipient, Optional.empty(),
                "Approve a discount", "20% for a loyal customer.", Optional.empty(), Priority.DEFAULT, true,
                Optional.empty()));
    }

    /**
     * A handoff with every optional field filled, moved on to in_progress: text outside ASCII, a
     * body at its size limit, JSON attachments, a parent, a response time.
     */
    static Handoff aHandoffWithEverything(Tenant tenant) {
        Handoff.Draft draft = new Handoff.Draft("agent/ventes-é", "agent/support-日本", Optional.of("task-41"),
                "Rückruf \"dringend\" — 回电", "x".repeat(100_000),
                Optional.of(new JsonText("[{\"name\":\"invoice.pdf\",\"url\":\"https://files.example/1\"}]")),
                new Priority(0), false, Optional.of(anId()));
        Handoff pending = Handoff.create(anId(), tenant, draft, new ChainDepth(3), NOON,
                NOON.plus(Duration.ofHours(2))).handoff();
        return pending.start(Optional.of("task-42"), NOON.plusMillis(1_234)).handoff();
    }

    private static Transition created(Tenant tenant, Instant createdAt, Handoff.Draft draft) {
        return Handoff.create(anId(), tenant, draft, ChainDepth.ROOT, createdAt, createdAt.plus(Duration.ofDays(1)));
    }
}
