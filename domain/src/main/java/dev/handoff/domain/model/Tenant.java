package dev.handoff.domain.model;

/** The account and project every handoff, handoff state and API key belongs to. */
public record Tenant(String accountId, String projectId) {

    public Tenant {
        requireName(accountId, "accountId");
        requireName(projectId, "projectId");
    }

    private static void requireName(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of(field, "is required");
        }
        if (value.length() > Limits.IDENTIFIER_MAX) {
            throw InvalidInput.of(field, "must be at most " + Limits.IDENTIFIER_MAX + " characters");
        }
    }
}
