package dev.handoff.domain.model;

/**
 * Size limits on what clients send. Generous for agents' text, small enough that one request
 * cannot fill the database or the heap; docs/architecture.md lists them for clients.
 */
public final class Limits {

    /** Profile ids, task ids, approver names, conversation ids, account and project ids. */
    public static final int IDENTIFIER_MAX = 200;
    public static final int SUBJECT_MAX = 500;
    public static final int BODY_MAX = 100_000;
    /** Characters of the serialized attachments JSON. */
    public static final int ATTACHMENTS_MAX = 512 * 1024;
    /** Characters of a handoff state's {@code data} object. */
    public static final int STATE_DATA_MAX = 256 * 1024;
    /** Entries one list call returns at most (the seed's 100). */
    public static final int LIST_MAX = 100;

    private Limits() {
    }
}
