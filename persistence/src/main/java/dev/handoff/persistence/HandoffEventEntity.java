package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A row of the {@code handoff_event} outbox. Written once, never changed. */
@Entity(name = "HandoffEvent")
@Table(name = "handoff_event")
class HandoffEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "project_id")
    private String projectId;
    @Column(name = "handoff_id")
    private UUID handoffId;
    private String type;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String payload;

    protected HandoffEventEntity() {
        // for Hibernate
    }

    static HandoffEventEntity of(HandoffEvent event) {
        HandoffEventEntity entity = new HandoffEventEntity();
        entity.accountId = NulCharacters.refuse("accountId", event.tenant().accountId());
        entity.projectId = NulCharacters.refuse("projectId", event.tenant().projectId());
        entity.handoffId = event.handoffId().value();
        entity.type = event.type();
        entity.occurredAt = Instants.stored(event.occurredAt());
        entity.payload = EventPayload.of(event);
        return entity;
    }
}
