package dev.handoff.bench;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The cells against the references measured in the same run, on the same database and
 * concurrency; none for a cell where no operation ended inside the window.
 */
final class Ratios {

    private final List<CellResult> cells;

    Ratios(List<CellResult> cells) {
        this.cells = List.copyOf(cells);
    }

    /** Our operations per second ÷ the peer's, same scenario; for Handoff's create and lifecycle. */
    OptionalDouble vsPeer(CellResult ours) {
        if (ours.system() != SystemKind.HANDOFF || ours.operations() == 0) {
            return OptionalDouble.empty();
        }
        return find(ours.database(), ours.scenario(), SystemKind.PEER, ours.concurrency())
                .map(peer -> ratio(ours.operationsPerSecond(), peer.operationsPerSecond()))
                .orElse(OptionalDouble.empty());
    }

    /**
     * A system's HTTP requests per second ÷ the floor's (one request per create), for every system
     * but the floor itself: Handoff's share, and the shares of the engine floor and the peer beside it.
     */
    OptionalDouble vsFloor(CellResult cell) {
        if (cell.system() == SystemKind.FLOOR || cell.operations() == 0) {
            return OptionalDouble.empty();
        }
        return find(cell.database(), ScenarioKind.CREATE, SystemKind.FLOOR, cell.concurrency())
                .map(floor -> ratio(cell.requestsPerSecond(), floor.requestsPerSecond()))
                .orElse(OptionalDouble.empty());
    }

    Optional<CellResult> find(DatabaseKind database, ScenarioKind scenario, SystemKind system, int concurrency) {
        return cells.stream().filter(cell -> cell.sameCell(database, scenario, system, concurrency)).findFirst();
    }

    private static OptionalDouble ratio(double ours, double theirs) {
        return theirs > 0 ? OptionalDouble.of(ours / theirs) : OptionalDouble.empty();
    }
}
