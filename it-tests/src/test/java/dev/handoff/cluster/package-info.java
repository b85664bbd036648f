/**
 * Several Handoff nodes on one PostgreSQL database, the way the product scales out: three
 * {@code bin/handoff serve} processes on loopback share one fresh database, and the tests check in
 * that database, with plain JDBC, that timers fire exactly once whichever node takes them, that
 * racing decisions on different nodes end in one outcome, and that a node killed with SIGKILL
 * loses nothing it acknowledged and leaves its timers to the others. Their volumes come from
 * {@link dev.handoff.cluster.Volumes}: small by default, CI's heavy ones in the
 * {@code cluster-heavy} Maven profile.
 */
package dev.handoff.cluster;
