package dev.handoff.domain.fake;

import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.CreateHandoffCommand;

import java.time.Instant;

/** The seed's quick-start request as a command, with a setter per field to vary it. */
public final class CreateCommandBuilder {

    public static final Tenant TENANT = new Tenant("ACCOUNT-1", "PROJECT-1");

    private Tenant tenant = TENANT;
    private String fromProfileId = "analyst-agent";
    private String toProfileId = "reviewer-agent";
    private String sourceTaskId = "task-9d4e-a1b2";
    private String subject = "Q4 revenue analysis ready for review";
    private String body = "Analysis is complete with 3 charts and an executive summary.";
    private String attachments;
    private Integer priority = 1;
    private Boolean requiresApproval = true;
    private String parentMessageId;
    private Instant expiresAt;
    private String conversationId;
    private String sharedId;
    private String data;
    private String idempotencyKey;

    public static CreateCommandBuilder aCreateCommand() {
        return new CreateCommandBuilder();
    }

    public CreateHandoffCommand build() {
        return new CreateHandoffCommand(tenant, fromProfileId, toProfileId, sourceTaskId, subject, body, attachments,
                priority, requiresApproval, parentMessageId, expiresAt, conversationId, sharedId, data, idempotencyKey);
    }

    public CreateCommandBuilder tenant(Tenant value) {
        tenant = value;
        return this;
    }

    public CreateCommandBuilder fromProfileId(String value) {
        fromProfileId = value;
        return this;
    }

    public CreateCommandBuilder toProfileId(String value) {
        toProfileId = value;
        return this;
    }

    public CreateCommandBuilder sourceTaskId(String value) {
        sourceTaskId = value;
        return this;
    }

    public CreateCommandBuilder subject(String value) {
        subject = value;
        return this;
    }

    public CreateCommandBuilder body(String value) {
        body = value;
        return this;
    }

    public CreateCommandBuilder attachments(String value) {
        attachments = value;
        return this;
    }

    public CreateCommandBuilder priority(Integer value) {
        priority = value;
        return this;
    }

    public CreateCommandBuilder requiresApproval(Boolean value) {
        requiresApproval = value;
        return this;
    }

    public CreateCommandBuilder parentMessageId(String value) {
        parentMessageId = value;
        return this;
    }

    public CreateCommandBuilder expiresAt(Instant value) {
        expiresAt = value;
        return this;
    }

    public CreateCommandBuilder conversation(String id, String shared, String json) {
        conversationId = id;
        sharedId = shared;
        data = json;
        return this;
    }

    public CreateCommandBuilder idempotencyKey(String value) {
        idempotencyKey = value;
        return this;
    }
}
