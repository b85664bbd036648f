package dev.handoff.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the nodes left in their shared PostgreSQL database: the domain's rows and the engine's, read
 * with plain JDBC, so that a check trusts neither adapter nor any node. Handoffs and processes are
 * matched by the process's business key, which is the handoff id.
 */
final class SharedDatabase {

    private final String url;
    private final String user;

    SharedDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Handoff id → status (its wire name, e.g. {@code expired}). */
    Map<String, String> statuses() {
        Map<String, String> statuses = new HashMap<>();
        query("SELECT id, status FROM handoff", rows -> statuses.put(rows.getString(1), rows.getString(2)));
        return statuses;
    }

    /** How many handoffs are still pending with an expiry before {@code instant}. */
    long pendingExpiringBefore(Instant instant) {
        List<Long> count = new ArrayList<>();
        query("SELECT count(*) FROM handoff WHERE status = 'pending' AND expires_at < ?",
                rows -> count.add(rows.getLong(1)), Timestamp.from(instant));
        return count.get(0);
    }

    /** Handoff id → the types of its outbox events, oldest first. */
    Map<String, List<String>> events() {
        Map<String, List<String>> events = new HashMap<>();
        query("SELECT handoff_id, type FROM handoff_event ORDER BY id",
                rows -> events.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2)));
        return events;
    }

    /** Handoff id → when its {@code type} event happened (the last one, should there be several). */
    Map<String, Instant> eventTimes(String type) {
        Map<String, Instant> times = new HashMap<>();
        query("SELECT handoff_id, occurred_at FROM handoff_event WHERE type = ? ORDER BY id",
                rows -> times.put(rows.getString(1), rows.getTimestamp(2).toInstant()), type);
        return times;
    }

    /** Handoff id → how many handoff processes the engine ever started for it, finished or not. */
    Map<String, Integer> processCounts() {
        Map<String, Integer> counts = new HashMap<>();
        query("SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'handoff'",
                rows -> counts.merge(rows.getString(1), 1, Integer::sum));
        return counts;
    }

    /** Handoff ids whose process has ended. */
    Set<String> endedProcesses() {
        Set<String> ended = new HashSet<>();
        query("SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'handoff' AND end_time_ IS NOT NULL",
                rows -> ended.add(rows.getString(1)));
        return ended;
    }

    /** Handoff id → the activities its running process waits in (e.g. {@code accepted}, or {@code decide}). */
    Map<String, Set<String>> waitingActivities() {
        Map<String, Set<String>> waiting = new HashMap<>();
        query("""
                SELECT instance.business_key_, execution.act_id_
                FROM act_ru_execution execution
                JOIN act_ru_execution instance ON instance.id_ = execution.proc_inst_id_
                WHERE instance.parent_id_ IS NULL AND execution.act_id_ IS NOT NULL AND execution.is_active_
                """, rows -> waiting.computeIfAbsent(rows.getString(1), id -> new HashSet<>()).add(rows.getString(2)));
        return waiting;
    }

    /** Handoff ids whose process still has a job (a timer) in the engine's job table. */
    Set<String> withJobs() {
        Set<String> ids = new HashSet<>();
        query("""
                SELECT instance.business_key_
                FROM act_ru_job job
                JOIN act_ru_execution instance ON instance.id_ = job.process_instance_id_
                """, rows -> ids.add(rows.getString(1)));
        return ids;
    }

    /** Handoff ids whose process has an open approval task. */
    Set<String> withTasks() {
        Set<String> ids = new HashSet<>();
        query("""
                SELECT instance.business_key_
                FROM act_ru_task task
                JOIN act_ru_execution instance ON instance.id_ = task.proc_inst_id_
                """, rows -> ids.add(rows.getString(1)));
        return ids;
    }

    /** Open incidents: jobs that ran out of retries, each with the engine's message. */
    List<String> incidents() {
        List<String> incidents = new ArrayList<>();
        query("SELECT incident_type_, incident_msg_ FROM act_ru_incident",
                rows -> incidents.add(rows.getString(1) + ": " + rows.getString(2)));
        return incidents;
    }

    /** Timers of handoff processes that a node holds right now: job id → the lock, its owner and expiry. */
    Map<String, Lock> lockedTimers() {
        Map<String, Lock> locks = new HashMap<>();
        query("""
                SELECT job.id_, job.lock_owner_, job.lock_exp_time_, instance.business_key_
                FROM act_ru_job job
                JOIN act_ru_execution instance ON instance.id_ = job.process_instance_id_
                WHERE job.lock_owner_ IS NOT NULL AND job.type_ = 'timer'
                """, rows -> locks.put(rows.getString(1), new Lock(rows.getString(2),
                rows.getTimestamp(3).toInstant(), rows.getString(4))));
        return locks;
    }

    /** Timers of handoff processes that a node holds right now: job id → its owner; cheaper than {@link #lockedTimers}. */
    Map<String, String> timerOwners() {
        Map<String, String> owners = new HashMap<>();
        query("SELECT id_, lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND type_ = 'timer'",
                rows -> owners.put(rows.getString(1), rows.getString(2)));
        return owners;
    }

    /** A node's hold on a timer: no other node takes it before {@code expiresAt}. */
    record Lock(String owner, Instant expiresAt, String handoffId) {
    }

    private void query(String sql, RowReader reader, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot read the cluster's database: " + sql, failure);
        }
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }
}
