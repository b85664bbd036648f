package dev.handoff.domain.model;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Handoffs in any state, as the state machine would have left them. */
public final class HandoffFixtures {

    public static final Tenant TENANT = new Tenant("ACCOUNT-1", "PROJECT-1");
    public static final Instant CREATED = Instant.parse("2026-04-03T10:45:00Z");
    public static final Instant RESPONDED = Instant.parse("2026-04-03T11:02:00Z");

    private HandoffFixtures() {
    }

    public static Handoff aPendingHandoff(boolean requiresApproval) {
        return new Handoff(new HandoffId(UUID.fromString("0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f")), TENANT,
                "analyst-agent", "reviewer-agent", Optional.of("task-9d4e-a1b2"), Optional.empty(),
                "Q4 revenue analysis ready for review", "Analysis is complete.", Optional.empty(), new Priority(1),
                HandoffStatus.PENDING, requiresApproval, Optional.empty(), Optional.empty(), ChainDepth.ROOT, CREATED,
                Optional.empty(), CREATED.plusSeconds(86_400), Handoff.FIRST_VERSION);
    }

    /** A handoff that reached {@code status} the ordinary way. */
    public static Handoff aHandoffIn(HandoffStatus status, boolean requiresApproval) {
        Handoff pending = aPendingHandoff(requiresApproval);
        return switch (status) {
            case PENDING -> pending;
            case ACCEPTED -> pending.approve("reviewer-agent", RESPONDED).handoff();
            case REJECTED -> pending.reject("reviewer-agent", RESPONDED).handoff();
            case EXPIRED -> pending.expire(pending.expiresAt()).orElseThrow().handoff();
            case IN_PROGRESS -> aHandoffIn(HandoffStatus.ACCEPTED, requiresApproval)
                    .start(Optional.empty(), RESPONDED.plusSeconds(60)).handoff();
            case COMPLETED -> aHandoffIn(HandoffStatus.IN_PROGRESS, requiresApproval)
                    .complete(RESPONDED.plusSeconds(120)).handoff();
        };
    }
}
