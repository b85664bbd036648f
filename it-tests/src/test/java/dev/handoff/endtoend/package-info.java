/**
 * The product from outside: real {@code bin/handoff} processes on real databases, driven over HTTP,
 * stopped gracefully or killed, and their databases read back with plain JDBC.
 */
package dev.handoff.endtoend;
