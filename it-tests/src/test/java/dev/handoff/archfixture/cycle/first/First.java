package dev.handoff.archfixture.cycle.first;

import dev.handoff.archfixture.cycle.second.Second;

/** Breaks "no package cycles" together with {@link Second}. */
public class First {

    public Second next() {
        return new Second();
    }
}
