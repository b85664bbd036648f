package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffEvent.HandoffApproved;
import dev.handoff.domain.model.HandoffEvent.HandoffCompleted;
import dev.handoff.domain.model.HandoffEvent.HandoffCreated;
import dev.handoff.domain.model.HandoffEvent.HandoffExpired;
import dev.handoff.domain.model.HandoffEvent.HandoffRejected;
import dev.handoff.domain.model.HandoffEvent.HandoffStarted;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.Tenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox payload: what each event says beyond its columns, as valid JSON. */
class EventPayloadTest {

    private static final HandoffId ID = new HandoffId(UUID.fromString("0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f"));
    private static final Tenant TENANT = new Tenant("acme", "support");
    private static final Instant AT = Instant.parse("2026-04-03T10:45:00.120Z");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new HandoffCreated(ID, TENANT, "sales", "support", true, AT.plusSeconds(86_400), AT),
                        "{\"fromProfileId\":\"sales\",\"toProfileId\":\"support\",\"requiresApproval\":true,"
                                + "\"expiresAt\":\"2026-04-04T10:45:00.120Z\"}"),
                Arguments.of(new HandoffApproved(ID, TENANT, "user", AT), "{\"approvedBy\":\"user\"}"),
                Arguments.of(new HandoffRejected(ID, TENANT, "say \"no\"\\\n", AT),
                        "{\"approvedBy\":\"say \\\"no\\\"\\\\\\u000a\"}"),
                Arguments.of(new HandoffStarted(ID, TENANT, false, AT), "{\"implicitlyAccepted\":false}"),
                Arguments.of(new HandoffCompleted(ID, TENANT, AT), "{}"),
                Arguments.of(new HandoffExpired(ID, TENANT, AT), "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void each_event_has_a_small_json_object_for_a_payload(HandoffEvent event, String payload) {
        // when
        String json = EventPayload.of(event);

        // then
        assertThat(json).isEqualTo(payload);
        assertThat(new JsonText(json).isObject()).isTrue();
    }
}
