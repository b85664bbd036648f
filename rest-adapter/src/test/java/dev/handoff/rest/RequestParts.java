package dev.handoff.rest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Generators of the parts of a request, as a careless or hostile client sends them: JSON of every
 * shape (with every kind of character, lone surrogates and NUL included), valid bodies with one
 * thing wrong, bodies that are not JSON or not UTF-8, odd header values and query strings.
 */
final class RequestParts {

    /** Every field name the API knows, request and response alike, so that generated objects hit real fields. */
    static final List<String> FIELD_NAMES = List.of("fromProfileId", "toProfileId", "sourceTaskId", "subject", "body",
            "attachments", "priority", "requiresApproval", "parentMessageId", "expiresAt", "conversationId",
            "sharedId", "data", "action", "approvedBy", "targetTaskId", "id", "shared_id", "status", "chainDepth",
            "createdAt", "respondedAt", "taskId", "version");

    /** Values that sit on a rule's edge: blanks, NUL, lone surrogates, lookalikes of ids, times and actions. */
    private static final List<String> TRICKY_TEXTS = List.of("", " ", "\t", "\u0000", "a\u0000b", "\ud800",
            "\udc00x", "\u202e", "\ufeff", "😀", "null", "pending", "approve", "reject", "start", "complete",
            "in_progress", "PENDING", "0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f", "hoff-c7a1-b3d4",
            "2030-01-01T00:00:00Z", "2030-01-01T00:00:00.000Z", "2020-01-01T00:00:00Z", "2030-02-30T25:00:00Z",
            "+10000-01-01T00:00:00Z", "{}", "[]", "{\"a\":1}", "{not json", "CONV-1", "crm-1");

    /** Lengths just past a limit on short text: identifiers 200, subject 500. */
    private static final List<Integer> PAST_A_SHORT_LIMIT = List.of(201, 501);
    /** Lengths just past every limit: also body 100,000, handoff-state data 262,144, a request body 1 MiB. */
    private static final List<Integer> PAST_ANY_LIMIT = List.of(201, 501, 4_001, 100_001, 262_145, 1_100_000);

    private RequestParts() {
    }

    /** Any JSON value as text, nested up to {@code depth} levels. */
    static Arbitrary<String> json(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, scalar()),
                Tuple.of(2, Arbitraries.lazy(() -> object(json(depth - 1)))),
                Tuple.of(1, Arbitraries.lazy(() -> array(json(depth - 1)))));
    }

    static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, text().map(RequestParts::quoted)),
                Tuple.of(3, number()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    static Arbitrary<String> object(Arbitrary<String> values) {
        Arbitrary<String> member = Combinators.combine(fieldName(), values).as((name, value) -> quoted(name) + ":" + value);
        return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
    }

    static Arbitrary<String> array(Arbitrary<String> values) {
        return values.list().ofMaxSize(5).map(items -> "[" + String.join(",", items) + "]");
    }

    /** Mostly names the API knows, sometimes anything. */
    static Arbitrary<String> fieldName() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(FIELD_NAMES)), Tuple.of(1, text()));
    }

    /**
     * Text of any characters, text that looks right, values on a rule's edge, and now and then one
     * past an identifier's or subject's limit. Short enough for a URL: the server refuses a request
     * head over 8 KiB before the application sees it (a bare 400; see the test of that below).
     */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_.@ ").ofMinLength(1).ofMaxLength(30)),
                Tuple.of(3, Arbitraries.of(TRICKY_TEXTS)),
                Tuple.of(1, Arbitraries.of(PAST_A_SHORT_LIMIT).map("x"::repeat)));
    }

    static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-3, 6).map(String::valueOf)),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("-0", "0.0", "1.0", "1.5", "2e0", "1e3", "1E400", "-1e-400", "0.1e1",
                        "123456789012345678901234567890", "3.0000000000000001", "1775000000")),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));
    }

    /**
     * A request body: a valid one (so that some requests succeed and later ones meet their effects), a
     * valid one with one thing wrong, any JSON, text that is not JSON, bytes that are not UTF-8, nothing.
     */
    static Arbitrary<byte[]> body(Map<String, String> valid) {
        Arbitrary<byte[]> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(objectText(valid))),
                Tuple.of(6, oneThingWrong(valid)),
                Tuple.of(3, json(3)),
                Tuple.of(2, notJson(valid)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60)))
                .map(body -> body.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                Tuple.of(14, text),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)),
                Tuple.of(1, Arbitraries.just(new byte[0])));
    }

    /** The valid body with one field replaced, removed, or an unknown or read-only one added. */
    static Arbitrary<String> oneThingWrong(Map<String, String> valid) {
        List<String> fields = List.copyOf(valid.keySet());
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(fields), json(2)).as((field, value) -> with(valid, field, value)),
                Combinators.combine(Arbitraries.of(fields), Arbitraries.of(PAST_ANY_LIMIT))
                        .as((field, length) -> with(valid, field, quoted("y".repeat(length)))),
                Arbitraries.of(fields).map(field -> without(valid, field)),
                Combinators.combine(fieldName(), json(1)).as((field, value) -> with(valid, field, value)));
    }

    /** Almost JSON: cut short, followed by more, too deep, with duplicate keys, comments or single quotes. */
    static Arbitrary<String> notJson(Map<String, String> valid) {
        String text = objectText(valid);
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, text.length() - 1).map(end -> text.substring(0, end)),
                Arbitraries.of(" {}", ",", "]", " x", text).map(more -> text + more),
                Arbitraries.of(255, 256, 257, 2_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.of(fieldNamesOf(valid)).map(field -> "{" + quoted(field) + ":1," + text.substring(1)),
                Arbitraries.of("/* note */" + text, text.replace('"', '\''), "{\"priority\":NaN}", "{,}", "\"\\x\""));
    }

    /** A header value that the HTTP client can send: visible ASCII, spaces and a few Latin-1 letters. */
    static Arbitrary<String> headerValue() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("éÿ").ofMaxLength(60).map(String::strip);
    }

    /** A header that is absent (empty), or one of the given values, or anything. */
    static Arbitrary<Optional<String>> header(int absentWeight, List<String> values) {
        return Arbitraries.frequencyOf(
                Tuple.of(absentWeight, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(3, Arbitraries.of(values).map(Optional::of)),
                Tuple.of(1, headerValue().map(Optional::of)));
    }

    /** A query string of parameters the endpoint knows and others, with values of any characters, encoded. */
    static Arbitrary<String> query(List<String> names) {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(names)), Tuple.of(1, text()));
        Arbitrary<String> parameter = Combinators.combine(name, text()).as((key, value) -> encoded(key) + "="
                + encoded(value));
        return parameter.list().ofMaxSize(3).map(parameters -> parameters.isEmpty() ? ""
                : "?" + String.join("&", parameters));
    }

    /** A path segment of any characters, encoded so that it stays one segment. */
    static Arbitrary<String> pathSegment() {
        return text().map(RequestParts::encoded).map(segment -> segment.replace("+", "%20"));
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code text} as a JSON string; control characters and every surrogate are escaped, so that a lone one survives. */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    static String objectText(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> quoted(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static List<String> fieldNamesOf(Map<String, String> valid) {
        return List.copyOf(valid.keySet());
    }

    private static String with(Map<String, String> valid, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(valid);
        fields.put(field, value);
        return objectText(fields);
    }

    private static String without(Map<String, String> valid, String field) {
        Map<String, String> fields = new LinkedHashMap<>(valid);
        fields.remove(field);
        return objectText(fields);
    }
}
