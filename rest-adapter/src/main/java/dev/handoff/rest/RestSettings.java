package dev.handoff.rest;

import java.util.Objects;

/**
 * How the REST adapter is configured.
 *
 * @param region       the region this server serves, e.g. {@code us-1}; keys of other regions are refused (403)
 * @param maxBodyBytes the largest request body accepted; bigger ones are refused (413) before they are parsed
 */
public record RestSettings(String region, long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public RestSettings {
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
    }

    /** The given region with the default body limit of 1 MiB. */
    public static RestSettings forRegion(String region) {
        return new RestSettings(region, DEFAULT_MAX_BODY_BYTES);
    }
}
