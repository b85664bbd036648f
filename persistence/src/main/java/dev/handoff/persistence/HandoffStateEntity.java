package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;

/** A row of {@code handoff_state}: one write of a conversation's state; the highest id is the latest. */
@Entity(name = "HandoffState")
@Table(name = "handoff_state")
class HandoffStateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "project_id")
    private String projectId;
    @Column(name = "conversation_id")
    private String conversationId;
    @Column(name = "shared_id")
    private String sharedId;
    private String data;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "stored_at")
    private Instant storedAt;

    protected HandoffStateEntity() {
        // for Hibernate
    }

    static HandoffStateEntity of(HandoffState state) {
        HandoffStateEntity entity = new HandoffStateEntity();
        entity.accountId = NulCharacters.refuse("accountId", state.tenant().accountId());
        entity.projectId = NulCharacters.refuse("projectId", state.tenant().projectId());
        entity.conversationId = NulCharacters.refuse("conversationId", state.conversationId());
        entity.sharedId = NulCharacters.refuse("sharedId", state.sharedId().orElse(null));
        entity.data = state.data().text();
        entity.storedAt = Instants.stored(state.storedAt());
        return entity;
    }

    HandoffState toHandoffState() {
        return new HandoffState(new Tenant(accountId, projectId), conversationId, Optional.ofNullable(sharedId),
                new JsonText(data), storedAt);
    }
}
