package dev.handoff.cluster;

/**
 * How much load the cluster tests put on the nodes. Small by default, so that a developer's build
 * still drives every path in seconds; the {@code cluster-heavy} Maven profile (active when
 * {@code CI=true}) passes the volumes the product promises to hold.
 */
final class Volumes {

    /** Handoffs whose expiry falls in the same few seconds. */
    static final int EXPIRING = volume("handoff.cluster.expiring", 300);
    /** Handoffs approved on one node and rejected on another at the same moment. */
    static final int CONTESTED = volume("handoff.cluster.contested", 50);
    /** Handoffs in the expiry wave during which a node is killed. */
    static final int EXPIRING_DURING_CRASH = volume("handoff.cluster.expiring-during-crash", 300);

    private Volumes() {
    }

    private static int volume(String property, int fallback) {
        String value = System.getProperty(property, "").trim();
        return value.isEmpty() ? fallback : Integer.parseInt(value);
    }
}
