package dev.handoff.server;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.Scope;

import java.util.List;

/** An API key as the key commands show it; {@code token} only right after it was issued. */
record KeyView(String id, String account, String project, String region, List<String> scopes, String createdAt,
               String revokedAt, String token) {

    static KeyView of(ApiKey key, String token) {
        return new KeyView(key.id().value(), key.tenant().accountId(), key.tenant().projectId(), key.region(),
                key.scopes().stream().sorted().map(Scope::wireName).toList(), key.createdAt().toString(),
                key.revokedAt().map(Object::toString).orElse(null), token);
    }
}
