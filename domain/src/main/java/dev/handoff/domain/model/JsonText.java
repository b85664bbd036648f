package dev.handoff.domain.model;

import java.util.Objects;

/** A JSON document kept exactly as the client wrote it, checked to be valid RFC 8259 JSON. */
public record JsonText(String text) {

    public JsonText {
        Objects.requireNonNull(text, "text");
        if (JsonSyntax.kindOf(text).isEmpty()) {
            throw new IllegalArgumentException("not valid JSON");
        }
    }

    /** Any JSON value; {@code field} names the request field when it is not one. */
    public static JsonText parse(String text, String field) {
        if (text == null || JsonSyntax.kindOf(text).isEmpty()) {
            throw InvalidInput.of(field, "must be a string holding valid JSON");
        }
        return new JsonText(text);
    }

    /** A JSON object, as handoff state data must be. */
    public static JsonText parseObject(String text, String field) {
        if (text == null || !JsonSyntax.kindOf(text).filter(kind -> kind == '{').isPresent()) {
            throw InvalidInput.of(field, "must be a JSON object");
        }
        return new JsonText(text);
    }

    public boolean isObject() {
        return JsonSyntax.kindOf(text).filter(kind -> kind == '{').isPresent();
    }

    @Override
    public String toString() {
        return text;
    }
}
