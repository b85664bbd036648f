package dev.handoff.domain.port.in;

import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A new key for one tenant in one region; all scopes unless fewer are asked for. */
public record IssueApiKeyCommand(Tenant tenant, String region, Set<Scope> scopes) {

    public IssueApiKeyCommand {
        Objects.requireNonNull(tenant, "tenant");
        if (region == null || !region.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw InvalidInput.of("region", "must be 1 to 32 lowercase letters, digits or dashes, like us-1");
        }
        scopes = scopes == null || scopes.isEmpty() ? EnumSet.allOf(Scope.class) : Set.copyOf(scopes);
    }
}
