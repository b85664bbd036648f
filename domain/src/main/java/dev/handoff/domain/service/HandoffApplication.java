package dev.handoff.domain.service;

import dev.handoff.domain.port.in.AuthenticateApiKey;
import dev.handoff.domain.port.in.CreateHandoff;
import dev.handoff.domain.port.in.ExpireHandoff;
import dev.handoff.domain.port.in.FindHandoffs;
import dev.handoff.domain.port.in.ForgetIdempotencyKeys;
import dev.handoff.domain.port.in.ManageApiKeys;
import dev.handoff.domain.port.in.MoveHandoff;
import dev.handoff.domain.port.in.ReadHandoffState;
import dev.handoff.domain.port.in.RecordHandoffState;

/** The use cases, assembled from the ports; what driving adapters are given. */
public final class HandoffApplication {

    private final CreateHandoffService create;
    private final FindHandoffsService find;
    private final MoveHandoffService move;
    private final ExpireHandoffService expire;
    private final HandoffStateService states;
    private final ApiKeyService keys;
    private final ForgetIdempotencyKeysService idempotencyRetention;

    public HandoffApplication(Ports ports, HandoffSettings settings) {
        this.create = new CreateHandoffService(ports, settings);
        this.find = new FindHandoffsService(ports);
        this.move = new MoveHandoffService(ports);
        this.expire = new ExpireHandoffService(ports);
        this.states = new HandoffStateService(ports);
        this.keys = new ApiKeyService(ports);
        this.idempotencyRetention = new ForgetIdempotencyKeysService(ports);
    }

    public CreateHandoff createHandoff() {
        return create;
    }

    public FindHandoffs findHandoffs() {
        return find;
    }

    public MoveHandoff moveHandoff() {
        return move;
    }

    public ExpireHandoff expireHandoff() {
        return expire;
    }

    public RecordHandoffState recordHandoffState() {
        return states;
    }

    public ReadHandoffState readHandoffState() {
        return states;
    }

    public ManageApiKeys manageApiKeys() {
        return keys;
    }

    public AuthenticateApiKey authenticateApiKey() {
        return keys;
    }

    public ForgetIdempotencyKeys forgetIdempotencyKeys() {
        return idempotencyRetention;
    }
}
