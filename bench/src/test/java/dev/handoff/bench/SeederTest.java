package dev.handoff.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SeederTest {

    @ParameterizedTest
    @ValueSource(ints = {10_000, 1_000_000})
    void everyRecipientHasMoreThanAPageOfPendingHandoffsAndEveryStatusOccurs(int rows) {
        // given
        int recipients = Seeder.recipients(rows);
        Map<String, Integer> pendingByRecipient = new HashMap<>();
        Map<String, Integer> byStatus = new HashMap<>();

        // when
        for (int row = 0; row < rows; row++) {
            String status = Seeder.status(row, rows);
            byStatus.merge(status, 1, Integer::sum);
            if (status.equals("pending")) {
                pendingByRecipient.merge(Seeder.recipient(row % recipients), 1, Integer::sum);
            }
        }

        // then
        assertThat(pendingByRecipient).hasSize(recipients);
        assertThat(pendingByRecipient.values()).allMatch(pending -> pending > 100);
        assertThat(byStatus.keySet()).containsExactlyInAnyOrderElementsOf(Seeder.STATUSES);
    }

    @Test
    void aMillionRowsSpreadOverAThousandRecipients() {
        // then
        assertThat(Seeder.recipients(1_000_000)).isEqualTo(1_000);
        assertThat(Seeder.recipient(7)).isEqualTo("recipient-0007");
        assertThat(Seeder.recipients(10)).isEqualTo(1);
    }

    @Test
    void idsAreVersion7AndGrowWithTheirTime() {
        // given
        Random random = new Random(42);
        Instant earlier = Instant.parse("2026-01-01T00:00:00Z");

        // when
        UUID first = Seeder.timeOrderedId(earlier, random);
        UUID second = Seeder.timeOrderedId(earlier.plusMillis(1), random);

        // then
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(earlier.toEpochMilli());
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()))
                .isNegative();
    }
}
