package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.handoff.bench.Cells.cell;
import static dev.handoff.bench.Cells.handoff;
import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

    private static final CellResult FLOOR = cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.FLOOR, 4, 1,
            1_000, 2);
    private static final CellResult PEER_CREATE = cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.PEER, 4,
            1, 200, 20);
    private static final CellResult PEER_LIFECYCLE = cell(DatabaseKind.HSQLDB, ScenarioKind.LIFECYCLE,
            SystemKind.PEER, 4, 5, 50, 80);

    @Test
    void comparesOperationsWithThePeerAndRequestsWithTheFloor() {
        // given
        CellResult create = handoff(ScenarioKind.CREATE, 4, 1, 300);
        CellResult lifecycle = handoff(ScenarioKind.LIFECYCLE, 4, 4, 75);
        Ratios ratios = new Ratios(List.of(create, lifecycle, FLOOR, PEER_CREATE, PEER_LIFECYCLE));

        // then: 300 / 200 creates, 75 / 50 lifecycles; 300 and 4 × 75 requests against the floor's 1,000
        assertThat(ratios.vsPeer(create).getAsDouble()).isEqualTo(1.5);
        assertThat(ratios.vsPeer(lifecycle).getAsDouble()).isEqualTo(1.5);
        assertThat(ratios.vsFloor(create).getAsDouble()).isEqualTo(0.3);
        assertThat(ratios.vsFloor(lifecycle).getAsDouble()).isEqualTo(0.3);
    }

    @Test
    void noRatioWithoutTheSameCellOnTheOtherSystem() {
        // given a list cell (the peer has none) and a create at another concurrency
        CellResult list = handoff(ScenarioKind.LIST, 4, 1, 900);
        CellResult createAt16 = handoff(ScenarioKind.CREATE, 16, 1, 300);
        Ratios ratios = new Ratios(List.of(list, createAt16, FLOOR, PEER_CREATE));

        // then
        assertThat(ratios.vsPeer(list)).isEmpty();
        assertThat(ratios.vsFloor(list).getAsDouble()).isEqualTo(0.9);
        assertThat(ratios.vsPeer(createAt16)).isEmpty();
        assertThat(ratios.vsFloor(createAt16)).isEmpty();
        assertThat(ratios.vsPeer(FLOOR)).isEmpty();
        assertThat(ratios.vsFloor(FLOOR)).isEmpty();
    }

    @Test
    void theReferencesShareOfTheFloorStandsBesideHandoffs() {
        // given the engine floor's lifecycle: 4 requests per operation, as Handoff's
        CellResult engineLifecycle = cell(DatabaseKind.HSQLDB, ScenarioKind.LIFECYCLE, SystemKind.ENGINE_FLOOR, 4, 4,
                50, 40);
        Ratios ratios = new Ratios(List.of(engineLifecycle, FLOOR, PEER_CREATE, PEER_LIFECYCLE));

        // then: 4 × 50 and 5 × 50 requests, and 200 creates, against the floor's 1,000; only Handoff is compared with the peer
        assertThat(ratios.vsFloor(engineLifecycle).getAsDouble()).isEqualTo(0.2);
        assertThat(ratios.vsFloor(PEER_LIFECYCLE).getAsDouble()).isEqualTo(0.25);
        assertThat(ratios.vsFloor(PEER_CREATE).getAsDouble()).isEqualTo(0.2);
        assertThat(ratios.vsPeer(engineLifecycle)).isEmpty();
    }

    @Test
    void aCellWithoutOperationsHasNoRatio() {
        // given
        CellResult empty = handoff(ScenarioKind.CREATE, 4, 1, 0);
        Ratios ratios = new Ratios(List.of(empty, FLOOR, PEER_CREATE));

        // then
        assertThat(ratios.vsPeer(empty)).isEmpty();
        assertThat(ratios.vsFloor(empty)).isEmpty();
    }

    @Test
    void printsOneRowPerCellWithTheRatiosAndTheFootnote() {
        // given
        CellResult create = handoff(ScenarioKind.CREATE, 4, 1, 300);

        // when
        String table = ResultTable.markdown(List.of(create, FLOOR, PEER_CREATE));

        // then
        assertThat(table).contains(
                ResultTable.HEADER,
                "| hsqldb | create | Handoff | 4 | 300 | 2.50 | 5.00 | 10.0 | 0 | 1.50× | 0.30× |",
                "| hsqldb | create | floor | 4 | 1,000 | 1.00 | 2.00 | 4.00 | 0 | — | — |",
                "| hsqldb | create | Camunda peer | 4 | 200 | 10.0 | 20.0 | 40.0 | 0 | — | 0.20× |",
                "A full lifecycle is 4 requests to Handoff");
        assertThat(table.lines().filter(line -> line.startsWith("| hsqldb"))).hasSize(3);
    }
}
