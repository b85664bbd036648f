package dev.handoff.domain.service;

import dev.handoff.domain.fake.MutableClock;
import dev.handoff.domain.model.HandoffId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidV7IdsTest {

    @Test
    void ids_are_version_7_and_sort_in_the_order_they_were_made_even_within_one_millisecond() {
        // given
        MutableClock clock = new MutableClock(Instant.parse("2026-04-03T10:45:00Z"));
        UuidV7Ids ids = new UuidV7Ids(clock);
        List<HandoffId> made = new ArrayList<>();

        // when
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
            if (i % 1000 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }

        // then
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> {
            assertThat(id.value().version()).isEqualTo(7);
            assertThat(id.value().variant()).isEqualTo(2);
        });
        UUID first = made.get(0).value();
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(clock.instant().minusMillis(10).toEpochMilli());
    }
}
