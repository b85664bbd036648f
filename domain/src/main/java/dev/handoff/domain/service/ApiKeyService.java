package dev.handoff.domain.service;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.port.in.AuthenticateApiKey;
import dev.handoff.domain.port.in.IssueApiKeyCommand;
import dev.handoff.domain.port.in.ManageApiKeys;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Issues keys of the form {@code hk_<16 hex id>_<43 base64url secret>}: the id finds the stored
 * hash, the 256-bit secret proves possession.
 */
final class ApiKeyService implements ManageApiKeys, AuthenticateApiKey {

    private static final String PREFIX = "hk_";
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;

    private final Ports ports;
    private final RecentlyAuthenticatedKeys recent;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(Ports ports) {
        this.ports = ports;
        this.recent = new RecentlyAuthenticatedKeys(ports.clock());
    }

    @Override
    public IssuedApiKey issue(IssueApiKeyCommand command) {
        ApiKeyId id = new ApiKeyId(HexFormat.of().formatHex(randomBytes(ID_BYTES)));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(SECRET_BYTES));
        ApiKey key = new ApiKey(id, command.tenant(), command.region(), command.scopes(), ApiKey.hash(secret),
                ports.clock().instant(), Optional.empty());
        ports.transactions().inTransaction(() -> {
            ports.apiKeys().save(key);
            return key;
        });
        return new IssuedApiKey(key, PREFIX + id + "_" + secret);
    }

    @Override
    public List<ApiKey> list() {
        return ports.transactions().inTransaction(() -> ports.apiKeys().all());
    }

    @Override
    public ApiKey revoke(ApiKeyId id) {
        ApiKey revoked = ports.transactions().inTransaction(() -> {
            ApiKey key = ports.apiKeys().find(id)
                    .orElseThrow(() -> new NotFound("no API key " + id))
                    .revoke(ports.clock().instant());
            ports.apiKeys().save(key);
            return key;
        });
        recent.forget(id);
        return revoked;
    }

    @Override
    public Optional<ApiKey> authenticate(String token) {
        int idEnd = PREFIX.length() + 2 * ID_BYTES;
        if (token == null || !token.startsWith(PREFIX) || token.length() <= idEnd + 1 || token.charAt(idEnd) != '_'
                || !token.substring(PREFIX.length(), idEnd).matches("[0-9a-f]+")) {
            return Optional.empty();
        }
        ApiKeyId id = new ApiKeyId(token.substring(PREFIX.length(), idEnd));
        String secret = token.substring(idEnd + 1);
        return recent.activeKey(id, () -> ports.transactions().inTransaction(() -> ports.apiKeys().find(id)))
                .filter(key -> key.matches(secret));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
