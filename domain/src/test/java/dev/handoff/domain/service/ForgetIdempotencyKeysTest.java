package dev.handoff.domain.service;

import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.CreateHandoff.Created;
import dev.handoff.domain.port.out.IdempotencyKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.handoff.domain.fake.CreateCommandBuilder.aCreateCommand;
import static org.assertj.core.api.Assertions.assertThat;

class ForgetIdempotencyKeysTest {

    private final InMemoryHandoffWorld world = new InMemoryHandoffWorld();

    @Test
    void keys_past_their_24_hours_are_forgotten_and_younger_ones_kept() {
        // given
        Created old = world.application.createHandoff().create(aCreateCommand().idempotencyKey("old").build());
        world.clock.advance(Duration.ofHours(23));
        Created young = world.application.createHandoff().create(aCreateCommand().idempotencyKey("young").build());
        world.clock.advance(Duration.ofHours(1).plusMillis(1));

        // when
        int forgotten = world.application.forgetIdempotencyKeys().forgetExpired();

        // then
        assertThat(forgotten).isEqualTo(1);
        assertThat(world.idempotencyKeys.find(old.handoff().tenant(), "old")).isEmpty();
        assertThat(world.idempotencyKeys.find(young.handoff().tenant(), "young")).isPresent();
        assertThat(world.handoffs.size()).as("the handoffs themselves stay").isEqualTo(2);
    }

    @Test
    void a_key_is_forgotten_once_it_is_more_than_24_hours_old() {
        // given
        world.application.createHandoff().create(aCreateCommand().idempotencyKey("edge").build());
        world.clock.advance(Duration.ofHours(24));

        // when / then
        assertThat(world.application.forgetIdempotencyKeys().forgetExpired()).isZero();
        world.clock.advance(Duration.ofMillis(1));
        assertThat(world.application.forgetIdempotencyKeys().forgetExpired()).isEqualTo(1);
    }

    @Test
    void a_backlog_larger_than_one_batch_is_forgotten_whole() {
        // given
        int backlog = 2 * ForgetIdempotencyKeysService.BATCH + 500;
        expiredKeys(backlog);

        // when
        int forgotten = world.application.forgetIdempotencyKeys().forgetExpired();

        // then
        assertThat(forgotten).isEqualTo(backlog);
        assertThat(world.idempotencyKeys.size()).isZero();
    }

    @Test
    void an_interrupted_sweep_stops_after_the_batch_under_way() {
        // given
        int backlog = 2 * ForgetIdempotencyKeysService.BATCH + 500;
        expiredKeys(backlog);

        // when the node is stopping
        Thread.currentThread().interrupt();
        int forgotten;
        try {
            forgotten = world.application.forgetIdempotencyKeys().forgetExpired();
        } finally {
            Thread.interrupted();
        }

        // then
        assertThat(forgotten).isEqualTo(ForgetIdempotencyKeysService.BATCH);
        assertThat(world.idempotencyKeys.size()).isEqualTo(backlog - ForgetIdempotencyKeysService.BATCH);
    }

    private void expiredKeys(int count) {
        Tenant tenant = new Tenant("account", "project");
        Instant twoDaysAgo = world.clock.instant().minus(Duration.ofDays(2));
        UuidV7Ids ids = new UuidV7Ids(world.clock);
        for (int i = 0; i < count; i++) {
            world.idempotencyKeys.put(new IdempotencyKeys.Entry(tenant, "key-" + i, "f".repeat(64),
                    ids.next(), twoDaysAgo.plusMillis(i)));
        }
    }
}
