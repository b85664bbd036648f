package dev.handoff.persistence;

import dev.handoff.domain.fake.RecordingHandoffProcess;
import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.in.CreateHandoffCommand;
import dev.handoff.domain.port.in.HandoffAction;
import dev.handoff.domain.port.in.MoveHandoffCommand;
import dev.handoff.domain.port.out.IdempotencyKeys;
import dev.handoff.domain.service.HandoffApplication;
import dev.handoff.domain.service.HandoffSettings;
import dev.handoff.domain.service.Ports;
import dev.handoff.domain.service.UuidV7Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static dev.handoff.persistence.Fixtures.NOON;
import static dev.handoff.persistence.Fixtures.aGatedHandoff;
import static dev.handoff.persistence.Fixtures.aPendingHandoff;
import static dev.handoff.persistence.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every database behind {@link HandoffPersistence} must do: the repository ports' contracts,
 * tenant isolation, optimistic locking under real threads, and units of work that commit or roll
 * back everything together. Run once per database kind (see {@link RepositoryContractTest}).
 *
 * <p>Writes and reads happen in separate units of work, as they do in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {

    private static final Duration RACE_TIMEOUT = Duration.ofSeconds(30);

    HandoffPersistence persistence;
    /** Why the database could not be created (PostgreSQL not answering locally); null when it was. */
    private String unavailable;

    /** The database to run against, freshly created; aborts (skips) when it cannot be. */
    abstract PersistenceSettings createDatabase();

    abstract void dropDatabase();

    @BeforeAll
    void open_the_database_with_a_table_standing_for_the_engine() throws SQLException {
        try {
            persistence = HandoffPersistence.open(createDatabase());
        } catch (TestAbortedException skipped) {
            unavailable = skipped.getMessage();
            return;
        }
        try (Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE engine_probe (handoff_id VARCHAR(36) PRIMARY KEY)");
        }
    }

    /** Each test shows as skipped, rather than the whole class silently vanishing from the counts. */
    @BeforeEach
    void skip_when_the_database_is_unavailable() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @AfterAll
    void close_and_drop_the_database() {
        try {
            if (persistence != null) {
                persistence.close();
            }
        } finally {
            dropDatabase();
        }
    }

    // ---------------------------------------------------------------- handoffs

    static Stream<Arguments> handoffs_of_every_shape() {
        return Stream.of(
                Arguments.of("only the required fields", (Function<Tenant, Handoff>) Fixtures::aPendingHandoff),
                Arguments.of("every optional field, non-ASCII text, a 100,000-character body",
                        (Function<Tenant, Handoff>) Fixtures::aHandoffWithEverything));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoffs_of_every_shape")
    void a_handoff_reads_back_exactly_as_it_was_added(String shape, Function<Tenant, Handoff> fixture) {
        // given
        Handoff handoff = fixture.apply(aTenant());

        // when
        inUnit(() -> persistence.handoffs().add(handoff));

        // then
        assertThat(inUnit(() -> persistence.handoffs().find(handoff.tenant(), handoff.id()))).contains(handoff);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoffs_of_every_shape")
    void a_handoff_is_listed_exactly_as_it_was_added(String shape, Function<Tenant, Handoff> fixture) {
        // given
        Handoff handoff = fixture.apply(aTenant());

        // when
        inUnit(() -> persistence.handoffs().add(handoff));

        // then
        assertThat(inUnit(() -> persistence.handoffs().list(handoff.tenant(), HandoffFilter.ALL, 100)))
                .containsExactly(handoff);
    }

    @Test
    void the_list_sees_what_its_own_unit_of_work_added_before_the_commit() {
        // given
        Handoff handoff = aPendingHandoff(aTenant());

        // when
        List<Handoff> listed = inUnit(() -> {
            persistence.handoffs().add(handoff);
            return persistence.handoffs().list(handoff.tenant(), HandoffFilter.ALL, 100);
        });

        // then
        assertThat(listed).containsExactly(handoff);
    }

    @Test
    void instants_are_kept_to_the_millisecond() {
        // given
        Instant withMicros = Instant.parse("2026-04-03T12:00:00.123456Z");
        Handoff handoff = aPendingHandoff(aTenant(), withMicros);

        // when
        inUnit(() -> persistence.handoffs().add(handoff));

        // then
        Handoff stored = inUnit(() -> persistence.handoffs().find(handoff.tenant(), handoff.id())).orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-04-03T12:00:00.123Z"));
    }

    @Test
    void an_update_stores_the_next_version() {
        // given
        Handoff pending = stored(aGatedHandoff(aTenant(), "support-agent", NOON));
        Handoff approved = pending.approve("alice", NOON.plusSeconds(60)).handoff();

        // when
        inUnit(() -> persistence.handoffs().update(approved));

        // then
        Handoff stored = inUnit(() -> persistence.handoffs().find(pending.tenant(), pending.id())).orElseThrow();
        assertThat(stored).isEqualTo(approved);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void successive_updates_in_one_unit_of_work_each_store_the_next_version() {
        // given
        Handoff pending = stored(aGatedHandoff(aTenant(), "support-agent", NOON));
        Handoff accepted = pending.approve("alice", NOON.plusSeconds(60)).handoff();
        Handoff started = accepted.start(Optional.of("task-7"), NOON.plusSeconds(120)).handoff();

        // when
        inUnit(() -> {
            persistence.handoffs().update(accepted);
            persistence.handoffs().update(started);
        });

        // then
        Handoff stored = inUnit(() -> persistence.handoffs().find(pending.tenant(), pending.id())).orElseThrow();
        assertThat(stored).isEqualTo(started);
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void an_update_made_from_a_stale_version_is_a_conflict_and_keeps_what_was_stored() {
        // given
        Handoff pending = stored(aGatedHandoff(aTenant(), "support-agent", NOON));
        Handoff approved = pending.approve("alice", NOON.plusSeconds(60)).handoff();
        inUnit(() -> persistence.handoffs().update(approved));

        // when
        Handoff rejectedFromStaleCopy = pending.reject("bob", NOON.plusSeconds(61)).handoff();

        // then
        assertThatThrownBy(() -> inUnit(() -> persistence.handoffs().update(rejectedFromStaleCopy)))
                .isInstanceOf(Conflict.class)
                .hasMessage(Conflict.concurrentUpdate(pending.id()).getMessage());
        assertThat(inUnit(() -> persistence.handoffs().find(pending.tenant(), pending.id()))).contains(approved);
    }

    @RepeatedTest(value = 5, name = "race {currentRepetition} of {totalRepetitions}")
    void of_two_concurrent_updates_of_one_handoff_one_wins_and_the_other_is_a_conflict() throws Exception {
        // given
        Handoff pending = stored(aGatedHandoff(aTenant(), "support-agent", NOON));
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);

        // when: each thread reads version 1, waits for the other to have read it too, then writes
        List<Outcome> outcomes = race(
                () -> decide(pending, read -> read.approve("alice", NOON.plusSeconds(1)), bothHaveRead),
                () -> decide(pending, read -> read.reject("bob", NOON.plusSeconds(1)), bothHaveRead));

        // then
        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won())
                .singleElement().satisfies(lost -> assertThat(lost.failure()).isInstanceOf(Conflict.class));
        Handoff winner = outcomes.stream().filter(Outcome::won).findFirst().orElseThrow().handoff();
        assertThat(inUnit(() -> persistence.handoffs().find(pending.tenant(), pending.id()))).contains(winner);
    }

    @Test
    void units_updating_two_handoffs_in_opposite_orders_end_with_one_conflict_rather_than_a_deadlock()
            throws Exception {
        // given
        Tenant tenant = aTenant();
        Handoff first = stored(aGatedHandoff(tenant, "support-agent", NOON));
        Handoff second = stored(aGatedHandoff(tenant, "support-agent", NOON));
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);

        // when: each locks one row, then reaches for the other's
        List<Outcome> outcomes = race(
                () -> approveBoth(first, second, "alice", bothHoldOne),
                () -> approveBoth(second, first, "bob", bothHoldOne));

        // then
        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won())
                .singleElement().satisfies(lost -> assertThat(lost.failure()).isInstanceOf(Conflict.class));
        String winner = outcomes.stream().filter(Outcome::won).findFirst().orElseThrow().handoff().approvedBy()
                .orElseThrow();
        assertThat(Stream.of(first, second).map(handoff -> inUnit(() -> persistence.handoffs()
                .find(tenant, handoff.id())).orElseThrow().approvedBy().orElseThrow())).containsOnly(winner);
    }

    @Test
    void the_list_is_newest_first_and_stops_at_the_limit() {
        // given
        Tenant tenant = aTenant();
        List<Handoff> oldestFirst = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            oldestFirst.add(stored(aPendingHandoff(tenant, NOON.plusSeconds(60L * minute))));
        }

        // when
        List<Handoff> listed = inUnit(() -> persistence.handoffs().list(tenant, HandoffFilter.ALL, 3));

        // then
        assertThat(listed).containsExactly(oldestFirst.get(4), oldestFirst.get(3), oldestFirst.get(2));
    }

    @Test
    void handoffs_created_in_the_same_millisecond_are_listed_by_id_descending() {
        // given
        Tenant tenant = aTenant();
        List<Handoff> sameMillisecond = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sameMillisecond.add(stored(aPendingHandoff(tenant, NOON)));
        }

        // when
        List<Handoff> listed = inUnit(() -> persistence.handoffs().list(tenant, HandoffFilter.ALL, 100));

        // then: the domain's order of ids, newest first
        assertThat(listed).extracting(Handoff::id)
                .containsExactlyElementsOf(sameMillisecond.stream().map(Handoff::id).sorted((a, b) -> b.compareTo(a))
                        .toList());
    }

    /** Subjects of the expected handoffs, newest first. */
    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("no filter", HandoffFilter.ALL,
                        List.of("bob-accepted", "bob-pending", "alice-accepted", "alice-pending")),
                Arguments.of("status", filter(HandoffStatus.PENDING, null), List.of("bob-pending", "alice-pending")),
                Arguments.of("recipient", filter(null, "alice"), List.of("alice-accepted", "alice-pending")),
                Arguments.of("status and recipient", filter(HandoffStatus.ACCEPTED, "bob"), List.of("bob-accepted")),
                Arguments.of("nothing matches", filter(HandoffStatus.EXPIRED, "alice"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void the_list_filters_by_status_and_recipient(String description, HandoffFilter filter, List<String> expected) {
        // given: a minute apart, alice-pending, alice-accepted, bob-pending, bob-accepted (subjects name them)
        Tenant tenant = aTenant();
        int minute = 0;
        for (String recipient : List.of("alice", "bob")) {
            for (boolean accepted : List.of(false, true)) {
                Handoff pending = aGatedHandoff(tenant, recipient, NOON.plusSeconds(60L * minute++));
                Handoff handoff = accepted ? pending.approve("carol", NOON.plusSeconds(3600)).handoff() : pending;
                stored(withSubject(handoff, recipient + (accepted ? "-accepted" : "-pending")));
            }
        }

        // when
        List<Handoff> listed = inUnit(() -> persistence.handoffs().list(tenant, filter, 100));

        // then
        assertThat(listed).extracting(Handoff::subject).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> writes_with_a_nul_character() {
        return Stream.of(
                Arguments.of("body", (ThrowingConsumer<HandoffPersistence>) persistence -> {
                    Handoff h = aPendingHandoff(aTenant());
                    persistence.handoffs().add(new Handoff(h.id(), h.tenant(), h.fromProfileId(), h.toProfileId(),
                            h.sourceTaskId(), h.targetTaskId(), h.subject(), "before\u0000after", h.attachments(),
                            h.priority(), h.status(), h.requiresApproval(), h.approvedBy(), h.parentMessageId(),
                            h.chainDepth(), h.createdAt(), h.respondedAt(), h.expiresAt(), h.version()));
                }),
                Arguments.of("approvedBy", (ThrowingConsumer<HandoffPersistence>) persistence -> {
                    Handoff pending = aGatedHandoff(aTenant(), "support-agent", NOON);
                    persistence.handoffs().add(pending);
                    persistence.handoffs().update(pending.approve("ali\u0000ce", NOON).handoff());
                }),
                Arguments.of("conversationId", (ThrowingConsumer<HandoffPersistence>) persistence ->
                        persistence.handoffStates().put(state(aTenant(), "conversation\u0000", null, "{}", NOON))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes_with_a_nul_character")
    void text_with_a_nul_character_is_invalid_input_on_every_database(String field,
                                                                       ThrowingConsumer<HandoffPersistence> write) {
        assertThatThrownBy(() -> inUnit(() -> {
            try {
                write.accept(persistence);
            } catch (RuntimeException failure) {
                throw failure;
            } catch (Throwable unexpected) {
                throw new IllegalStateException(unexpected);
            }
        })).isInstanceOf(InvalidInput.class).hasMessageContaining(field);
    }

    @Test
    void lookups_for_text_with_a_nul_character_find_nothing() {
        // given
        Tenant tenant = aTenant();
        String withNul = "agent\u0000";

        // when / then
        assertThat(inUnit(() -> persistence.handoffs().list(tenant, filter(null, withNul), 100))).isEmpty();
        assertThat(inUnit(() -> persistence.handoffStates().byConversationId(tenant, withNul))).isEmpty();
        assertThat(inUnit(() -> persistence.handoffStates().bySharedId(tenant, withNul))).isEmpty();
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(tenant, withNul))).isEmpty();
        assertThat(inUnit(() -> persistence.handoffs().find(new Tenant(withNul, "project"), Fixtures.anId())))
                .isEmpty();
    }

    // ---------------------------------------------------------------- tenant isolation

    static Stream<Arguments> other_tenants() {
        return Stream.of(
                Arguments.of("another account, same project name",
                        (UnaryOperator<Tenant>) ours -> new Tenant("other-" + ours.accountId(), ours.projectId())),
                Arguments.of("same account, another project",
                        (UnaryOperator<Tenant>) ours -> new Tenant(ours.accountId(), "other-" + ours.projectId())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("other_tenants")
    void another_tenant_can_neither_read_nor_list_nor_update_a_handoff(String description,
                                                                        UnaryOperator<Tenant> other) {
        // given
        Handoff ours = stored(aGatedHandoff(aTenant(), "support-agent", NOON));
        Tenant theirs = other.apply(ours.tenant());
        Handoff theirCopy = new Handoff(ours.id(), theirs, ours.fromProfileId(), ours.toProfileId(),
                ours.sourceTaskId(), ours.targetTaskId(), ours.subject(), ours.body(), ours.attachments(),
                ours.priority(), ours.status(), ours.requiresApproval(), ours.approvedBy(), ours.parentMessageId(),
                ours.chainDepth(), ours.createdAt(), ours.respondedAt(), ours.expiresAt(), ours.version());

        // when / then
        assertThat(inUnit(() -> persistence.handoffs().find(theirs, ours.id()))).isEmpty();
        assertThat(inUnit(() -> persistence.handoffs().list(theirs, HandoffFilter.ALL, 100))).isEmpty();
        assertThatThrownBy(() -> inUnit(() -> persistence.handoffs().update(
                theirCopy.approve("mallory", NOON.plusSeconds(1)).handoff()))).isInstanceOf(Conflict.class);
        assertThat(inUnit(() -> persistence.handoffs().find(ours.tenant(), ours.id()))).contains(ours);
    }

    @Test
    void another_tenant_sees_neither_handoff_state_nor_idempotency_keys() {
        // given
        Tenant ours = aTenant();
        Tenant theirs = new Tenant(ours.accountId(), "project-2");
        Handoff handoff = stored(aPendingHandoff(ours));
        inUnit(() -> {
            persistence.handoffStates().put(state(ours, "conversation-1", "shared-1", "{\"step\":1}", NOON));
            persistence.idempotencyKeys().put(new IdempotencyKeys.Entry(ours, "key-1", "f".repeat(64), handoff.id(),
                    NOON));
        });

        // when / then
        assertThat(inUnit(() -> persistence.handoffStates().byConversationId(theirs, "conversation-1"))).isEmpty();
        assertThat(inUnit(() -> persistence.handoffStates().bySharedId(theirs, "shared-1"))).isEmpty();
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(theirs, "key-1"))).isEmpty();
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(ours, "key-1"))).isPresent();
    }

    // ---------------------------------------------------------------- handoff state

    @Test
    void the_latest_state_written_for_a_conversation_wins() {
        // given
        Tenant tenant = aTenant();
        HandoffState first = state(tenant, "conversation-1", "shared-1", "{\"step\":1}", NOON);
        HandoffState second = state(tenant, "conversation-1", null, "{\"step\":2,\"note\":\"ünïcode\"}", NOON);

        // when
        inUnit(() -> persistence.handoffStates().put(first));
        inUnit(() -> persistence.handoffStates().put(second));

        // then: written in the same millisecond, still the later write
        assertThat(inUnit(() -> persistence.handoffStates().byConversationId(tenant, "conversation-1")))
                .contains(second);
    }

    @Test
    void a_shared_id_finds_the_latest_state_that_carries_it() {
        // given
        Tenant tenant = aTenant();
        HandoffState older = state(tenant, "conversation-1", "shared-1", "{\"from\":\"chat\"}", NOON);
        HandoffState newer = state(tenant, "conversation-2", "shared-1", "{\"from\":\"voice\"}", NOON.plusSeconds(1));
        HandoffState unrelated = state(tenant, "conversation-3", "shared-2", "{}", NOON.plusSeconds(2));

        // when
        inUnit(() -> {
            persistence.handoffStates().put(older);
            persistence.handoffStates().put(newer);
            persistence.handoffStates().put(unrelated);
        });

        // then
        assertThat(inUnit(() -> persistence.handoffStates().bySharedId(tenant, "shared-1"))).contains(newer);
        assertThat(inUnit(() -> persistence.handoffStates().bySharedId(tenant, "shared-3"))).isEmpty();
    }

    // ---------------------------------------------------------------- API keys and idempotency keys

    @Test
    void an_api_key_is_stored_with_its_hash_and_scopes_and_its_revocation_is_kept() throws SQLException {
        // given
        String keyId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ApiKey key = new ApiKey(new ApiKeyId(keyId), aTenant(), "eu-1",
                EnumSet.of(Scope.HANDOFFS_READ, Scope.STATE_WRITE), ApiKey.hash("not-a-real-secret"), NOON,
                Optional.empty());
        inUnit(() -> persistence.apiKeys().save(key));

        // when
        ApiKey revoked = key.revoke(NOON.plusSeconds(60));
        inUnit(() -> persistence.apiKeys().save(revoked));

        // then
        assertThat(inUnit(() -> persistence.apiKeys().find(key.id()))).contains(revoked);
        assertThat(inUnit(() -> persistence.apiKeys().all())).contains(revoked);
        assertThat(columnValues("SELECT * FROM api_key WHERE id = ?", key.id().value()))
                .doesNotContain("not-a-real-secret").contains(ApiKey.hash("not-a-real-secret"));
    }

    @Test
    void an_idempotency_key_points_at_its_latest_entry() {
        // given
        Tenant tenant = aTenant();
        IdempotencyKeys.Entry expired = new IdempotencyKeys.Entry(tenant, "retry-me", "a".repeat(64), Fixtures.anId(),
                NOON);
        IdempotencyKeys.Entry renewed = new IdempotencyKeys.Entry(tenant, "retry-me", "b".repeat(64),
                Fixtures.anId(), NOON.plus(Duration.ofDays(2)));
        inUnit(() -> persistence.idempotencyKeys().put(expired));

        // when
        inUnit(() -> persistence.idempotencyKeys().put(renewed));

        // then
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(tenant, "retry-me"))).contains(renewed);
    }

    @Test
    void idempotency_keys_recorded_before_a_cutoff_are_forgotten_oldest_first_across_tenants() {
        // given: long before the entries of the other tests, so that theirs are never forgotten here
        Instant longAgo = Instant.parse("2001-02-03T04:05:06.789Z");
        Tenant one = aTenant();
        Tenant other = aTenant();
        Function<Integer, IdempotencyKeys.Entry> recordedAt = seconds -> new IdempotencyKeys.Entry(
                seconds % 2 == 0 ? one : other, "key-" + seconds, "f".repeat(64), Fixtures.anId(),
                longAgo.plusSeconds(seconds));
        List<IdempotencyKeys.Entry> entries = List.of(recordedAt.apply(3), recordedAt.apply(0),
                recordedAt.apply(2), recordedAt.apply(1), recordedAt.apply(10));
        entries.forEach(entry -> inUnit(() -> persistence.idempotencyKeys().put(entry)));
        Instant cutoff = longAgo.plusSeconds(5);

        // when
        int firstBatch = inUnit(() -> persistence.idempotencyKeys().forgetRecordedBefore(cutoff, 2));

        // then
        assertThat(firstBatch).isEqualTo(2);
        assertThat(entries).filteredOn(entry -> inUnit(() -> persistence.idempotencyKeys()
                        .find(entry.tenant(), entry.key())).isPresent())
                .extracting(IdempotencyKeys.Entry::key).containsExactlyInAnyOrder("key-3", "key-2", "key-10");
        assertThat(inUnit(() -> persistence.idempotencyKeys().forgetRecordedBefore(cutoff, 100))).isEqualTo(2);
        assertThat(inUnit(() -> persistence.idempotencyKeys().forgetRecordedBefore(cutoff, 100))).isZero();
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(one, "key-10"))).isPresent();
    }

    @Test
    void two_requests_racing_with_one_new_idempotency_key_leave_one_entry_and_a_conflict() throws Exception {
        // given
        Tenant tenant = aTenant();
        CyclicBarrier bothHaveLookedUp = new CyclicBarrier(2);
        Function<String, Callable<Outcome>> claim = fingerprint -> () -> attempt(() -> {
            IdempotencyKeys.Entry entry = new IdempotencyKeys.Entry(tenant, "same-key", fingerprint,
                    Fixtures.anId(), NOON);
            persistence.idempotencyKeys().put(entry);
            await(bothHaveLookedUp);
            return null;
        });

        // when
        List<Outcome> outcomes = race(claim.apply("a".repeat(64)), claim.apply("b".repeat(64)));

        // then
        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won())
                .singleElement().satisfies(lost -> assertThat(lost.failure()).isInstanceOf(Conflict.class));
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(tenant, "same-key"))).isPresent();
    }

    // ---------------------------------------------------------------- the outbox

    @Test
    void every_published_event_becomes_one_outbox_row_with_a_json_payload() throws SQLException {
        // given
        Tenant tenant = aTenant();
        Transition creation = Fixtures.aGatedCreation(tenant, "support \"desk\"", NOON);
        Handoff pending = creation.handoff();
        Transition approval = pending.approve("alice", NOON.plusSeconds(5));

        // when
        inUnit(() -> {
            persistence.handoffs().add(pending);
            persistence.bus().publish(creation.event());
        });
        inUnit(() -> {
            persistence.handoffs().update(approval.handoff());
            persistence.bus().publish(approval.event());
        });

        // then
        assertThat(persistence.eventTypes(tenant, pending.id())).containsExactly("handoff.created", "handoff.approved");
        assertThat(columnValues("SELECT payload FROM handoff_event WHERE handoff_id = ? ORDER BY id",
                pending.id().value())).containsExactly(
                "{\"fromProfileId\":\"sales-agent\",\"toProfileId\":\"support \\\"desk\\\"\","
                        + "\"requiresApproval\":true,\"expiresAt\":\"2026-04-04T12:00:00.000Z\"}",
                "{\"approvedBy\":\"alice\"}");
        assertThat(persistence.eventTypes(aTenant(), pending.id())).isEmpty();
    }

    // ---------------------------------------------------------------- units of work

    @Test
    void a_unit_of_work_that_throws_leaves_nothing_behind() throws SQLException {
        // given
        Tenant tenant = aTenant();
        Handoff handoff = aPendingHandoff(tenant);

        // when
        assertThatThrownBy(() -> inUnit(() -> {
            persistence.handoffs().add(handoff);
            persistence.handoffStates().put(state(tenant, "conversation-1", "shared-1", "{}", NOON));
            persistence.idempotencyKeys().put(new IdempotencyKeys.Entry(tenant, "key-1", "c".repeat(64), handoff.id(),
                    NOON));
            persistence.bus().publish(new HandoffEvent.HandoffExpired(handoff.id(), tenant, NOON));
            engineWrites(handoff.id());
            throw new IllegalStateException("the last step fails");
        })).hasMessage("the last step fails");

        // then
        assertThat(inUnit(() -> persistence.handoffs().find(tenant, handoff.id()))).isEmpty();
        assertThat(inUnit(() -> persistence.handoffStates().byConversationId(tenant, "conversation-1"))).isEmpty();
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(tenant, "key-1"))).isEmpty();
        assertThat(persistence.eventTypes(tenant, handoff.id())).isEmpty();
        assertThat(engineRows(handoff.id())).isZero();
    }

    @Test
    void what_the_engine_writes_through_the_bound_data_source_commits_with_the_handoff() throws SQLException {
        // given
        Handoff handoff = aPendingHandoff(aTenant());

        // when
        inUnit(() -> {
            persistence.handoffs().add(handoff);
            engineWrites(handoff.id());
        });

        // then
        assertThat(inUnit(() -> persistence.handoffs().find(handoff.tenant(), handoff.id()))).isPresent();
        assertThat(engineRows(handoff.id())).isOne();
    }

    static Stream<Arguments> port_calls() {
        Tenant tenant = new Tenant("account", "project");
        return Stream.of(
                Arguments.of("handoffs().find", (ThrowingConsumer<HandoffPersistence>) persistence ->
                        persistence.handoffs().find(tenant, Fixtures.anId())),
                Arguments.of("handoffs().add", (ThrowingConsumer<HandoffPersistence>) persistence ->
                        persistence.handoffs().add(aPendingHandoff(tenant))),
                Arguments.of("handoffStates().byConversationId", (ThrowingConsumer<HandoffPersistence>) persistence ->
                        persistence.handoffStates().byConversationId(tenant, "conversation")),
                Arguments.of("apiKeys().all", (ThrowingConsumer<HandoffPersistence>) persistence ->
                        persistence.apiKeys().all()),
                Arguments.of("idempotencyKeys().find", (ThrowingConsumer<HandoffPersistence>) persistence ->
                        persistence.idempotencyKeys().find(tenant, "key")),
                Arguments.of("bus().publish", (ThrowingConsumer<HandoffPersistence>) persistence ->
                        persistence.bus().publish(new HandoffEvent.HandoffExpired(Fixtures.anId(), tenant, NOON))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("port_calls")
    void the_repositories_refuse_to_work_outside_a_unit_of_work(String call,
                                                                  ThrowingConsumer<HandoffPersistence> use) {
        assertThatThrownBy(() -> use.accept(persistence))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no transaction on this thread");
    }

    // ---------------------------------------------------------------- the use cases on these repositories

    @Test
    void a_handoff_whose_process_fails_to_start_is_not_created_at_all() {
        // given
        RecordingHandoffProcess process = new RecordingHandoffProcess();
        process.failWith(new IllegalStateException("the engine is down"));
        HandoffApplication application = application(process, InstantSource.fixed(NOON));
        Tenant tenant = aTenant();

        // when
        assertThatThrownBy(() -> application.createHandoff().create(new CreateHandoffCommand(tenant, "sales-agent",
                "support-agent", null, "Refund", "Order 1234", null, null, null, null, null, "conversation-1",
                null, "{\"order\":1234}", "key-1"))).hasMessage("the engine is down");

        // then
        assertThat(inUnit(() -> persistence.handoffs().list(tenant, HandoffFilter.ALL, 100))).isEmpty();
        assertThat(inUnit(() -> persistence.handoffStates().byConversationId(tenant, "conversation-1"))).isEmpty();
        assertThat(inUnit(() -> persistence.idempotencyKeys().find(tenant, "key-1"))).isEmpty();
    }

    @Test
    void an_approval_racing_a_rejection_through_the_use_case_ends_with_one_decision_and_one_event()
            throws Exception {
        // given
        Tenant tenant = aTenant();
        HandoffApplication creating = application(new RecordingHandoffProcess(), InstantSource.fixed(NOON));
        Handoff pending = creating.createHandoff().create(new CreateHandoffCommand(tenant, "sales-agent",
                "support-agent", null, "Discount", "20%", null, null, true, null, null, null, null, null, null))
                .handoff();
        // the use case asks the clock for the time after reading the handoff and before writing it
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        HandoffApplication racing = application(new RecordingHandoffProcess(), () -> {
            await(bothHaveRead);
            return NOON.plusSeconds(1);
        });

        // when
        List<Outcome> outcomes = race(
                () -> attempt(() -> racing.moveHandoff().move(new MoveHandoffCommand(tenant, pending.id(),
                        new HandoffAction.Approve("alice")))),
                () -> attempt(() -> racing.moveHandoff().move(new MoveHandoffCommand(tenant, pending.id(),
                        new HandoffAction.Reject("bob")))));

        // then
        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won())
                .singleElement().satisfies(lost -> assertThat(lost.failure()).isInstanceOf(Conflict.class));
        assertThat(persistence.eventTypes(tenant, pending.id()))
                .hasSize(2).first().isEqualTo("handoff.created");
        assertThat(persistence.eventTypes(tenant, pending.id()).get(1)).isIn("handoff.approved", "handoff.rejected");
    }

    // ---------------------------------------------------------------- helpers

    private HandoffApplication application(RecordingHandoffProcess process, InstantSource clock) {
        Ports ports = new Ports(persistence.handoffs(), persistence.handoffStates(), persistence.apiKeys(),
                persistence.idempotencyKeys(), process, persistence.bus(), persistence.transactions(),
                new UuidV7Ids(InstantSource.system()), clock);
        return new HandoffApplication(ports, HandoffSettings.DEFAULTS);
    }

    <T> T inUnit(Supplier<T> work) {
        return persistence.transactions().inTransaction(work);
    }

    void inUnit(Runnable work) {
        persistence.transactions().inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private Handoff stored(Handoff handoff) {
        inUnit(() -> persistence.handoffs().add(handoff));
        return handoff;
    }

    /** Reads the handoff in a unit of work, waits until the other racer has read it too, then writes. */
    private Outcome decide(Handoff handoff, Function<Handoff, Transition> move, CyclicBarrier bothHaveRead) {
        return attempt(() -> {
            Handoff read = persistence.handoffs().find(handoff.tenant(), handoff.id()).orElseThrow();
            await(bothHaveRead);
            Handoff next = move.apply(read).handoff();
            persistence.handoffs().update(next);
            return next;
        });
    }

    private Outcome approveBoth(Handoff one, Handoff other, String approver, CyclicBarrier bothHoldOne) {
        return attempt(() -> {
            persistence.handoffs().update(one.approve(approver, NOON.plusSeconds(1)).handoff());
            await(bothHoldOne);
            Handoff last = other.approve(approver, NOON.plusSeconds(1)).handoff();
            persistence.handoffs().update(last);
            return last;
        });
    }

    private Outcome attempt(Supplier<Handoff> work) {
        try {
            return new Outcome(inUnit(work), null);
        } catch (RuntimeException failure) {
            return new Outcome(null, failure);
        }
    }

    @SafeVarargs
    private static List<Outcome> race(Callable<Outcome>... racers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(racers.length);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (Callable<Outcome> racer : racers) {
                running.add(threads.submit(racer));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> racer : running) {
                outcomes.add(racer.get(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException failure) {
            throw new IllegalStateException("the other racer never arrived", failure);
        }
    }

    /** A racer's result: the handoff it stored, or why it could not. */
    record Outcome(Handoff handoff, RuntimeException failure) {
        boolean won() {
            return failure == null;
        }
    }

    private void engineWrites(HandoffId id) {
        try (Connection shared = persistence.transactionBoundDataSource().getConnection();
             PreparedStatement insert = shared.prepareStatement("INSERT INTO engine_probe VALUES (?)")) {
            insert.setString(1, id.toString());
            insert.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private int engineRows(HandoffId id) throws SQLException {
        return columnValues("SELECT handoff_id FROM engine_probe WHERE handoff_id = ?", id.toString()).size();
    }

    /** Every column of every row the query returns, as text, read straight from the pool. */
    private List<String> columnValues(String sql, Object parameter) throws SQLException {
        DataSource pool = persistence.dataSource();
        try (Connection connection = pool.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        values.add(rows.getString(column));
                    }
                }
                return values;
            }
        }
    }

    private static HandoffFilter filter(HandoffStatus status, String recipient) {
        return new HandoffFilter(Optional.ofNullable(status), Optional.ofNullable(recipient));
    }

    private static HandoffState state(Tenant tenant, String conversationId, String sharedId, String data,
                                      Instant storedAt) {
        return new HandoffState(tenant, conversationId, Optional.ofNullable(sharedId), new JsonText(data), storedAt);
    }

    private static Handoff withSubject(Handoff h, String subject) {
        return new Handoff(h.id(), h.tenant(), h.fromProfileId(), h.toProfileId(), h.sourceTaskId(), h.targetTaskId(),
                subject, h.body(), h.attachments(), h.priority(), h.status(), h.requiresApproval(), h.approvedBy(),
                h.parentMessageId(), h.chainDepth(), h.createdAt(), h.respondedAt(), h.expiresAt(), h.version());
    }

}
