package dev.handoff.bench;

import java.util.Comparator;
import java.util.List;

/** The one throughput and latency table, with each cell against the floor and Handoff's against the peer. */
final class ResultTable {

    static final String FOOTNOTE = """
            `vs peer`: Handoff's operations/s ÷ the Camunda peer's in the same scenario, database and c. \
            `vs floor`: a system's HTTP requests/s ÷ the floor's at the same database and c (the floor makes one \
            request per create). The engine floor moves the peer's process through Camunda's Java API and does \
            nothing else, one transaction a request, on an engine set up like Handoff's (task index, history \
            removal, job pace). A full lifecycle is 4 requests to Handoff and to the engine floor (create, \
            approve, start, complete) and 5 to the peer (start the process, find the task, complete it, two \
            messages); a handoff-state \
            operation is 2 (write, read back); create and list are 1. Latency is that of one whole operation; a cell \
            without figures had no operation end inside its window.""";

    static final String HEADER =
            "| database | scenario | system | c | ops/s | p50 ms | p99 ms | p999 ms | errors | vs peer | vs floor |";

    private ResultTable() {
    }

    static String markdown(List<CellResult> cells) {
        Ratios ratios = new Ratios(cells);
        StringBuilder out = new StringBuilder("## Throughput and latency\n\n");
        out.append(HEADER).append("\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        // measured by operation and concurrency across the systems; shown system by system
        List<CellResult> bySystem = cells.stream().sorted(Comparator.comparing(CellResult::database)
                .thenComparing(CellResult::system).thenComparing(CellResult::scenario)
                .thenComparingInt(CellResult::concurrency)).toList();
        for (CellResult cell : bySystem) {
            out.append(Report.row(cell.database().option(), cell.scenario().label(), cell.system().label(),
                    Integer.toString(cell.concurrency()), Figures.rate(cell.operationsPerSecond()),
                    Figures.millis(cell.latency().p50Millis()), Figures.millis(cell.latency().p99Millis()),
                    Figures.millis(cell.latency().p999Millis()), Figures.count(cell.errors()),
                    Figures.ratio(ratios.vsPeer(cell)), Figures.ratio(ratios.vsFloor(cell))));
        }
        out.append('\n').append(FOOTNOTE).append('\n');
        return out.toString();
    }
}
