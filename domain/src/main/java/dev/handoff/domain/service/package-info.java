/**
 * The use-case implementations, package-private, assembled by {@link dev.handoff.domain.service.HandoffApplication}
 * from {@link dev.handoff.domain.service.Ports} and {@link dev.handoff.domain.service.HandoffSettings}.
 * Each runs in one transaction and publishes one event per transition.
 */
package dev.handoff.domain.service;
