package dev.handoff.domain.service;

import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.TooLarge;
import dev.handoff.domain.port.in.HandoffStateLookup;
import dev.handoff.domain.port.in.RecordHandoffStateCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.handoff.domain.fake.CreateCommandBuilder.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoffStateTest {

    private final InMemoryHandoffWorld world = new InMemoryHandoffWorld();

    private HandoffState record(String id, String sharedId, String data) {
        world.clock.advance(Duration.ofSeconds(1));
        return world.application.recordHandoffState().record(new RecordHandoffStateCommand(TENANT, id, sharedId, data));
    }

    private HandoffState read(HandoffStateLookup lookup) {
        return world.application.readHandoffState().read(TENANT, lookup);
    }

    @Test
    void the_state_is_read_back_exactly_as_stored_by_id_and_by_shared_id() {
        // given
        String data = "{ \"customer_id\": \"C-77\", \"reason\": \"billing\" }";
        record("CONV-1234567890", "crm-42", data);

        // when / then
        assertThat(read(HandoffStateLookup.byConversationId("CONV-1234567890")).data().text()).isEqualTo(data);
        assertThat(read(HandoffStateLookup.bySharedId("crm-42")).conversationId()).isEqualTo("CONV-1234567890");
    }

    @Test
    void the_latest_write_for_a_conversation_wins() {
        // given
        record("CONV-1", null, "{\"step\":1}");
        record("CONV-1", null, "{\"step\":2}");

        // when / then
        assertThat(read(HandoffStateLookup.byConversationId("CONV-1")).data().text()).isEqualTo("{\"step\":2}");
    }

    @Test
    void the_shared_id_wins_when_both_are_given() {
        // given
        record("CONV-1", null, "{\"which\":\"by id\"}");
        record("CONV-2", "crm-42", "{\"which\":\"by shared id\"}");

        // when
        HandoffState state = read(new HandoffStateLookup(Optional.of("CONV-1"), Optional.of("crm-42")));

        // then
        assertThat(state.data().text()).isEqualTo("{\"which\":\"by shared id\"}");
    }

    @Test
    void neither_id_nor_shared_id_is_invalid() {
        assertThatThrownBy(() -> new HandoffStateLookup(Optional.empty(), Optional.of(" ")))
                .isInstanceOf(InvalidInput.class).hasMessage("id or shared_id is required");
    }

    @Test
    void unknown_ids_and_other_tenants_are_not_found() {
        // given
        record("CONV-1", "crm-42", "{}");

        // when / then
        assertThatThrownBy(() -> read(HandoffStateLookup.byConversationId("CONV-2"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.application.readHandoffState()
                .read(new Tenant("ACCOUNT-2", "PROJECT-1"), HandoffStateLookup.bySharedId("crm-42")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void data_must_be_a_json_object_within_the_size_limit() {
        assertThatThrownBy(() -> record("CONV-1", null, "\"just a string\""))
                .isInstanceOf(InvalidInput.class).hasMessage("data must be a JSON object");
        assertThatThrownBy(() -> record("CONV-1", null, null))
                .isInstanceOf(InvalidInput.class).hasMessage("data is required");
        assertThatThrownBy(() -> record("CONV-1", null, "{\"x\":\"" + "y".repeat(Limits.STATE_DATA_MAX) + "\"}"))
                .isInstanceOf(TooLarge.class);
        assertThatThrownBy(() -> record("CONV-1", null, "{\"text\":\"half a pair \ud83d\"}"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("data must not contain NUL characters or unpaired surrogates");
        assertThat(world.handoffStates.size()).isZero();
    }
}
