package dev.handoff.persistence;

import dev.handoff.domain.model.ChainDepth;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.Priority;
import dev.handoff.domain.model.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code handoff}: the aggregate flattened into columns, and back. Updates write only the
 * columns a transition changed, not the (up to 100,000-character) body again.
 */
@Entity(name = "Handoff")
@Table(name = "handoff")
@DynamicUpdate
class HandoffEntity {

    @Id
    private UUID id;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "project_id")
    private String projectId;
    @Column(name = "from_profile_id")
    private String fromProfileId;
    @Column(name = "to_profile_id")
    private String toProfileId;
    @Column(name = "source_task_id")
    private String sourceTaskId;
    @Column(name = "target_task_id")
    private String targetTaskId;
    private String subject;
    private String body;
    private String attachments;
    private short priority;
    private String status;
    @Column(name = "requires_approval")
    private boolean requiresApproval;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "parent_message_id")
    private UUID parentMessageId;
    @Column(name = "chain_depth")
    private int chainDepth;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "created_at")
    private Instant createdAt;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "responded_at")
    private Instant respondedAt;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "expires_at")
    private Instant expiresAt;
    /**
     * The domain's version. Hibernate adds "AND version = ?" to every update and raises the
     * stored value by one, exactly as the domain does, so racing writers are caught at flush.
     * Left at 0 by the constructor so that Hibernate takes a new row's version 1 as given.
     */
    @Version
    private long version;

    protected HandoffEntity() {
        // for Hibernate
    }

    static HandoffEntity of(Handoff handoff) {
        HandoffEntity entity = new HandoffEntity();
        entity.id = handoff.id().value();
        entity.accountId = NulCharacters.refuse("accountId", handoff.tenant().accountId());
        entity.projectId = NulCharacters.refuse("projectId", handoff.tenant().projectId());
        entity.fromProfileId = NulCharacters.refuse("fromProfileId", handoff.fromProfileId());
        entity.createdAt = Instants.stored(handoff.createdAt());
        entity.version = handoff.version();
        entity.takeChangesFrom(handoff);
        return entity;
    }

    /** Copies what a transition may change; identity, tenant, sender and creation time never change. */
    void takeChangesFrom(Handoff handoff) {
        toProfileId = NulCharacters.refuse("toProfileId", handoff.toProfileId());
        sourceTaskId = NulCharacters.refuse("sourceTaskId", handoff.sourceTaskId().orElse(null));
        targetTaskId = NulCharacters.refuse("targetTaskId", handoff.targetTaskId().orElse(null));
        subject = NulCharacters.refuse("subject", handoff.subject());
        body = NulCharacters.refuse("body", handoff.body());
        attachments = handoff.attachments().map(JsonText::text).orElse(null);
        priority = (short) handoff.priority().value();
        status = handoff.status().wireName();
        requiresApproval = handoff.requiresApproval();
        approvedBy = NulCharacters.refuse("approvedBy", handoff.approvedBy().orElse(null));
        parentMessageId = handoff.parentMessageId().map(HandoffId::value).orElse(null);
        chainDepth = handoff.chainDepth().value();
        respondedAt = handoff.respondedAt().map(Instants::stored).orElse(null);
        expiresAt = Instants.stored(handoff.expiresAt());
    }

    Handoff toHandoff() {
        return new Handoff(new HandoffId(id), new Tenant(accountId, projectId), fromProfileId, toProfileId,
                Optional.ofNullable(sourceTaskId), Optional.ofNullable(targetTaskId), subject, body,
                Optional.ofNullable(attachments).map(JsonText::new), new Priority(priority),
                HandoffStatus.fromWire(status, "status"), requiresApproval, Optional.ofNullable(approvedBy),
                Optional.ofNullable(parentMessageId).map(HandoffId::new), new ChainDepth(chainDepth), createdAt,
                Optional.ofNullable(respondedAt), expiresAt, version);
    }

    boolean belongsTo(Tenant tenant) {
        return accountId.equals(tenant.accountId()) && projectId.equals(tenant.projectId());
    }

    long version() {
        return version;
    }
}
