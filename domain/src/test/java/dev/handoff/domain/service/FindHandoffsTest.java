package dev.handoff.domain.service;

import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.HandoffAction;
import dev.handoff.domain.port.in.MoveHandoffCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.handoff.domain.fake.CreateCommandBuilder.TENANT;
import static dev.handoff.domain.fake.CreateCommandBuilder.aCreateCommand;
import static org.assertj.core.api.Assertions.assertThat;

class FindHandoffsTest {

    private final InMemoryHandoffWorld world = new InMemoryHandoffWorld();

    private Handoff send(String recipient) {
        world.clock.advance(Duration.ofSeconds(1));
        return world.application.createHandoff().create(aCreateCommand().toProfileId(recipient).build()).handoff();
    }

    @Test
    void the_list_is_newest_first_and_filters_by_status_and_recipient() {
        // given
        Handoff first = send("reviewer-agent");
        Handoff second = send("reviewer-agent");
        Handoff third = send("writer-agent");
        world.application.moveHandoff().move(new MoveHandoffCommand(TENANT, first.id(), new HandoffAction.Approve(null)));

        // when
        var all = world.application.findHandoffs().list(TENANT, HandoffFilter.ALL);
        var pendingForReviewer = world.application.findHandoffs().list(TENANT,
                new HandoffFilter(Optional.of(HandoffStatus.PENDING), Optional.of("reviewer-agent")));

        // then
        assertThat(all).extracting(Handoff::id).containsExactly(third.id(), second.id(), first.id());
        assertThat(pendingForReviewer).extracting(Handoff::id).containsExactly(second.id());
    }

    @Test
    void the_list_holds_at_most_100() {
        // given
        IntStream.range(0, Limits.LIST_MAX + 5).forEach(i -> send("reviewer-agent"));

        // when / then
        assertThat(world.application.findHandoffs().list(TENANT, HandoffFilter.ALL)).hasSize(100);
    }

    @Test
    void another_tenant_sees_none_of_them() {
        // given
        send("reviewer-agent");

        // when / then
        assertThat(world.application.findHandoffs().list(new Tenant("ACCOUNT-2", "PROJECT-1"), HandoffFilter.ALL))
                .isEmpty();
    }
}
