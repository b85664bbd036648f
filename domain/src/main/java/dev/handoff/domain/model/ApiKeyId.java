package dev.handoff.domain.model;

/** The public half of an API key: safe to log, list and revoke by. */
public record ApiKeyId(String value) {

    public ApiKeyId {
        if (value == null || !value.matches("[0-9a-f]{16}")) {
            throw InvalidInput.of("keyId", "must be 16 lowercase hexadecimal characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
