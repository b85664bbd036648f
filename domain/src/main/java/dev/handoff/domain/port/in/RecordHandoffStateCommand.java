package dev.handoff.domain.port.in;

import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.TooLarge;
import dev.handoff.domain.model.Violations;

import java.util.Objects;
import java.util.Optional;

/** An agent stores the context of a conversation for the live agent who takes it over. */
public record RecordHandoffStateCommand(Tenant tenant, String conversationId, String sharedId, String data) {

    public RecordHandoffStateCommand {
        Objects.requireNonNull(tenant, "tenant");
        Violations violations = new Violations();
        violations.required("id", conversationId, Limits.IDENTIFIER_MAX);
        violations.optional("shared_id", sharedId, Limits.IDENTIFIER_MAX);
        if (data == null) {
            violations.add("data", "is required");
        } else if (data.length() <= Limits.STATE_DATA_MAX && violations.storable("data", data)) {
            violations.attempt(() -> JsonText.parseObject(data, "data"));
        }
        violations.throwIfAny();
        if (data.length() > Limits.STATE_DATA_MAX) {
            throw new TooLarge("data", Limits.STATE_DATA_MAX);
        }
    }

    public Optional<String> shared() {
        return Optional.ofNullable(sharedId);
    }
}
