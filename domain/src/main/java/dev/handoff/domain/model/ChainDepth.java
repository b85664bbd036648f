package dev.handoff.domain.model;

/** How many handoffs precede this one in its delegation chain; 0 for a root handoff. */
public record ChainDepth(int value) {

    public static final ChainDepth ROOT = new ChainDepth(0);

    public ChainDepth {
        if (value < 0) {
            throw new IllegalArgumentException("chain depth cannot be negative: " + value);
        }
    }

    public ChainDepth next() {
        return new ChainDepth(value + 1);
    }

    public boolean exceeds(int maximum) {
        return value > maximum;
    }
}
