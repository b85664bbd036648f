package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentMemoryTest {

    @Test
    void readsKilobyteFieldsOfAProcStatusFile() {
        // given
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9071380 kB", "VmHWM:\t  619832 kB",
                "VmRSS:\t  598004 kB", "Threads:\t61");

        // then
        assertThat(ResidentMemory.kilobytes(status, "VmHWM")).hasValue(619_832);
        assertThat(ResidentMemory.kilobytes(status, "VmRSS")).hasValue(598_004);
        assertThat(ResidentMemory.kilobytes(status, "Threads")).isEmpty();
        assertThat(ResidentMemory.kilobytes(status, "VmSwap")).isEmpty();
    }
}
