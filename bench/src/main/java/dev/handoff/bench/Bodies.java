package dev.handoff.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The request bodies: the README's create request (approval required, an explicit expiry) for
 * Handoff and the floor, the same fields as process variables for the Camunda peer. The values
 * need no JSON escaping.
 */
final class Bodies {

    static final String FROM = "analyst-agent";
    static final String TO = "reviewer-agent";
    static final String SOURCE_TASK = "task-9d4e-a1b2";
    static final String SUBJECT = "Q4 revenue analysis ready for review";
    static final String BODY = "Analysis is complete with 3 charts and an executive summary. "
            + "Please verify the methodology and sign off.";
    static final int PRIORITY = 1;
    static final String APPROVER = "reviewer@example.com";

    /** The form Camunda's REST API takes dates in. */
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private Bodies() {
    }

    /** Handoff's (and the floor's) create request. */
    static String create(Instant expiresAt) {
        return create(expiresAt, TO);
    }

    /** The same request to another recipient; {@code recipient} needs no JSON escaping. */
    static String create(Instant expiresAt, String recipient) {
        return "{\"fromProfileId\":\"" + FROM + "\",\"toProfileId\":\"" + recipient + "\",\"sourceTaskId\":\"" + SOURCE_TASK
                + "\",\"subject\":\"" + SUBJECT + "\",\"body\":\"" + BODY + "\",\"priority\":" + PRIORITY
                + ",\"requiresApproval\":true,\"expiresAt\":\"" + expiresAt.truncatedTo(ChronoUnit.MILLIS) + "\"}";
    }

    static String approve() {
        return "{\"action\":\"approve\",\"approvedBy\":\"" + APPROVER + "\"}";
    }

    static String start() {
        return "{\"action\":\"start\",\"targetTaskId\":\"task-review-1\"}";
    }

    static String complete() {
        return "{\"action\":\"complete\"}";
    }

    /** A conversation's state, as in the README. */
    static String state(String conversationId, String sharedId) {
        return "{\"id\":\"" + conversationId + "\",\"shared_id\":\"" + sharedId
                + "\",\"data\":{\"customer_id\":\"C-77\",\"reason\":\"billing\"}}";
    }

    /** Starts {@code peer_handoff} with the create request's fields as variables. */
    static String peerStart(String businessKey, Instant expiresAt) {
        return peerStart(businessKey, expiresAt, TO);
    }

    static String peerStart(String businessKey, Instant expiresAt, String recipient) {
        return "{\"businessKey\":\"" + businessKey + "\",\"variables\":{"
                + variable("fromProfileId", "\"" + FROM + "\"", "String") + ","
                + variable("toProfileId", "\"" + recipient + "\"", "String") + ","
                + variable("sourceTaskId", "\"" + SOURCE_TASK + "\"", "String") + ","
                + variable("subject", "\"" + SUBJECT + "\"", "String") + ","
                + variable("body", "\"" + BODY + "\"", "String") + ","
                + variable("priority", Integer.toString(PRIORITY), "Integer") + ","
                + variable("requiresApproval", "true", "Boolean") + ","
                + variable("expiresAt", "\"" + CAMUNDA_DATE.format(expiresAt) + "\"", "Date") + "}}";
    }

    /** Completes the peer's approval task as an approval. */
    static String peerApprove() {
        return "{\"variables\":{" + variable("decision", "\"approve\"", "String") + ","
                + variable("approvedBy", "\"" + APPROVER + "\"", "String") + "}}";
    }

    static String peerMessage(String messageName, String processInstanceId) {
        return "{\"messageName\":\"" + messageName + "\",\"processInstanceId\":\"" + processInstanceId + "\"}";
    }

    private static String variable(String name, String jsonValue, String type) {
        return "\"" + name + "\":{\"value\":" + jsonValue + ",\"type\":\"" + type + "\"}";
    }
}
