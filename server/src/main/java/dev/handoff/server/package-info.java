/**
 * The composition root: reads the configuration, wires persistence, the workflow plugin and the REST
 * application around the domain's use cases, and runs them as one node ({@code HandoffNode}) behind
 * {@code bin/handoff}. {@code HandoffEmbedding} is the entry point for BPM teams with an engine of
 * their own. The only package allowed to know more than one adapter.
 */
package dev.handoff.server;
