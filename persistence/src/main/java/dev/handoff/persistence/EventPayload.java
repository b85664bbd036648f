package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffEvent.HandoffApproved;
import dev.handoff.domain.model.HandoffEvent.HandoffCreated;
import dev.handoff.domain.model.HandoffEvent.HandoffRejected;
import dev.handoff.domain.model.HandoffEvent.HandoffStarted;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON payload of an outbox row: what the event says beyond the row's own columns (handoff,
 * tenant, type, time). Built by hand: a few flat fields do not justify a JSON library here.
 */
final class EventPayload {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder json = new StringBuilder("{");

    private EventPayload() {
    }

    static String of(HandoffEvent event) {
        EventPayload payload = new EventPayload();
        if (event instanceof HandoffCreated created) {
            payload.text("fromProfileId", created.fromProfileId())
                    .text("toProfileId", created.toProfileId())
                    .literal("requiresApproval", String.valueOf(created.requiresApproval()))
                    .text("expiresAt", UTC_MILLIS.format(created.expiresAt()));
        } else if (event instanceof HandoffApproved approved) {
            payload.text("approvedBy", approved.approvedBy());
        } else if (event instanceof HandoffRejected rejected) {
            payload.text("approvedBy", rejected.approvedBy());
        } else if (event instanceof HandoffStarted started) {
            payload.literal("implicitlyAccepted", String.valueOf(started.implicitlyAccepted()));
        }
        // completed and expired say nothing beyond their type and time
        return payload.json.append('}').toString();
    }

    private EventPayload text(String name, String value) {
        return literal(name, quoted(value));
    }

    private EventPayload literal(String name, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append(quoted(name)).append(':').append(value);
        return this;
    }

    /** A JSON string (RFC 8259, section 7): quotes, backslashes and control characters escaped. */
    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
