package dev.handoff.archfixture.domain;

/** Breaks "domain uses only java": it logs through a library. */
public class DomainUsingALibrary {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DomainUsingALibrary.class);

    public void act() {
        LOG.info("the domain must not know about logging frameworks");
    }
}
