package dev.handoff.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The API's one timestamp format: ISO-8601 in UTC with milliseconds, e.g. {@code 2026-04-03T10:45:00.000Z}. */
final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String TEMPLATE = "0000-00-00T00:00:00.000Z";
    private static final int LAST_FOUR_DIGIT_YEAR = 9999;

    private Timestamps() {
    }

    /**
     * Written digit by digit for the years 0000–9999: a page of the list holds two hundred
     * timestamps or more, and the formatter takes about five times as long for each. Other years
     * (which the formatter writes with a sign) go through the formatter.
     */
    static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > LAST_FOUR_DIGIT_YEAR) {
            return FORMAT.format(instant);
        }
        char[] text = TEMPLATE.toCharArray();
        digits(text, 0, 4, utc.getYear());
        digits(text, 5, 2, utc.getMonthValue());
        digits(text, 8, 2, utc.getDayOfMonth());
        digits(text, 11, 2, utc.getHour());
        digits(text, 14, 2, utc.getMinute());
        digits(text, 17, 2, utc.getSecond());
        digits(text, 20, 3, utc.getNano() / 1_000_000);
        return new String(text);
    }

    /** {@code value} in the {@code width} characters from {@code from}, padded with zeros. */
    private static void digits(char[] text, int from, int width, int value) {
        int rest = value;
        for (int at = from + width - 1; at >= from; at--) {
            text[at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
