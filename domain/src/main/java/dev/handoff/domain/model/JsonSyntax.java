package dev.handoff.domain.model;

import java.util.Optional;

/**
 * A strict RFC 8259 recognizer: says whether a text is one JSON value and which kind, without
 * building it. Kept in the domain so that "attachments must be JSON" needs no library.
 */
final class JsonSyntax {

    /** Deep enough for any real document, shallow enough to never overflow the stack. */
    private static final int MAX_NESTING = 256;

    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** The first character of the value ('{', '[', '"', 't', 'f', 'n' or a digit/'-'), when valid. */
    static Optional<Character> kindOf(String text) {
        JsonSyntax parser = new JsonSyntax(text);
        try {
            parser.whitespace();
            if (parser.pos >= text.length()) {
                return Optional.empty();
            }
            char kind = text.charAt(parser.pos);
            parser.value(0);
            parser.whitespace();
            return parser.pos == text.length() ? Optional.of(kind) : Optional.empty();
        } catch (Malformed malformed) {
            return Optional.empty();
        }
    }

    private void value(int depth) {
        if (depth > MAX_NESTING) {
            throw new Malformed();
        }
        switch (peek()) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object(int depth) {
        pos++;
        whitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            whitespace();
            if (peek() != '"') {
                throw new Malformed();
            }
            string();
            whitespace();
            expect(':');
            whitespace();
            value(depth + 1);
            whitespace();
            char next = next();
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw new Malformed();
            }
        }
    }

    private void array(int depth) {
        pos++;
        whitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            whitespace();
            value(depth + 1);
            whitespace();
            char next = next();
            if (next == ']') {
                return;
            }
            if (next != ',') {
                throw new Malformed();
            }
        }
    }

    private void string() {
        expect('"');
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new Malformed();
            }
            if (c == '\\') {
                char escaped = next();
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw new Malformed();
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    throw new Malformed();
                }
            }
        }
    }

    private void number() {
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw new Malformed();
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw new Malformed();
        }
        pos += word.length();
    }

    private void whitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new Malformed();
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new Malformed();
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    /** Control flow for "not JSON"; never leaves this class. */
    private static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }
}
