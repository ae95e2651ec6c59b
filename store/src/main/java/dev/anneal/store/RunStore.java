package dev.anneal.store;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A run store: opens (creating and migrating) the database at a location, starts runs and reads them back.
 * Reads share one connection and are safe from several threads; each {@link Recorder} writes through its own.
 *
 * <pre>{@code
 * try (RunStore store = RunStore.open(StoreLocation.resolve(null));
 *      Recorder run = store.start(NewRun.of(RunKind.TRAIN, "my loop"))) {
 *     for (long step = 0; step < steps; step++) { ...; run.record("loss", step, loss); }
 *     run.finish();
 * }
 * }</pre>
 */
public final class RunStore implements AutoCloseable {
    private static final SecureRandom IDS = new SecureRandom();
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");

    private final Connector connector;
    private Connection reader;

    private RunStore(Connector connector) {
        this.connector = connector;
    }

    /** Opens the store at {@code location} (a JDBC URL or an SQLite file path), creating or migrating it. */
    public static RunStore open(String location) {
        Connector connector = new Connector(StoreLocation.toUrl(location));
        Schema.migrate(connector);
        return new RunStore(connector);
    }

    /** The store's JDBC URL, without a password. */
    public String location() {
        return connector.shown();
    }

    /** Starts a run with the default heartbeat. */
    public Recorder start(NewRun run) {
        return start(run, Liveness.DEFAULT);
    }

    /** Inserts {@code run} as RUNNING and returns the recorder that writes it. */
    public Recorder start(NewRun run, Liveness liveness) {
        String id = newId();
        transaction(c -> {
            insert(c, id, run, liveness);
            return null;
        });
        return new Recorder(connector, id, liveness);
    }

