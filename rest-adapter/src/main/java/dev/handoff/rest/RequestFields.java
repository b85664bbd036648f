package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Violations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON request body strictly: each value must already have the JSON type
 * the API documents ({@code "1"} is no number, {@code "true"} no boolean, {@code 1.5} no integer),
 * and every field the request does not define is refused by name. A JSON {@code null} counts as
 * an absent field. Type errors are collected and reported together by {@link #finish}; the
 * domain's commands then judge the values themselves.
 */
final class RequestFields {

    /** Names the whole body in a problem's {@code errors}, as a JSON Path root. */
    static final String BODY = "$";

    private final ObjectNode object;
    private final Set<String> read = new HashSet<>();
    private final Violations violations = new Violations();

    private RequestFields(ObjectNode object) {
        this.object = object;
    }

    /** @throws InvalidInput when there is no body or it is not a JSON object */
    static RequestFields of(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            throw InvalidInput.of(BODY, "is required: send a JSON object");
        }
        if (!body.isObject()) {
            throw InvalidInput.of(BODY, "must be a JSON object, was " + kind(body));
        }
        return new RequestFields((ObjectNode) body);
    }

    /** One of {@code options}; required. */
    String oneOf(String name, List<String> options) {
        boolean present = object.hasNonNull(name);
        String value = text(name);
        if (!present) {
            violations.add(name, "is required: one of " + String.join(", ", options));
        } else if (value != null && !options.contains(value)) {
            violations.add(name, "must be one of " + String.join(", ", options) + ", was " + quoted(value));
        }
        return value != null && options.contains(value) ? value : null;
    }

    /** A string, or null when absent. */
    String text(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return refuse(name, "must be a string, was " + kind(value));
        }
        if (!Violations.isStorableText(value.textValue())) {
            return refuse(name, "must not contain NUL characters or unpaired surrogates");
        }
        return value.textValue();
    }

    /** An integer that fits 32 bits, or null when absent. */
    Integer integer(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            return refuse(name, "must be an integer, was " + kind(value));
        }
        if (!value.canConvertToInt()) {
            return refuse(name, "is out of range: " + cut(value.asText()));
        }
        return value.intValue();
    }

    /** {@code true} or {@code false}, or null when absent. */
    Boolean bool(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : refuse(name, "must be true or false, was " + kind(value));
    }

    /** A JSON object, or null when absent. */
    ObjectNode object(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return null;
        }
        return value.isObject() ? (ObjectNode) value : refuse(name, "must be a JSON object, was " + kind(value));
    }

    /** An ISO-8601 timestamp with offset (e.g. {@code 2026-04-04T10:45:00.000Z}), or null when absent. */
    Instant timestamp(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            // four-digit years only: what every database and client can hold
            if (time.getYear() < 1 || time.getYear() > 9999) {
                return refuse(name, "must lie between the years 0001 and 9999");
            }
            return time.toInstant();
        } catch (DateTimeParseException notATimestamp) {
            return refuse(name, "must be an ISO-8601 timestamp with offset, such as 2026-04-04T10:45:00.000Z");
        }
    }

    /** Refuses a field when it is present, e.g. one that does not belong to the chosen action. */
    void forbid(String name, String message) {
        if (take(name) != null) {
            violations.add(name, message);
        }
    }

    /**
     * Refuses every field nothing has read: {@code readOnly} ones as read-only, the rest as unknown;
     * then reports all violations found, if any.
     *
     * @throws InvalidInput naming every offending field
     */
    void finish(Set<String> readOnly) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                violations.add(name, readOnly.contains(name)
                        ? "is read-only: the server sets it"
                        : "is not a field of this request");
            }
        }
        violations.throwIfAny();
    }

    private JsonNode take(String name) {
        read.add(name);
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T refuse(String name, String message) {
        violations.add(name, message);
        return null;
    }

    /** A client's value echoed in a message, cut short: messages are no place to repeat a megabyte. */
    static String quoted(String value) {
        return "\"" + cut(value) + "\"";
    }

    private static String cut(String value) {
        int max = 40;
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max)) + "…";
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "the number " + cut(value.asText());
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }
}
