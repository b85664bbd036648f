package dev.handoff.bench.peer;

import java.time.Instant;
import java.util.UUID;

/** One row of the floor's table: the columns a handoff needs, nothing that a workflow adds. */
record FloorHandoff(UUID id, String accountId, String projectId, String fromProfileId, String toProfileId,
                    String fromTaskId, String subject, String body, String status, boolean requiresApproval,
                    Instant createdAt, Instant expiresAt) {
}
