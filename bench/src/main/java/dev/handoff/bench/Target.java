package dev.handoff.bench;

/** One target line: what is aimed for, what was measured, and whether it was met. */
record Target(String aim, String figure, Verdict verdict) {

    enum Verdict {
        MET("met"),
        MISSED("missed"),
        /** Missed, and the engine floor, which does less than any system that could meet it, misses it too. */
        OUT_OF_REACH("out of reach"),
        NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    static Target notMeasured(String aim) {
        return new Target(aim, Figures.NONE, Verdict.NOT_MEASURED);
    }

    String markdown() {
        return "- **" + verdict.label() + "** — " + aim + ": " + figure;
    }
}
