package dev.handoff.archfixture.rest;

import dev.handoff.archfixture.domain.WellBehavedDomain;

public class WellBehavedRest {

    public String render(WellBehavedDomain domain) {
        return domain.name();
    }
}
