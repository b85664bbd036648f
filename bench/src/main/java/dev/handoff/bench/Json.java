package dev.handoff.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads what the load generator needs from an answer: an id, how many items a list holds. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The text of a top-level field of an object. */
    static String text(String json, String field) throws JsonProcessingException {
        JsonNode value = MAPPER.readTree(json).get(field);
        if (value == null || !value.isValueNode()) {
            throw new IllegalStateException("no field " + field + " in " + json);
        }
        return value.asText();
    }

    /** The text of a field of an array's first item. */
    static String firstItemText(String json, String field) throws JsonProcessingException {
        JsonNode array = MAPPER.readTree(json);
        if (!array.isArray() || array.isEmpty() || array.get(0).get(field) == null) {
            throw new IllegalStateException("no " + field + " in a first item of " + json);
        }
        return array.get(0).get(field).asText();
    }

    /** How many items an array holds. */
    static int size(String json) throws JsonProcessingException {
        JsonNode array = MAPPER.readTree(json);
        if (!array.isArray()) {
            throw new IllegalStateException("not an array: " + json);
        }
        return array.size();
    }
}
