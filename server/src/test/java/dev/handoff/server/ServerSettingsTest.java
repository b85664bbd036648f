package dev.handoff.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSettingsTest {

    @Test
    void without_any_configuration_a_node_is_the_embedded_default_on_8080() {
        // when
        ServerSettings settings = ServerSettings.from(Configuration.load(Map.of(), Map.of()));

        // then
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.defaultExpiry()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.maxChainDepth()).isEqualTo(10);
        assertThat(settings.jobsProfile()).isEqualTo(ServerSettings.JobsProfile.TUNED);
        assertThat(settings.idempotencySweep()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // database  | HANDOFF_DB_URL                              | per round | threads | per transaction
            "embedded    |                                             | 60        | 2       | 30",
            "PostgreSQL  | jdbc:postgresql://127.0.0.1:5432/handoff    | 30        | 4       | 8"})
    void the_job_executor_is_paced_for_the_database_it_fires_timers_on(String database, String url,
                                                                        int perRound, int threads, int perTransaction) {
        // when
        ServerSettings settings = ServerSettings.from(Configuration.load(Map.of(),
                url == null ? Map.of() : Map.of("HANDOFF_DB_URL", url)));

        // then
        assertThat(settings.jobsPerAcquisition()).isEqualTo(perRound);
        assertThat(settings.jobThreads()).isEqualTo(threads);
        assertThat(settings.jobsPerTransaction()).isEqualTo(perTransaction);
        assertThat(settings.jobWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.jobLockTime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_setting_beats_the_pace_the_database_suggests() {
        // when
        ServerSettings settings = ServerSettings.from(Configuration.load(Map.of(),
                Map.of("HANDOFF_JOBS_THREADS", "6", "HANDOFF_JOBS_PER_TRANSACTION", "1")));

        // then
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.jobThreads()).isEqualTo(6);
        assertThat(settings.jobsPerTransaction()).isEqualTo(1);
        assertThat(settings.jobsPerAcquisition()).isEqualTo(60);
    }

    @Test
    void the_job_executor_can_be_left_as_camunda_ships_it() {
        // when
        ServerSettings settings = ServerSettings.from(Configuration.load(Map.of(),
                Map.of("HANDOFF_JOBS_PROFILE", "engine-defaults")));

        // then
        assertThat(settings.jobsProfile()).isEqualTo(ServerSettings.JobsProfile.ENGINE_DEFAULTS);
    }

    @Test
    void flags_beat_environment_variables_which_beat_the_configuration_file(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("handoff.properties");
        Files.writeString(file, """
                handoff.port=7000
                handoff.region=uk-1
                handoff.db.url=jdbc:postgresql://127.0.0.1:5432/handoff
                handoff.chain.max-depth=3
                """);

        // when
        ServerSettings settings = ServerSettings.from(Configuration.load(
                Map.of("handoff.port", "9000", "handoff.config", file.toString()),
                Map.of("HANDOFF_PORT", "8000", "HANDOFF_REGION", "euw-1", "HANDOFF_DB_PASSWORD", "not-a-real-secret")));

        // then
        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.region()).isEqualTo("euw-1");
        assertThat(settings.maxChainDepth()).isEqualTo(3);
        assertThat(settings.embedded()).isFalse();
        assertThat(settings.database().orElseThrow().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/handoff");
        assertThat(settings.database().orElseThrow().toString()).doesNotContain("not-a-real-secret");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "HANDOFF_PORT            | eighty   | handoff.port (HANDOFF_PORT) must be a whole number, was eighty",
            "HANDOFF_PORT            | 70000    | handoff.port (HANDOFF_PORT) must be between 0 and 65535, was 70000",
            "HANDOFF_EXPIRY_DEFAULT  | 24h      | handoff.expiry.default (HANDOFF_EXPIRY_DEFAULT) must be an ISO-8601 duration such as PT24H, was 24h",
            "HANDOFF_JOBS_WAIT       | PT0S     | handoff.jobs.wait (HANDOFF_JOBS_WAIT) must be positive, was PT0S",
            "HANDOFF_DB_SOCKET_TIMEOUT | PT0.5S | handoff.db.socket-timeout (HANDOFF_DB_SOCKET_TIMEOUT) must be whole seconds, such as PT30S, was PT0.5S",
            "HANDOFF_JOBS_PER_TRANSACTION | 0   | handoff.jobs.per-transaction (HANDOFF_JOBS_PER_TRANSACTION) must be between 1 and 1000, was 0",
            "HANDOFF_JOBS_PROFILE    | fast     | handoff.jobs.profile (HANDOFF_JOBS_PROFILE) must be tuned or engine-defaults, was fast",
            "HANDOFF_CHAIN_MAX_DEPTH | -1       | handoff.chain.max-depth (HANDOFF_CHAIN_MAX_DEPTH) must be between 0 and 1000, was -1"})
    void an_unusable_setting_is_refused_with_its_name_and_why(String variable, String value, String message) {
        assertThatThrownBy(() -> ServerSettings.from(Configuration.load(Map.of(), Map.of(variable, value))))
                .isInstanceOf(Configuration.ConfigurationError.class)
                .hasMessage(message);
    }

    @Test
    void a_missing_configuration_file_is_named() {
        assertThatThrownBy(() -> Configuration.load(Map.of("handoff.config", "/nonexistent/handoff.properties"), Map.of()))
                .hasMessageStartingWith("cannot read the configuration file /nonexistent/handoff.properties");
    }
}
