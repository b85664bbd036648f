/**
 * Driving ports: the use cases adapters call (create, find, move, expire handoffs; record and read
 * handoff state; manage and check API keys) and their command records, which validate themselves.
 */
package dev.handoff.domain.port.in;
