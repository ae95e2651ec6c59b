package dev.anneal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Commits a recorder's batches, each in one transaction, so a reader (or a store after {@code kill -9}) sees a
 * batch whole or not at all. Every insert ignores rows already present, so a batch retried after a busy database,
 * a deadlock or a dropped connection (even one whose commit did go through) adds nothing twice.
 */
final class BatchWriter implements AutoCloseable {
    record PendingEvent(int seq, long step, long atMillis, String type, String message) {}

    /** How long a batch is retried before the run gives up: longer than any busy spell of a shared store. */
    private static final long RETRY_MILLIS = 120_000;
    private static final int STATEMENT_ROWS = 10_000;

    private final Connector connector;
    private final String runId;
    private final List<Long> seriesIds = new ArrayList<>();
    private Connection connection;

    BatchWriter(Connector connector, String runId) {
        this.connector = connector;
        this.runId = runId;
    }

    void write(Recorder.Batch batch, long now) {
        long deadline = System.currentTimeMillis() + RETRY_MILLIS;
        for (int attempt = 0; ; attempt++) {
            try {
                writeOnce(batch, now);
                return;
            } catch (SQLException e) {
                rollbackQuietly();
                if (!connector.dialect.isTransient(e) || System.currentTimeMillis() > deadline) {
                    throw new StoreException("cannot write run " + runId + " to " + connector.shown() + ": "
                            + e.getMessage(), e);
                }
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    closeQuietly();
                }
                sleep(Math.min(1000, 10L << Math.min(attempt, 6)));
            }
        }
    }

    private void writeOnce(Recorder.Batch batch, long now) throws SQLException {
        Connection c = connection();
        List<Long> resolved = new ArrayList<>(seriesIds);
        try (PreparedStatement insert = c.prepareStatement(
                "insert into series (run_id, name, grp) values (?, ?, ?) on conflict do nothing");
             PreparedStatement select = c.prepareStatement(
                     "select id from series where run_id = ? and name = ? and grp = ?")) {
            for (SeriesKey key : batch.newSeries) {
                insert.setString(1, runId);
                insert.setString(2, key.name());
                insert.setString(3, key.group());
                insert.executeUpdate();
                select.setString(1, runId);
                select.setString(2, key.name());
                select.setString(3, key.group());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    resolved.add(rs.getLong(1));
                }
            }
        }
        if (batch.size > 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into points (series_id, step, value) values (?, ?, ?) on conflict do nothing")) {
                for (int i = 0; i < batch.size; i++) {
                    ps.setLong(1, resolved.get(batch.seriesIndex[i]));
                    ps.setLong(2, batch.steps[i]);
                    setValue(ps, 3, batch.values[i]);
                    ps.addBatch();
                    if ((i + 1) % STATEMENT_ROWS == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            summarise(c, batch, resolved);
        }
        if (!batch.events.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into events (run_id, seq, step, at_ms, type, message)"
                    + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                for (PendingEvent e : batch.events) {
                    ps.setString(1, runId);
                    ps.setInt(2, e.seq());
                    ps.setLong(3, e.step());
                    ps.setLong(4, e.atMillis());
                    ps.setString(5, e.type());
                    ps.setString(6, e.message());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!batch.artifacts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into artifacts (run_id, path, kind, at_ms)"
                    + " values (?, ?, ?, ?) on conflict (run_id, path) do update set kind = excluded.kind")) {
                for (Map.Entry<String, String> a : batch.artifacts.entrySet()) {
                    ps.setString(1, runId);
                    ps.setString(2, a.getKey());
                    ps.setString(3, a.getValue());
                    ps.setLong(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!batch.metrics.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into run_metrics (run_id, name, value)"
                    + " values (?, ?, ?) on conflict (run_id, name) do update set value = excluded.value")) {
                for (Map.Entry<String, Double> m : batch.metrics.entrySet()) {
                    ps.setString(1, runId);
                    ps.setString(2, m.getKey());
                    setValue(ps, 3, m.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        // The heartbeat also revives a run a reader marked KILLED while this process was only paused.
        try (PreparedStatement ps = c.prepareStatement(batch.end == null
                ? "update runs set heartbeat_at = ?, status = 'RUNNING', ended_at = null where id = ?"
                : "update runs set heartbeat_at = ?, status = ?, ended_at = ?, message = ? where id = ?")) {
            ps.setLong(1, now);
            if (batch.end == null) {
                ps.setString(2, runId);
            } else {
                ps.setString(2, batch.end.name());
                ps.setLong(3, now);
                ps.setString(4, batch.endMessage);
                ps.setString(5, runId);
            }
            if (ps.executeUpdate() != 1) {
                throw new StoreException("run " + runId + " is no longer in " + connector.shown()
                        + " (removed while it was recording?)");
            }
        }
        c.commit();
        seriesIds.clear();
        seriesIds.addAll(resolved);
    }

    /** Brings the block summary of every series in the batch up to date, in the batch's transaction. */
    private static void summarise(Connection c, Recorder.Batch batch, List<Long> resolved) throws SQLException {
        long[] min = new long[resolved.size()];
        long[] max = new long[resolved.size()];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        java.util.Arrays.fill(max, Long.MIN_VALUE);
        for (int i = 0; i < batch.size; i++) {
            int s = batch.seriesIndex[i];
            min[s] = Math.min(min[s], batch.steps[i]);
            max[s] = Math.max(max[s], batch.steps[i]);
        }
        for (int s = 0; s < resolved.size(); s++) {
            if (min[s] <= max[s]) {
                BlockSummary.update(c, resolved.get(s), min[s], max[s]);
            }
        }
    }

    /** NaN is stored as NULL: SQLite cannot hold a NaN, and both databases then read alike. */
    static void setValue(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connector.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void rollbackQuietly() {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            closeQuietly(); // a connection that cannot roll back is replaced on the next attempt
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to save
        }
        connection = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a write");
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
