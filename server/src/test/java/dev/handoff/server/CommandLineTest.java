package dev.handoff.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void words_and_flags_are_told_apart_in_both_spellings() {
        // when
        CommandLine line = CommandLine.parse("keys", "create", "--account", "ACCOUNT-1", "--project=PROJECT-1");

        // then
        assertThat(line.words()).containsExactly("keys", "create");
        assertThat(line.flags()).containsEntry("account", "ACCOUNT-1").containsEntry("project", "PROJECT-1");
    }

    @Test
    void unknown_options_and_missing_values_are_usage_errors() {
        assertThatThrownBy(() -> CommandLine.parse("serve", "--prot", "1").allowing(Set.of("port")))
                .hasMessage("unknown option --prot");
        assertThatThrownBy(() -> CommandLine.parse("serve", "--port")).hasMessage("--port needs a value");
    }

    @Test
    void every_command_explains_itself_with_help() {
        for (String[] args : new String[][] {{"--help"}, {"serve", "--help"}, {"keys", "--help"}, {"keys", "create", "-h"}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertThat(code).as(String.join(" ", args)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:");
        }
    }

    @Test
    void an_unknown_command_fails_with_the_usage() {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int code = Main.run(new String[] {"srve"}, Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown command 'srve'.").contains("Usage:");
    }

    @Test
    void key_creation_without_account_is_refused_before_anything_opens() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"keys", "create", "--project", "P", "--data-dir", "/nonexistent/x"}, Map.of(),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--account is required");
    }
}
