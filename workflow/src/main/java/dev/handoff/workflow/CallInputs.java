package dev.handoff.workflow;

import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.CreateHandoffCommand;
import org.camunda.bpm.engine.delegate.VariableScope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import static dev.handoff.workflow.ProcessVariables.ACCOUNT_ID;
import static dev.handoff.workflow.ProcessVariables.BODY;
import static dev.handoff.workflow.ProcessVariables.EXPIRES_AT;
import static dev.handoff.workflow.ProcessVariables.FROM_PROFILE_ID;
import static dev.handoff.workflow.ProcessVariables.PARENT_MESSAGE_ID;
import static dev.handoff.workflow.ProcessVariables.PRIORITY;
import static dev.handoff.workflow.ProcessVariables.PROJECT_ID;
import static dev.handoff.workflow.ProcessVariables.REQUIRES_APPROVAL;
import static dev.handoff.workflow.ProcessVariables.SOURCE_TASK_ID;
import static dev.handoff.workflow.ProcessVariables.SUBJECT;
import static dev.handoff.workflow.ProcessVariables.TO_PROFILE_ID;
import static dev.handoff.workflow.ProcessVariables.text;

/**
 * The call-activity contract: what a calling process passes in to have a handoff created. Reads
 * the variables as the calling process gave them; the domain's command validates the content.
 *
 * <p>Subject and body may be text or UTF-8 bytes: bytes are how a caller passes a body longer
 * than the engine's 4000-character string variables.
 */
final class CallInputs {

    private CallInputs() {
    }

    static CreateHandoffCommand command(VariableScope scope, Optional<Tenant> defaultTenant) {
        return new CreateHandoffCommand(tenant(scope, defaultTenant), text(scope, FROM_PROFILE_ID),
                text(scope, TO_PROFILE_ID), text(scope, SOURCE_TASK_ID), longText(scope, SUBJECT), longText(scope, BODY),
                null, priority(scope), requiresApproval(scope), text(scope, PARENT_MESSAGE_ID), expiresAt(scope),
                null, null, null, null);
    }

    /** The caller's {@code accountId} and {@code projectId}, or the configured default tenant. */
    private static Tenant tenant(VariableScope scope, Optional<Tenant> defaultTenant) {
        String accountId = text(scope, ACCOUNT_ID);
        String projectId = text(scope, PROJECT_ID);
        if (accountId == null && projectId == null && defaultTenant.isPresent()) {
            return defaultTenant.get();
        }
        return new Tenant(accountId, projectId);
    }

    private static String longText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return text(scope, name);
    }

    private static Integer priority(VariableScope scope) {
        Object value = scope.getVariable(PRIORITY);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long number = ((Number) value).longValue();
            if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw InvalidInput.of(PRIORITY, "must be an integer from 0 (most urgent) to 3");
    }

    private static Boolean requiresApproval(VariableScope scope) {
        Object value = scope.getVariable(REQUIRES_APPROVAL);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw InvalidInput.of(REQUIRES_APPROVAL, "must be a boolean");
    }

    private static Instant expiresAt(VariableScope scope) {
        Object value = scope.getVariable(EXPIRES_AT);
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String textValue) {
            try {
                return OffsetDateTime.parse(textValue).toInstant();
            } catch (DateTimeParseException unreadable) {
                // reported below
            }
        }
        throw InvalidInput.of(EXPIRES_AT, "must be a date or an ISO-8601 date-time with offset, like "
                + "2026-04-04T10:45:00Z");
    }
}
