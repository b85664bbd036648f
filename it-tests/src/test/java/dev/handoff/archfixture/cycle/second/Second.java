package dev.handoff.archfixture.cycle.second;

import dev.handoff.archfixture.cycle.first.First;

public class Second {

    public First back() {
        return new First();
    }
}
