/** Handoff inside a BPM team's own Camunda engine, exactly as README shows it. */
package dev.handoff.embedding;
