package dev.handoff.domain.service;

import dev.handoff.domain.fake.CreateCommandBuilder;
import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffEvent.HandoffCreated;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.IdempotencyKeyReused;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.TooLarge;
import dev.handoff.domain.model.Violation;
import dev.handoff.domain.port.in.CreateHandoff.Created;
import dev.handoff.domain.port.in.HandoffStateLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.handoff.domain.fake.CreateCommandBuilder.TENANT;
import static dev.handoff.domain.fake.CreateCommandBuilder.aCreateCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CreateHandoffTest {

    private final InMemoryHandoffWorld world = new InMemoryHandoffWorld();

    private Handoff create(CreateCommandBuilder command) {
        return world.application.createHandoff().create(command.build()).handoff();
    }

    @Test
    void a_new_handoff_is_pending_at_the_root_of_its_chain_with_its_process_and_event() {
        // when
        Handoff handoff = create(aCreateCommand());

        // then
        assertThat(handoff.status()).isEqualTo(HandoffStatus.PENDING);
        assertThat(handoff.chainDepth().value()).isZero();
        assertThat(handoff.createdAt()).isEqualTo(InMemoryHandoffWorld.START);
        assertThat(handoff.id().value().version()).isEqualTo(7);
        assertThat(world.handoffs.find(TENANT, handoff.id())).contains(handoff);
        assertThat(world.process.started()).containsExactly(handoff.id());
        assertThat(world.bus.events()).singleElement().isInstanceOf(HandoffCreated.class);
    }

    @Test
    void priority_defaults_to_2_approval_to_not_required_and_expiry_to_24_hours() {
        // when
        Handoff handoff = create(aCreateCommand().priority(null).requiresApproval(null));

        // then
        assertThat(handoff.priority().value()).isEqualTo(2);
        assertThat(handoff.requiresApproval()).isFalse();
        assertThat(handoff.expiresAt()).isEqualTo(InMemoryHandoffWorld.START.plus(Duration.ofHours(24)));
    }

    @Test
    void the_default_expiry_is_configurable() {
        // given
        InMemoryHandoffWorld hourly = new InMemoryHandoffWorld(new HandoffSettings(Duration.ofHours(1), 10));

        // when
        Handoff handoff = hourly.application.createHandoff().create(aCreateCommand().build()).handoff();

        // then
        assertThat(handoff.expiresAt()).isEqualTo(InMemoryHandoffWorld.START.plus(Duration.ofHours(1)));
    }

    @Test
    void an_expiry_given_by_the_sender_is_kept_but_must_lie_in_the_future() {
        // when
        Handoff handoff = create(aCreateCommand().expiresAt(InMemoryHandoffWorld.START.plusSeconds(90)));

        // then
        assertThat(handoff.expiresAt()).isEqualTo(InMemoryHandoffWorld.START.plusSeconds(90));
        assertThatThrownBy(() -> create(aCreateCommand().expiresAt(InMemoryHandoffWorld.START)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                        .containsExactly(new Violation("expiresAt", "must lie in the future")));
    }

    static Stream<Arguments> invalid_requests() {
        return Stream.of(
                arguments("no sender", op(c -> c.fromProfileId(null)), "fromProfileId", "is required"),
                arguments("no recipient", op(c -> c.toProfileId(null)), "toProfileId", "is required"),
                arguments("blank subject", op(c -> c.subject("  ")), "subject", "must not be blank"),
                arguments("no body", op(c -> c.body(null)), "body", "is required"),
                arguments("subject too long", op(c -> c.subject("s".repeat(Limits.SUBJECT_MAX + 1))), "subject",
                        "must be at most 500 characters, was 501"),
                arguments("body too long", op(c -> c.body("b".repeat(Limits.BODY_MAX + 1))), "body",
                        "must be at most 100000 characters, was 100001"),
                arguments("priority 4", op(c -> c.priority(4)), "priority",
                        "must be an integer from 0 (most urgent) to 3, was 4"),
                arguments("priority -1", op(c -> c.priority(-1)), "priority",
                        "must be an integer from 0 (most urgent) to 3, was -1"),
                arguments("attachments not JSON", op(c -> c.attachments("{charts: 3")), "attachments",
                        "must be a string holding valid JSON"),
                arguments("parent not a UUID", op(c -> c.parentMessageId("hoff-c7a1-b3d4")), "parentMessageId",
                        "must be a UUID such as 0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f"),
                arguments("data without conversation", op(c -> c.conversation(null, null, "{}")), "conversationId",
                        "is required when sharedId or data is given"),
                arguments("conversation without data", op(c -> c.conversation("CONV-1", null, null)), "data",
                        "is required when conversationId is given"),
                arguments("data not an object", op(c -> c.conversation("CONV-1", null, "[1]")), "data",
                        "must be a JSON object"),
                arguments("NUL in the subject", op(c -> c.subject("before\u0000after")), "subject",
                        "must not contain NUL characters or unpaired surrogates"),
                arguments("broken UTF-16 in the body", op(c -> c.body("half a pair \ud83d")), "body",
                        "must not contain NUL characters or unpaired surrogates"),
                arguments("idempotency key with spaces", op(c -> c.idempotencyKey("a b")), "Idempotency-Key",
                        "must be 1 to 255 visible ASCII characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid_requests")
    void an_invalid_request_names_the_offending_field_and_writes_nothing(
            String request, UnaryOperator<CreateCommandBuilder> change, String field,
            String message) {
        assertThatThrownBy(() -> create(change.apply(aCreateCommand())))
                .isInstanceOfSatisfying(InvalidInput.class, invalid ->
                        assertThat(invalid.violations()).containsExactly(new Violation(field, message)));
        assertThat(world.handoffs.size()).isZero();
        assertThat(world.bus.events()).isEmpty();
    }

    @Test
    void every_missing_required_field_is_named_at_once() {
        assertThatThrownBy(() -> create(aCreateCommand().fromProfileId(null).toProfileId(null).subject(null).body(null)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid ->
                        assertThat(invalid.violations()).extracting(Violation::field)
                                .containsExactly("fromProfileId", "toProfileId", "subject", "body"));
    }

    @Test
    void attachments_are_kept_exactly_as_sent() {
        // given
        String attachments = "[ {\"name\": \"chart-1.png\", \"size\": 1.5e3} ]";

        // when
        Handoff handoff = create(aCreateCommand().attachments(attachments));

        // then
        assertThat(handoff.attachments().orElseThrow().text()).isEqualTo(attachments);
    }

    @Test
    void a_child_handoff_is_one_deeper_than_its_parent() {
        // given
        Handoff root = create(aCreateCommand());
        Handoff child = create(aCreateCommand().parentMessageId(root.id().toString()));

        // when
        Handoff grandchild = create(aCreateCommand().parentMessageId(child.id().toString()));

        // then
        assertThat(child.chainDepth().value()).isEqualTo(1);
        assertThat(grandchild.chainDepth().value()).isEqualTo(2);
        assertThat(grandchild.parentMessageId()).contains(child.id());
    }

    @Test
    void the_parent_must_exist_in_the_same_tenant() {
        // given
        Handoff elsewhere = create(aCreateCommand().tenant(new Tenant("ACCOUNT-2", "PROJECT-1")));

        // when / then
        assertThatThrownBy(() -> create(aCreateCommand().parentMessageId(elsewhere.id().toString())))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                        .singleElement().extracting(Violation::field).isEqualTo("parentMessageId"));
    }

    @Test
    void a_chain_deeper_than_the_maximum_is_refused_with_a_message_that_says_so() {
        // given
        InMemoryHandoffWorld shallow = new InMemoryHandoffWorld(new HandoffSettings(Duration.ofHours(24), 2));
        Handoff parent = shallow.application.createHandoff().create(aCreateCommand().build()).handoff();
        for (int depth = 1; depth <= 2; depth++) {
            parent = shallow.application.createHandoff()
                    .create(aCreateCommand().parentMessageId(parent.id().toString()).build()).handoff();
        }
        String deepest = parent.id().toString();

        // when / then
        assertThatThrownBy(() -> shallow.application.createHandoff()
                .create(aCreateCommand().parentMessageId(deepest).build()))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("parentMessageId would make the chain 3 deep, over the maximum depth of 2");
        assertThat(shallow.handoffs.size()).isEqualTo(3);
    }

    @Test
    void conversation_fields_store_the_handoff_state_in_the_same_step() {
        // when
        create(aCreateCommand().conversation("CONV-1234567890", "crm-42", "{\"reason\":\"billing\"}"));

        // then
        assertThat(world.application.readHandoffState()
                .read(TENANT, HandoffStateLookup.bySharedId("crm-42")).data().text())
                .isEqualTo("{\"reason\":\"billing\"}");
    }

    @Test
    void oversized_handoff_state_data_is_too_large() {
        String huge = "{\"blob\":\"" + "x".repeat(Limits.STATE_DATA_MAX) + "\"}";
        assertThatThrownBy(() -> create(aCreateCommand().conversation("CONV-1", null, huge)))
                .isInstanceOf(TooLarge.class);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_and_body_returns_the_first_handoff() {
        // given
        Created first = world.application.createHandoff().create(aCreateCommand().idempotencyKey("retry-1").build());

        // when
        Created retry = world.application.createHandoff().create(aCreateCommand().idempotencyKey("retry-1").build());

        // then
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.handoff()).isEqualTo(first.handoff());
        assertThat(world.handoffs.size()).isEqualTo(1);
        assertThat(world.process.started()).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused() {
        // given
        world.application.createHandoff().create(aCreateCommand().idempotencyKey("retry-1").build());

        // when / then
        assertThatThrownBy(() -> world.application.createHandoff()
                .create(aCreateCommand().idempotencyKey("retry-1").subject("something else").build()))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(world.handoffs.size()).isEqualTo(1);
    }

    @Test
    void an_idempotency_key_is_forgotten_after_24_hours() {
        // given
        world.application.createHandoff().create(aCreateCommand().idempotencyKey("retry-1").build());
        world.clock.advance(Duration.ofHours(24));

        // when
        Created later = world.application.createHandoff()
                .create(aCreateCommand().idempotencyKey("retry-1").subject("a new request").build());

        // then
        assertThat(later.replayed()).isFalse();
        assertThat(world.handoffs.size()).isEqualTo(2);
    }

    @Test
    void when_the_process_cannot_start_nothing_is_written() {
        // given
        world.process.failWith(new IllegalStateException("engine down"));

        // when / then
        assertThatThrownBy(() -> create(aCreateCommand().conversation("CONV-1", null, "{}").idempotencyKey("k")))
                .hasMessage("engine down");
        assertThat(world.handoffs.size()).isZero();
        assertThat(world.handoffStates.size()).isZero();
        assertThat(world.bus.events()).isEmpty();
    }

    private static UnaryOperator<CreateCommandBuilder> op(
            UnaryOperator<CreateCommandBuilder> change) {
        return change;
    }
}
