package dev.handoff.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataTrainingTest {

    @TempDir
    Path scratch;

    @Test
    void the_training_start_serves_once_and_stops_its_node_on_the_scratch_directory() throws Exception {
        // when
        ClassDataTraining.train(scratch);

        // then its embedded database was created there and shut down cleanly (no lock left behind)
        assertThat(scratch.resolve("data/handoff.script")).exists();
        assertThat(Files.exists(scratch.resolve("data/handoff.lck"))).isFalse();
        assertThat(scratch.resolve("data").resolve(AdminAccess.FILE_NAME)).doesNotExist();
    }
}