    /**
     * Starts {@code run} under the caller's {@code id} (a sweep's trial hash), at most once to the end: empty when a run
     * with that id FINISHED already; otherwise any earlier attempt under that id (RUNNING from a killed process,
     * KILLED, FAILED) is removed with everything it recorded and the run starts afresh, in one transaction. So a
     * re-run sweep neither repeats finished trials nor leaves duplicate rows. Two processes starting one id at the
     * same moment are not arbitrated: one driver owns a sweep.
     */
    public Optional<Recorder> startOnce(String id, NewRun run, Liveness liveness) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("run id '" + id + "' must be 1 to 32 characters of a-z, 0-9 and -");
        }
        boolean started = transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select status from runs where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && RunStatus.valueOf(rs.getString(1)) == RunStatus.FINISHED) {
                        return false;
                    }
                }
            }
            deleteRows(c, id);
            insert(c, id, run, liveness);
            return true;
        });
        return started ? Optional.of(new Recorder(connector, id, liveness)) : Optional.empty();
    }

    private static void insert(Connection c, String id, NewRun run, Liveness liveness) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("insert into runs (id, kind, name, status, started_at,"
                + " heartbeat_at, lease_ms, code_version, host, seed, schedule_text, schedule_hash, parent_id)"
                + " values (?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, run.kind().label());
            ps.setString(3, run.name());
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.setLong(6, liveness.lease().toMillis());
            ps.setString(7, run.codeVersion());
            ps.setString(8, host());
            ps.setObject(9, run.seed());
            ps.setString(10, run.scheduleText());
            ps.setString(11, run.scheduleText() == null ? null : sha256(run.scheduleText()));
            ps.setString(12, run.parentId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into run_config (run_id, name, value) values (?, ?, ?)")) {
            for (Map.Entry<String, String> e : run.config().entrySet()) {
                ps.setString(1, id);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Runs matching {@code filter}, newest first; RUNNING runs whose heartbeat expired are KILLED first. */
    public List<Run> list(RunFilter filter) {
        return read(c -> {
            expire(c);
            StringBuilder sql = new StringBuilder("select * from runs where 1 = 1");
            List<Object> args = new ArrayList<>();
            if (filter.kind() != null) {
                sql.append(" and kind = ?");
                args.add(filter.kind().label());
            }
            if (filter.status() != null) {
                sql.append(" and status = ?");
                args.add(filter.status().name());
            }
            if (filter.nameContains() != null) {
                sql.append(" and name like ? escape '\\'");
                args.add("%" + filter.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (filter.since() != null) {
                sql.append(" and started_at >= ?");
                args.add(filter.since().toEpochMilli());
            }
            if (filter.until() != null) {
                sql.append(" and started_at < ?");
                args.add(filter.until().toEpochMilli());
            }
            if (filter.parentId() != null) {
                sql.append(" and parent_id = ?");
                args.add(filter.parentId());
            }
            sql.append(" order by started_at desc, id");
            if (filter.limit() > 0) {
                sql.append(" limit ").append(filter.limit());
            }
            return runs(c, sql.toString(), args);
        });
    }

    /**
     * The run whose id is or starts with {@code idOrPrefix}; empty when none does.
     *
     * @throws IllegalArgumentException when the prefix names more than one run
     */
    public Optional<Run> find(String idOrPrefix) {
        if (idOrPrefix.isBlank()) {
            throw new IllegalArgumentException("a run id (or the start of one) is needed");
        }
        if (!idOrPrefix.matches("[A-Za-z0-9-]+")) {
            return Optional.empty(); // ids are letters and digits: nothing else may reach the LIKE pattern
        }
        return read(c -> {
            expire(c);
            List<Run> found = runs(c, "select * from runs where id like ? order by id", List.of(idOrPrefix + "%"));
            for (Run r : found) {
                if (r.id().equals(idOrPrefix)) {
                    return Optional.of(r);
                }
            }
            if (found.size() > 1) {
                throw new IllegalArgumentException("run id prefix '" + idOrPrefix + "' is ambiguous: it matches "
                        + found.stream().map(Run::id).toList());
            }
            return found.stream().findFirst();
        });
    }

    /** The run {@code idOrPrefix}, or a clear error naming the store. */
    public Run get(String idOrPrefix) {
        return find(idOrPrefix).orElseThrow(() -> new IllegalArgumentException(
                "no run '" + idOrPrefix + "' in the store " + location()));
    }

    /** The series a run recorded, sorted by name then group. */
    public List<SeriesKey> series(String runId) {
        return read(c -> {
            List<SeriesKey> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select name, grp from series where run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new SeriesKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            // Sorted here: a PostgreSQL server's collation would order text otherwise than SQLite does.
            keys.sort(null);
            return keys;
        });
    }

    /** Every recorded value of a series, by step. */
    public List<Point> points(String runId, SeriesKey key) {
        return points(runId, key, 0, Long.MAX_VALUE);
    }

    /** The recorded values of a series from step {@code from} to {@code to}, both included, by step. */
    public List<Point> points(String runId, SeriesKey key, long from, long to) {
        return read(c -> {
            List<Point> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select p.step, p.value from points p"
                    + " join series s on s.id = p.series_id"
                    + " where s.run_id = ? and s.name = ? and s.grp = ? and p.step between ? and ? order by p.step")) {
                bindSeries(ps, runId, key);
                ps.setLong(4, from);
                ps.setLong(5, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Point(rs.getLong(1), value(rs, 2)));
                    }
                }
            }
            return out;
        });
    }

    /** A series as at most {@code maxPoints} buckets of equal step width (see {@link Bucket}). */
    public List<Bucket> downsample(String runId, SeriesKey key, int maxPoints) {
        return downsample(runId, key, 0, Long.MAX_VALUE, maxPoints);
    }

    /**
     * The steps {@code from}..{@code to} of a series as at most {@code maxPoints} buckets of equal step width.
     * A range of up to {@value #RAW_LIMIT} steps is bucketed from its first recorded step; a longer one on the grid
     * of multiples of a width that whole summary blocks fill ({@link BlockSummary}), so a million-step series is
     * drawn from about {@code maxPoints} rows, its min, max and last per bucket still exact.
     */
    public List<Bucket> downsample(String runId, SeriesKey key, long from, long to, int maxPoints) {
        return downsample(runId, key, from, to, maxPoints, RAW_LIMIT);
    }

    /** Ranges of at most this many steps are read from the points themselves. */
    static final long RAW_LIMIT = 16_384;

    List<Bucket> downsample(String runId, SeriesKey key, long from, long to, int maxPoints, long rawLimit) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be ≥ 1, got " + maxPoints);
        }
        return read(c -> {
            long seriesId;
            try (PreparedStatement ps = c.prepareStatement("select id from series where run_id = ? and name = ? and grp = ?")) {
                bindSeries(ps, runId, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return List.of();
                    }
                    seriesId = rs.getLong(1);
                }
            }
            Long lo = edgeStep(c, "min", seriesId, from, to);
            if (lo == null) {
                return List.of();
            }
            long hi = edgeStep(c, "max", seriesId, from, to);
            long steps = hi - lo + 1;
            long width = summaryWidth(lo, hi, maxPoints);
            if (steps > rawLimit && BlockSummary.levelFor(width) >= 0) {
                return List.copyOf(BlockSummary.read(c, seriesId, lo, hi, width, BlockSummary.levelFor(width)).values());
            }
            return rawBuckets(c, seriesId, lo, hi, Math.max(1, Math.ceilDiv(steps, maxPoints)));
        });
    }

    /**
     * The bucket width for steps {@code lo}..{@code hi} on the grid of its multiples, wide enough that the grid cuts
     * the range into at most {@code maxPoints} buckets, and rounded up to a multiple of the largest summary span up
     * to twice that: at least half the buckets asked for, each read from at most 16 blocks.
     */
    static long summaryWidth(long lo, long hi, int maxPoints) {
        if (maxPoints == 1) {
            return hi + 1; // one bucket: [0, hi] holds the whole range
        }
        long width = Math.max(1, Math.ceilDiv(hi - lo + 1, maxPoints - 1));
        int level = BlockSummary.levelFor(2 * width);
        return level < 0 ? width : Math.ceilDiv(width, BlockSummary.SPANS[level]) * BlockSummary.SPANS[level];
    }

    /** The first ({@code min}) or last ({@code max}) recorded step of a series in a range: one index seek. */
    private static Long edgeStep(Connection c, String fn, long seriesId, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select " + fn + "(step) from points where series_id = ? and step between ? and ?")) {
            ps.setLong(1, seriesId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long step = rs.getLong(1);
                return rs.wasNull() ? null : step;
            }
        }
    }

    /** Buckets of {@code width} steps from {@code lo}, computed by the database from the points. */
    private static List<Bucket> rawBuckets(Connection c, long seriesId, long lo, long hi, long width)
            throws SQLException {
        List<Bucket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select b.first_step, b.last_step, b.lo, b.hi, p.value, b.n"
                + " from (select bucket, min(step) as first_step, max(step) as last_step, min(value) as lo,"
                + " max(value) as hi, count(*) as n from (select (step - ?) / ? as bucket, step, value from points"
                + " where series_id = ? and step between ? and ?) q group by bucket) b"
                + " join points p on p.series_id = ? and p.step = b.last_step order by b.first_step")) {
            ps.setLong(1, lo);
            ps.setLong(2, width);
            ps.setLong(3, seriesId);
            ps.setLong(4, lo);
            ps.setLong(5, hi);
            ps.setLong(6, seriesId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Bucket(rs.getLong(1), rs.getLong(2), value(rs, 3), value(rs, 4), value(rs, 5),
                            rs.getLong(6)));
                }
            }
        }
        return out;
    }

    /** A run's events in the order they were recorded. */
    public List<Event> events(String runId) {
        return read(c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select step, at_ms, type, message from events where run_id = ? order by seq")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Event(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** A run's artifacts by path. */
    public List<Artifact> artifacts(String runId) {
        return read(c -> {
            List<Artifact> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select path, kind, at_ms from artifacts where run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Artifact(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            out.sort(Comparator.comparing(Artifact::path)); // as series(): one order whatever the collation
            return out;
        });
    }

    /** Removes a run and everything recorded for it (not its artifacts' files); false when there was no such run. */
    public boolean delete(String runId) {
        return transaction(c -> deleteRows(c, runId));
    }

    private static boolean deleteRows(Connection c, String runId) throws SQLException {
        for (String sql : List.of(
                "delete from points where series_id in (select id from series where run_id = ?)",
                "delete from point_blocks where series_id in (select id from series where run_id = ?)",
                "delete from series where run_id = ?", "delete from events where run_id = ?",
                "delete from artifacts where run_id = ?", "delete from run_metrics where run_id = ?",
                "delete from run_config where run_id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("delete from runs where id = ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (SQLException ignored) {
                // nothing to save on a read connection
            }
            reader = null;
        }
    }

    // ---- internals

    /** RUNNING runs whose heartbeat is older than their lease died without a word: KILLED, ended at the last beat. */
    private void expire(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        String where = " where status = 'RUNNING' and heartbeat_at + lease_ms < ?";
        try (PreparedStatement ps = c.prepareStatement("select count(*) from runs" + where)) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update runs set status = 'KILLED', ended_at = heartbeat_at" + where)) {
            ps.setLong(1, now);
            ps.executeUpdate();
        }
    }

    private List<Run> runs(Connection c, String sql, List<Object> args) throws SQLException {
        List<Run> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    long ended = rs.getLong("ended_at");
                    Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
                    long seed = rs.getLong("seed");
                    Long seedOrNull = rs.wasNull() ? null : seed;
                    out.add(new Run(id, RunKind.of(rs.getString("kind")), rs.getString("name"),
                            RunStatus.valueOf(rs.getString("status")), Instant.ofEpochMilli(rs.getLong("started_at")),
                            endedAt, Instant.ofEpochMilli(rs.getLong("heartbeat_at")), rs.getString("code_version"),
                            rs.getString("host"), seedOrNull, new TreeMap<>(), rs.getString("schedule_text"),
                            rs.getString("schedule_hash"), rs.getString("parent_id"), new TreeMap<>(),
                            rs.getString("message")));
                }
            }
        }
        // two queries for every run's configuration and metrics, not two per run: a list of 10,000 runs is 3 queries
        Map<String, Run> byId = new java.util.HashMap<>();
        for (Run r : out) byId.put(r.id(), r);
        String ids = "select id from (" + sql + ") listed";
        fill(c, "select run_id, name, value from run_config where run_id in (" + ids + ")", args, byId, false);
        fill(c, "select run_id, name, value from run_metrics where run_id in (" + ids + ")", args, byId, true);
        return out;
    }

    /** Puts the (run_id, name, value) rows {@code sql} selects into each listed run's config or metrics. */
    private static void fill(Connection c, String sql, List<Object> args, Map<String, Run> runs, boolean numeric)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Run r = runs.get(rs.getString(1));
                    if (r == null) continue;
                    if (numeric) r.metrics().put(rs.getString(2), value(rs, 3));
                    else r.config().put(rs.getString(2), rs.getString(3));
                }
            }
        }
    }

    private static void bindSeries(PreparedStatement ps, String runId, SeriesKey key) throws SQLException {
        ps.setString(1, runId);
        ps.setString(2, key.name());
        ps.setString(3, key.group());
    }

    /** A stored value; NULL is a recorded NaN. */
    static double value(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private synchronized <T> T read(Work<T> work) {
        try {
            return work.run(readConnection());
        } catch (SQLException e) {
            closeBroken();
            throw new StoreException("cannot read " + connector.shown() + ": " + e.getMessage(), e);
        }
    }

    private synchronized <T> T transaction(Work<T> work) {
        try {
            Connection c = readConnection();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            closeBroken();
            throw new StoreException("cannot write " + connector.shown() + ": " + e.getMessage(), e);
        }
    }

    private Connection readConnection() throws SQLException {
        if (reader == null) {
            reader = connector.getConnection();
        }
        return reader;
    }

    private void closeBroken() {
        close();
    }

    private String newId() {
        byte[] bytes = new byte[5];
        IDS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
