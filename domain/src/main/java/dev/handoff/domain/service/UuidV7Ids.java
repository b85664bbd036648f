package dev.handoff.domain.service;

import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.port.out.HandoffIds;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs: 48 bits of Unix milliseconds, a 12-bit counter, 62 random bits.
 * The counter keeps ids from one generator strictly increasing within a millisecond (and when
 * the clock steps back), so creation order and id order agree.
 */
public final class UuidV7Ids implements HandoffIds {

    private static final int COUNTER_LIMIT = 1 << 12;

    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int counter;

    public UuidV7Ids(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized HandoffId next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(COUNTER_LIMIT / 2); // room to count up within this millisecond
        } else if (++counter == COUNTER_LIMIT) {
            lastMillis++;
            counter = 0;
        }
        long mostSignificant = (lastMillis << 16) | 0x7000L | counter;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new HandoffId(new UUID(mostSignificant, leastSignificant));
    }
}
