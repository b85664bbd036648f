package dev.handoff.domain.service;

import dev.handoff.domain.model.ChainDepth;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.IdempotencyKeyReused;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.in.CreateHandoff;
import dev.handoff.domain.port.in.CreateHandoffCommand;
import dev.handoff.domain.port.out.IdempotencyKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Creates a handoff, its process, its event and (optionally) its conversation's state, all at once. */
final class CreateHandoffService implements CreateHandoff {

    /** How long an idempotency key keeps pointing at what it created. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final Ports ports;
    private final HandoffSettings settings;

    CreateHandoffService(Ports ports, HandoffSettings settings) {
        this.ports = ports;
        this.settings = settings;
    }

    @Override
    public Created create(CreateHandoffCommand command) {
        return ports.transactions().inTransaction(() -> {
            Instant now = ports.clock().instant();
            Optional<Created> replay = command.idempotency().flatMap(key -> replay(command, key, now));
            if (replay.isPresent()) {
                return replay.get();
            }
            Instant expiresAt = command.requestedExpiry().orElse(now.plus(settings.defaultExpiry()));
            if (!expiresAt.isAfter(now)) {
                throw InvalidInput.of("expiresAt", "must lie in the future");
            }
            HandoffId id = ports.ids().next();
            Transition created = Handoff.create(id, command.tenant(), command.draft(), chainDepth(command), now,
                    expiresAt);
            Handoff handoff = created.handoff();
            ports.handoffs().add(handoff);
            if (command.conversationId() != null) {
                ports.handoffStates().put(new HandoffState(command.tenant(), command.conversationId(),
                        Optional.ofNullable(command.sharedId()), new JsonText(command.data()), now));
            }
            command.idempotency().ifPresent(key -> ports.idempotencyKeys().put(
                    new IdempotencyKeys.Entry(command.tenant(), key, command.fingerprint(), id, now)));
            ports.process().start(handoff);
            ports.bus().publish(created.event());
            return new Created(handoff, false);
        });
    }

    private Optional<Created> replay(CreateHandoffCommand command, String key, Instant now) {
        return ports.idempotencyKeys().find(command.tenant(), key)
                .filter(entry -> entry.createdAt().plus(IDEMPOTENCY_WINDOW).isAfter(now))
                .map(entry -> {
                    if (!entry.fingerprint().equals(command.fingerprint())) {
                        throw new IdempotencyKeyReused(key);
                    }
                    Handoff first = ports.handoffs().find(command.tenant(), entry.handoffId())
                            .orElseThrow(() -> NotFound.handoff(entry.handoffId()));
                    return new Created(first, true);
                });
    }

    private ChainDepth chainDepth(CreateHandoffCommand command) {
        Optional<HandoffId> parentId = command.parentId();
        if (parentId.isEmpty()) {
            return ChainDepth.ROOT;
        }
        Handoff parent = ports.handoffs().find(command.tenant(), parentId.get())
                .orElseThrow(() -> InvalidInput.of("parentMessageId", "names no handoff: " + parentId.get()));
        ChainDepth depth = parent.chainDepth().next();
        if (depth.exceeds(settings.maxChainDepth())) {
            throw InvalidInput.of("parentMessageId", "would make the chain " + depth.value()
                    + " deep, over the maximum depth of " + settings.maxChainDepth());
        }
        return depth;
    }
}
