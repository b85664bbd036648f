package dev.handoff.domain.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The domain's configurable rules.
 *
 * @param defaultExpiry how long a handoff waits for a response when the sender names no expiry
 * @param maxChainDepth deepest chain allowed (root = 0); stops runaway delegation loops
 */
public record HandoffSettings(Duration defaultExpiry, int maxChainDepth) {

    public static final HandoffSettings DEFAULTS = new HandoffSettings(Duration.ofHours(24), 10);

    public HandoffSettings {
        Objects.requireNonNull(defaultExpiry, "defaultExpiry");
        if (defaultExpiry.isNegative() || defaultExpiry.isZero()) {
            throw new IllegalArgumentException("default expiry must be positive: " + defaultExpiry);
        }
        if (maxChainDepth < 0) {
            throw new IllegalArgumentException("max chain depth cannot be negative: " + maxChainDepth);
        }
    }
}
