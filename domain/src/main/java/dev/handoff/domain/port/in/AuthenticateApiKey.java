package dev.handoff.domain.port.in;

import dev.handoff.domain.model.ApiKey;

import java.util.Optional;

/** Turns the {@code x-api-key} a client presented into the active key it names, if any. */
public interface AuthenticateApiKey {

    Optional<ApiKey> authenticate(String token);
}
