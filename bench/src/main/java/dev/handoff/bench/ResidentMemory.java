package dev.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a process's resident memory from {@code /proc/<pid>/status} every second: the peak
 * (VmHWM, the kernel's high-water mark) and the last VmRSS seen.
 */
final class ResidentMemory implements AutoCloseable {

    private final Path status;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long peakKb;
    private volatile long lastKb;
    private volatile int samples;

    private ResidentMemory(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    static ResidentMemory sample(long pid) {
        ResidentMemory memory = new ResidentMemory(pid);
        memory.sampler.scheduleAtFixedRate(memory::sampleOnce, 0, 1, TimeUnit.SECONDS);
        return memory;
    }

    /** The value of a {@code kB} line of a status file, e.g. {@code VmRSS:    123456 kB}. */
    static OptionalLong kilobytes(List<String> statusLines, String field) {
        return statusLines.stream()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).trim())
                .filter(value -> value.endsWith(" kB"))
                .mapToLong(value -> Long.parseLong(value.substring(0, value.length() - 3).trim()))
                .findFirst();
    }

    private void sampleOnce() {
        try {
            List<String> lines = Files.readAllLines(status);
            kilobytes(lines, "VmHWM").ifPresent(kb -> peakKb = Math.max(peakKb, kb));
            kilobytes(lines, "VmRSS").ifPresent(kb -> {
                lastKb = kb;
                peakKb = Math.max(peakKb, kb);
            });
            samples++;
        } catch (IOException gone) {
            // the process has ended: keep the last sample
        }
    }

    /** Takes a last sample and stops. */
    @Override
    public void close() {
        sampler.shutdownNow();
        sampleOnce();
    }

    double peakMegabytes() {
        return peakKb / 1024.0;
    }

    double lastMegabytes() {
        return lastKb / 1024.0;
    }

    int samples() {
        return samples;
    }
}
