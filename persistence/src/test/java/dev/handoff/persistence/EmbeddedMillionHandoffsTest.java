package dev.handoff.persistence;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On demand ({@code mvn -pl persistence verify -Pscale}): a million handoffs fit in the embedded
 * database of a JVM with a 128 MB heap, because CACHED tables keep them on disk; the list through
 * the port is timed there (see {@link ListLatency}). The figures go to stdout and to
 * {@code target/scale/hsqldb-million-handoffs.txt}.
 */
@Tag("scale")
class EmbeddedMillionHandoffsTest {

    private static final int ROWS = Integer.getInteger("handoff.scale.rows", 1_000_000);
    private static final String HEAP = System.getProperty("handoff.scale.heap", "128m");

    @TempDir
    Path dataDir;

    @Test
    void a_million_handoffs_fit_in_the_embedded_database_of_a_small_heap() throws Exception {
        // given
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-Dhandoff.scale.warmup-seconds=" + ListLatency.WARM_UP.toSeconds(),
                "-Dhandoff.scale.window-seconds=" + ListLatency.WINDOW.toSeconds(),
                "-cp", System.getProperty("java.class.path"),
                LoadHandoffsInSmallHeap.class.getName(), dataDir.toString(), String.valueOf(ROWS))
                .redirectErrorStream(true)
                .start();

        // when
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line);
                output.add(line);
            }
        }

        // then
        assertThat(child.waitFor()).as("the child's exit code; it said %s", output).isZero();
        assertThat(output).last().asString().startsWith(LoadHandoffsInSmallHeap.REOPENED + ROWS + " handoffs");
        Path out = Path.of("target", "scale");
        Files.createDirectories(out);
        Files.write(out.resolve("hsqldb-million-handoffs.txt"), output);
    }
}
