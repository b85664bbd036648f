package dev.handoff.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    private static final DateTimeFormatter API_PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-04-03T10:45:00Z,           2026-04-03T10:45:00.000Z",
            "2026-04-03T10:45:00.123456789Z, 2026-04-03T10:45:00.123Z",
            "2026-12-31T23:59:59.999999Z,    2026-12-31T23:59:59.999Z",
            "1970-01-01T00:00:00Z,           1970-01-01T00:00:00.000Z",
            "1969-12-31T23:59:59.001Z,       1969-12-31T23:59:59.001Z",
            "0000-01-01T00:00:00Z,           0000-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z,       9999-12-31T23:59:59.999Z",
            "+10000-01-01T00:00:00Z,         +10000-01-01T00:00:00.000Z",
            "-0001-01-01T00:00:00Z,          -0001-01-01T00:00:00.000Z"})
    void a_timestamp_is_written_in_utc_with_milliseconds(Instant instant, String expected) {
        // when
        String written = Timestamps.format(instant);

        // then
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void every_instant_of_a_long_stretch_is_written_as_the_api_pattern_writes_it() {
        // given: steps of a prime number of milliseconds across three centuries, leap days included
        Instant first = Instant.parse("1900-01-01T00:00:00Z");
        Duration step = Duration.ofMillis(86_400_000L * 11 + 3_607_123);

        for (Instant instant = first; instant.isBefore(Instant.parse("2200-01-01T00:00:00Z"));
             instant = instant.plus(step)) {
            // when
            String written = Timestamps.format(instant);

            // then
            assertThat(written).isEqualTo(API_PATTERN.format(instant));
        }
    }
}
