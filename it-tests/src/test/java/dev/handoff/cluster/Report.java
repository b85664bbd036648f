package dev.handoff.cluster;

/** The figures a cluster test measured, printed where the build log keeps them. */
final class Report {

    private Report() {
    }

    static void print(String what, String... lines) {
        StringBuilder report = new StringBuilder("\n[cluster] ").append(what).append('\n');
        for (String line : lines) {
            report.append("[cluster]   ").append(line).append('\n');
        }
        System.out.print(report);
        System.out.flush();
    }
}
