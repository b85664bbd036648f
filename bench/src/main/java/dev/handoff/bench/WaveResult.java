package dev.handoff.bench;

/**
 * One expiry wave: {@code size} handoffs due at the same whole second.
 *
 * @param system           Handoff or the Camunda peer
 * @param jobs             whose job-executor settings the server ran with
 * @param created          handoffs created (201)
 * @param createErrors     creates that failed
 * @param createdBeforeDue whether every create had ended before the handoffs fell due
 * @param secondsToExpired from the due second to the first moment none was pending; NaN if that did not happen in time
 */
record WaveResult(DatabaseKind database, SystemKind system, JobSettings jobs, int size, int created, int createErrors,
                  boolean createdBeforeDue, double createSeconds, double secondsToExpired) {

    boolean drained() {
        return !Double.isNaN(secondsToExpired);
    }

    double expirationsPerSecond() {
        return created / secondsToExpired;
    }

    boolean failed() {
        return createErrors > 0 || !createdBeforeDue || !drained();
    }
}
