package dev.handoff.server;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code bin/handoff serve}: runs a node until the process is told to stop. */
final class Serve {

    private Serve() {
    }

    static int run(ServerSettings settings, PrintStream out) {
        boolean fresh = settings.embedded() && isEmpty(settings.dataDir());
        long started = System.nanoTime();
        HandoffNode node = HandoffNode.start(settings);
        long millis = (System.nanoTime() - started) / 1_000_000;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "handoff-shutdown"));
        out.printf("Handoff is serving on http://localhost:%d/ (%s, started in %d ms)%n", node.port(),
                settings.database().map(database -> "PostgreSQL " + database)
                        .orElse("embedded database in " + settings.dataDir().toAbsolutePath()), millis);
        if (fresh) {
            out.printf("This data directory is new. Create an API key with:%n"
                    + "  bin/handoff keys create --data-dir %s --account ACCOUNT-1 --project PROJECT-1%n",
                    settings.dataDir());
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException missing) {
            return true;
        }
    }
}
