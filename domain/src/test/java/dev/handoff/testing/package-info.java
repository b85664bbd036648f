/** Test support shared by every module through the domain's test-jar: a fresh PostgreSQL database per run. */
package dev.handoff.testing;
