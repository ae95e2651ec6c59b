package dev.anneal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeMap;

/**
 * A series summarised per block of {@link #SPANS} steps (min, max, first and last step, last value, count), so a
 * downsampled read costs the number of buckets, not the run's length. Each block is recomputed from the level below
 * (points for the smallest span) in the writer's transaction: a retried batch, or a block filled over several
 * batches, ends in the same rows as one batch holding everything.
 */
final class BlockSummary {
    /** Block spans, smallest first; each divides the next, so no block straddles a larger one. */
    static final long[] SPANS = {32, 1024, 32768};

    private BlockSummary() {}

    /** Recomputes, at every level, the blocks of one series that hold steps {@code minStep}..{@code maxStep}. */
    static void update(Connection c, long seriesId, long minStep, long maxStep) throws SQLException {
        for (int level = 0; level < SPANS.length; level++) {
            long span = SPANS[level];
            String source = level == 0
                    ? "select series_id, step / " + span + " as block, step as first_step, step as last_step,"
                            + " value as lo, value as hi, 1 as n from points where series_id = ? and step between ? and ?"
                    : "select series_id, first_step / " + span + " as block, first_step, last_step, lo, hi, n"
                            + " from point_blocks where series_id = ? and span = " + SPANS[level - 1]
                            + " and first_step between ? and ?";
            try (PreparedStatement ps = c.prepareStatement("insert into point_blocks"
                    + " (series_id, span, block, first_step, last_step, lo, hi, n)"
                    + " select series_id, " + span + ", block, min(first_step), max(last_step), min(lo), max(hi), sum(n)"
                    + " from (" + source + ") q where true group by series_id, block"
                    + " on conflict (series_id, span, block) do update set first_step = excluded.first_step,"
                    + " last_step = excluded.last_step, lo = excluded.lo, hi = excluded.hi, n = excluded.n")) {
                ps.setLong(1, seriesId);
                ps.setLong(2, Math.floorDiv(minStep, span) * span);
                ps.setLong(3, Math.floorDiv(maxStep, span) * span + span - 1);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update point_blocks set end_value = (select p.value from points p"
                    + " where p.series_id = point_blocks.series_id and p.step = point_blocks.last_step)"
                    + " where series_id = ? and span = " + span + " and block between ? and ?")) {
                ps.setLong(1, seriesId);
                ps.setLong(2, Math.floorDiv(minStep, span));
                ps.setLong(3, Math.floorDiv(maxStep, span));
                ps.executeUpdate();
            }
        }
    }

    /**
     * The steps {@code lo}..{@code hi} of a series in buckets of {@code width} steps on the grid of multiples of
     * {@code width}, which must be a multiple of {@code SPANS[level]}: whole blocks come from the summary, and only
     * what is left at the range's ends from the level below (raw points under the smallest span).
     */
    static TreeMap<Long, Bucket> read(Connection c, long seriesId, long lo, long hi, long width, int level)
            throws SQLException {
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        add(c, seriesId, lo, hi, width, level, buckets);
        return buckets;
    }

    /** The level whose blocks a bucket {@code width} steps wide is read from: the largest span ≤ width, or -1. */
    static int levelFor(long width) {
        int level = -1;
        for (int i = 0; i < SPANS.length && SPANS[i] <= width; i++) {
            level = i;
        }
        return level;
    }

    private static void add(Connection c, long seriesId, long lo, long hi, long width, int level,
            TreeMap<Long, Bucket> buckets) throws SQLException {
        if (lo > hi) {
            return;
        }
        if (level < 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select step, value from points where series_id = ? and step between ? and ?")) {
                ps.setLong(1, seriesId);
                ps.setLong(2, lo);
                ps.setLong(3, hi);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long step = rs.getLong(1);
                        double v = RunStore.value(rs, 2);
                        merge(buckets, width, new Bucket(step, step, v, v, v, 1));
                    }
                }
            }
            return;
        }
        long span = SPANS[level];
        long firstBlock = Math.ceilDiv(lo, span);
        long lastBlock = Math.floorDiv(hi + 1, span) - 1;
        if (firstBlock > lastBlock) {
            add(c, seriesId, lo, hi, width, level - 1, buckets);
            return;
        }
        add(c, seriesId, lo, firstBlock * span - 1, width, level - 1, buckets);
        try (PreparedStatement ps = c.prepareStatement("select first_step, last_step, lo, hi, end_value, n from point_blocks"
                + " where series_id = ? and span = " + span + " and block between ? and ?")) {
            ps.setLong(1, seriesId);
            ps.setLong(2, firstBlock);
            ps.setLong(3, lastBlock);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    merge(buckets, width, new Bucket(rs.getLong(1), rs.getLong(2), RunStore.value(rs, 3), RunStore.value(rs, 4),
                            RunStore.value(rs, 5), rs.getLong(6)));
                }
            }
        }
        add(c, seriesId, (lastBlock + 1) * span, hi, width, level - 1, buckets);
    }

    /** Adds a piece (a point or a block) to the bucket of the grid that holds it; NaN stays out of min and max. */
    static void merge(TreeMap<Long, Bucket> buckets, long width, Bucket piece) {
        buckets.merge(Math.floorDiv(piece.firstStep(), width), piece, (a, b) -> {
            Bucket later = a.lastStep() > b.lastStep() ? a : b;
            return new Bucket(Math.min(a.firstStep(), b.firstStep()), later.lastStep(), nanMin(a.min(), b.min()),
                    nanMax(a.max(), b.max()), later.last(), a.count() + b.count());
        });
    }

    private static double nanMin(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
