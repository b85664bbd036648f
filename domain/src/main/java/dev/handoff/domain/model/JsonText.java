package dev.handoff.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A JSON document kept exactly as the client wrote it, checked to be valid RFC 8259 JSON. The
 * check runs once, when the value is made; what kind of value it is (object or not) is kept.
 */
public final class JsonText {

    private final String text;
    private final char kind;

    /** @throws IllegalArgumentException when {@code text} is not one JSON value */
    public JsonText(String text) {
        this(text, JsonSyntax.kindOf(Objects.requireNonNull(text, "text"))
                .orElseThrow(() -> new IllegalArgumentException("not valid JSON")));
    }

    private JsonText(String text, char kind) {
        this.text = text;
        this.kind = kind;
    }

    /** Any JSON value; {@code field} names the request field when it is not one. */
    public static JsonText parse(String text, String field) {
        return recognized(text).orElseThrow(() -> InvalidInput.of(field, "must be a string holding valid JSON"));
    }

    /** A JSON object, as handoff state data must be. */
    public static JsonText parseObject(String text, String field) {
        return recognized(text).filter(JsonText::isObject)
                .orElseThrow(() -> InvalidInput.of(field, "must be a JSON object"));
    }

    private static Optional<JsonText> recognized(String text) {
        return text == null ? Optional.empty() : JsonSyntax.kindOf(text).map(kind -> new JsonText(text, kind));
    }

    public String text() {
        return text;
    }

    public boolean isObject() {
        return kind == '{';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonText json && json.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
