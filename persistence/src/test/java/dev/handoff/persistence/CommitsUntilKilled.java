package dev.handoff.persistence;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Transition;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedDurabilityTest}: commits handoffs with their created event,
 * one unit of work each, and reports each commit on stdout once it has returned, until it is killed.
 */
public final class CommitsUntilKilled {

    static final String COMMITTED = "committed ";
    static final Tenant TENANT = new Tenant("crash", "test");

    private CommitsUntilKilled() {
    }

    public static void main(String[] args) {
        HandoffPersistence persistence = HandoffPersistence.open(PersistenceSettings.embedded(Path.of(args[0])));
        while (true) {
            Transition creation = Fixtures.aGatedCreation(TENANT, "support-agent", Fixtures.NOON);
            persistence.transactions().inTransaction(() -> {
                persistence.handoffs().add(creation.handoff());
                persistence.bus().publish(creation.event());
                return null;
            });
            Handoff committed = creation.handoff();
            System.out.println(COMMITTED + committed.id());
            System.out.flush();
        }
    }
}
