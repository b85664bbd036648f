package dev.handoff.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/** How numbers read in the results. */
final class Figures {

    static final String NONE = "—";

    private Figures() {
    }

    /** Throughput: whole numbers from 100 up, one decimal below. */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            return NONE;
        }
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** Milliseconds: two decimals below 10, one below 100, none above. */
    static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return NONE;
        }
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f", millis);
        }
        return millis < 100 ? String.format(Locale.ROOT, "%.1f", millis)
                : String.format(Locale.ROOT, "%,.0f", millis);
    }

    static String seconds(double seconds) {
        return Double.isNaN(seconds) ? NONE : String.format(Locale.ROOT, "%.2f", seconds);
    }

    static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? ratio(ratio.getAsDouble()) : NONE;
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? NONE : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? NONE : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String megabytes(double megabytes) {
        return String.format(Locale.ROOT, "%,.0f", megabytes);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
