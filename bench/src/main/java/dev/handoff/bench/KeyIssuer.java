package dev.handoff.bench;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.in.IssueApiKeyCommand;
import dev.handoff.domain.port.out.HandoffProcess;
import dev.handoff.domain.service.HandoffApplication;
import dev.handoff.domain.service.HandoffSettings;
import dev.handoff.domain.service.Ports;
import dev.handoff.domain.service.UuidV7Ids;
import dev.handoff.persistence.HandoffPersistence;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Issues API keys straight into a database no server holds, with the domain's own use case, as
 * {@code bin/handoff keys create} does then; saves a JVM start per key.
 */
final class KeyIssuer {

    /** {@code bin/handoff serve}'s default region. */
    static final String REGION = "local";

    private final HandoffApplication application;

    KeyIssuer(HandoffPersistence persistence) {
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        this.application = new HandoffApplication(new Ports(persistence.handoffs(), persistence.handoffStates(),
                persistence.apiKeys(), persistence.idempotencyKeys(), new NoProcess(), persistence.bus(),
                persistence.transactions(), new UuidV7Ids(clock), clock), HandoffSettings.DEFAULTS);
    }

    /** The token clients send in {@code x-api-key}; all scopes. */
    String issue(Tenant tenant) {
        return application.manageApiKeys().issue(new IssueApiKeyCommand(tenant, REGION, Set.of())).token();
    }

    /** Keys never touch a handoff's process. */
    private static final class NoProcess implements HandoffProcess {
        @Override
        public void start(Handoff handoff) {
            throw new IllegalStateException("issuing keys runs no process");
        }

        @Override
        public void signal(Transition transition) {
            throw new IllegalStateException("issuing keys runs no process");
        }
    }
}
