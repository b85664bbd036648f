package dev.handoff.domain.port.in;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;

import java.util.List;

/** Operators issue, list and revoke API keys. */
public interface ManageApiKeys {

    /** The secret in the result is shown once and never stored. */
    IssuedApiKey issue(IssueApiKeyCommand command);

    List<ApiKey> list();

    /** @throws dev.handoff.domain.model.NotFound when no key has this id */
    ApiKey revoke(ApiKeyId id);

    /** {@code token} is what clients send in {@code x-api-key}. */
    record IssuedApiKey(ApiKey key, String token) {
    }
}
