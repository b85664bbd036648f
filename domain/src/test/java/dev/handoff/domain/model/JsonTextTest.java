package dev.handoff.domain.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    @ParameterizedTest(name = "valid: {0}")
    @ValueSource(strings = {"{}", "[]", "\"text\"", "0", "-1.5e+3", "true", "null", " { \"a\" : [1, {\"b\": null}] } ",
            "[\"\\u00e9\\n\\\"\"]", "{\"nested\":{\"deeper\":[[[]]]}}"})
    void valid_json_is_kept_exactly_as_written(String text) {
        assertThat(JsonText.parse(text, "attachments").text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "invalid: {0}")
    @ValueSource(strings = {"", " ", "{", "{a:1}", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "tru", "NaN",
            "'single'", "\"unterminated", "{} {}", "[1] x", "\"tab\there\"", "\"\\x\""})
    void anything_else_is_refused_naming_the_field(String text) {
        assertThatThrownBy(() -> JsonText.parse(text, "attachments"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("attachments must be a string holding valid JSON");
    }

    @ParameterizedTest(name = "not an object: {0}")
    @ValueSource(strings = {"[]", "\"x\"", "1", "null"})
    void handoff_state_data_must_be_an_object(String text) {
        assertThatThrownBy(() -> JsonText.parseObject(text, "data")).hasMessage("data must be a JSON object");
    }

    @org.junit.jupiter.api.Test
    void absurd_nesting_is_refused_rather_than_overflowing_the_stack() {
        assertThatThrownBy(() -> JsonText.parse("[".repeat(100_000) + "]".repeat(100_000), "attachments"))
                .isInstanceOf(InvalidInput.class);
    }
}
