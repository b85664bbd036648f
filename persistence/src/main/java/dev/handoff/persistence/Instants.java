package dev.handoff.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants are stored to the millisecond, the precision of the API's timestamps, in
 * TIMESTAMP WITH TIME ZONE columns (the entities say so field by field: Hibernate's own choice
 * for HSQLDB would be a TIMESTAMP without zone, which the schema validation then refuses).
 */
final class Instants {

    private Instants() {
    }

    /**
     * Truncated rather than left to the database, which would round (PostgreSQL): a time read
     * back is then never later than the time written.
     */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
