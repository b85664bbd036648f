package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GcLogTest {

    private static final List<String> LOG = List.of(
            "[0.006s][info][gc] Using G1",
            "[1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 6.123ms",
            "[5.500s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 120M->80M(256M) 3.877ms",
            "[5.510s][info][gc] GC(2) Concurrent Mark Cycle",
            "[5.700s][info][gc] GC(2) Pause Remark 90M->90M(256M) 1.500ms",
            "[5.800s][info][gc] GC(2) Pause Cleanup 90M->90M(256M) 0.100ms",
            "[5.900s][info][gc] GC(2) Concurrent Mark Cycle 390.123ms",
            "[9.000s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 250M->100M(256M) 120.000ms");

    @Test
    void readsEveryPauseAndNoConcurrentPhase() {
        // when
        List<GcLog.Pause> pauses = GcLog.pauses(LOG);

        // then
        assertThat(pauses).containsExactly(new GcLog.Pause(1.204, 6.123), new GcLog.Pause(5.5, 3.877),
                new GcLog.Pause(5.7, 1.5), new GcLog.Pause(5.8, 0.1), new GcLog.Pause(9.0, 120.0));
    }

    @Test
    void sumsThePausesOfAStretchOfUptime() {
        // when the load ran from 5 s to 10 s of the JVM's uptime
        GcLog.Pauses pauses = GcLog.between(GcLog.pauses(LOG), 5, 10);

        // then
        assertThat(pauses.count()).isEqualTo(4);
        assertThat(pauses.totalMillis()).isCloseTo(125.477, within(1e-9));
        assertThat(pauses.maxMillis()).isEqualTo(120.0);
        assertThat(pauses.share(5)).isCloseTo(0.0250954, within(1e-7));
    }

    @Test
    void noLogNoPauses() {
        // when
        GcLog.Pauses pauses = GcLog.between(GcLog.pauses(List.of()), 0, 60);

        // then
        assertThat(pauses.count()).isZero();
        assertThat(pauses.share(60)).isZero();
    }
}
