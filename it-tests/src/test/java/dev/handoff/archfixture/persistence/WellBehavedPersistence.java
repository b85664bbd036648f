package dev.handoff.archfixture.persistence;

import dev.handoff.archfixture.domain.WellBehavedDomain;

public class WellBehavedPersistence {

    public WellBehavedDomain load() {
        return new WellBehavedDomain("stored");
    }
}
