package dev.handoff.domain.service;

import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.port.in.IssueApiKeyCommand;
import dev.handoff.domain.port.in.ManageApiKeys.IssuedApiKey;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.handoff.domain.fake.CreateCommandBuilder.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private final InMemoryHandoffWorld world = new InMemoryHandoffWorld();

    private IssuedApiKey issue(Set<Scope> scopes) {
        return world.application.manageApiKeys().issue(new IssueApiKeyCommand(TENANT, "us-1", scopes));
    }

    @Test
    void an_issued_key_authenticates_and_only_its_hash_is_stored() {
        // given
        IssuedApiKey issued = issue(Set.of());

        // when
        ApiKey authenticated = world.application.authenticateApiKey().authenticate(issued.token()).orElseThrow();

        // then
        assertThat(authenticated.tenant()).isEqualTo(TENANT);
        assertThat(authenticated.region()).isEqualTo("us-1");
        assertThat(authenticated.scopes()).isEqualTo(EnumSet.allOf(Scope.class));
        String secret = issued.token().substring(issued.token().lastIndexOf('_') + 1);
        assertThat(world.apiKeys.all()).singleElement().satisfies(stored -> {
            assertThat(stored.secretHash()).doesNotContain(secret).hasSize(64);
            assertThat(stored.toString()).doesNotContain(secret);
        });
    }

    @Test
    void a_key_carries_only_the_scopes_it_was_issued_with() {
        // when
        ApiKey key = issue(Set.of(Scope.STATE_READ)).key();

        // then
        assertThat(key.allows(Scope.STATE_READ)).isTrue();
        assertThat(key.allows(Scope.HANDOFFS_WRITE)).isFalse();
    }

    @Test
    void wrong_malformed_and_revoked_keys_do_not_authenticate() {
        // given
        IssuedApiKey issued = issue(Set.of());
        String token = issued.token();
        String wrongSecret = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        // when
        world.application.manageApiKeys().revoke(issued.key().id());

        // then
        for (String presented : new String[] {token, wrongSecret, "", "hk_", "hk_zzzz_secret", "YOUR_API_KEY", null}) {
            assertThat(world.application.authenticateApiKey().authenticate(presented)).as(presented).isEmpty();
        }
        assertThat(world.application.manageApiKeys().list()).singleElement()
                .satisfies(key -> assertThat(key.isActive()).isFalse());
    }

    @Test
    void a_key_revoked_on_this_node_is_refused_at_once_even_right_after_it_was_used() {
        // given
        IssuedApiKey issued = issue(Set.of());
        assertThat(world.application.authenticateApiKey().authenticate(issued.token())).isPresent();

        // when
        world.application.manageApiKeys().revoke(issued.key().id());

        // then
        assertThat(world.application.authenticateApiKey().authenticate(issued.token())).isEmpty();
    }

    @Test
    void a_key_revoked_elsewhere_stops_working_here_within_five_seconds() {
        // given: the key was used on this node a moment ago
        IssuedApiKey issued = issue(Set.of());
        assertThat(world.application.authenticateApiKey().authenticate(issued.token())).isPresent();

        // when: another node revokes it in the shared store
        world.apiKeys.save(issued.key().revoke(world.clock.instant()));

        // then
        assertThat(world.application.authenticateApiKey().authenticate(issued.token())).as("still remembered").isPresent();
        world.clock.advance(RecentlyAuthenticatedKeys.REMEMBERED_FOR);
        assertThat(world.application.authenticateApiKey().authenticate(issued.token())).isEmpty();
    }

    @Test
    void a_remembered_key_still_needs_its_secret() {
        // given
        IssuedApiKey issued = issue(Set.of());
        world.application.authenticateApiKey().authenticate(issued.token());
        String token = issued.token();

        // when
        String wrongSecret = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        // then
        assertThat(world.application.authenticateApiKey().authenticate(wrongSecret)).isEmpty();
    }

    @Test
    void a_region_must_look_like_one() {
        assertThatThrownBy(() -> new IssueApiKeyCommand(TENANT, "US 1", Set.of()))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("region ");
    }
}
