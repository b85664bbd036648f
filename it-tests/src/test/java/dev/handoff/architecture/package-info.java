/** The hexagon's boundaries as ArchUnit rules, and the proof that each rule bites. */
package dev.handoff.architecture;
