package dev.anneal.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records one run. The calls are cheap and never touch the database: they append to a buffer that a writer thread
 * commits in batches, one transaction each, every {@value #FLUSH_MILLIS} ms (or sooner when the buffer is large),
 * renewing the run's heartbeat. A value of a (series, step) is stored once; a second one for the same step is
 * ignored. Safe to call from several threads.
 *
 * <p>End a run with {@link #finish()} or {@link #fail(String)}: both wait until everything recorded is committed.
 * {@link #close()} without either marks the run FAILED, so try-with-resources records a loop that threw.
 */
public final class Recorder implements AutoCloseable {
    static final long FLUSH_MILLIS = 200;
    /** Rows at which the writer is woken before its interval is up. */
    static final int BATCH_ROWS = 20_000;
    /** Rows at which record() waits for the writer: memory stays bounded when the database is slower than the loop. */
    static final int MAX_PENDING_ROWS = 2_000_000;

    /** A series of this run, resolved once so that recording a value needs no lookup. */
    public static final class Series {
        private final SeriesKey key;
        final int index;

        private Series(SeriesKey key, int index) {
            this.key = key;
            this.index = index;
        }

        public SeriesKey key() {
            return key;
        }
    }

    /** The series of seconds since the run started, per step: the dashboard's wall-time axis reads it. */
    public static final String TIME = "time";

    private final String runId;
    private final long startedNanos = System.nanoTime();
    private final Object lock = new Object();
    private final Map<SeriesKey, Series> series = new HashMap<>();
    private Batch pending = new Batch();
    private int nextEventSeq;
    private long takenBatches;
    private long writtenBatches;
    private boolean flushNow;
    private boolean ended;
    private RuntimeException failure;
    private final BatchWriter writer;
    private final Thread thread;

    Recorder(Connector connector, String runId, Liveness liveness) {
        this.runId = runId;
        this.writer = new BatchWriter(connector, runId);
        this.thread = Thread.ofPlatform().daemon().name("anneal-store-" + runId)
                .unstarted(() -> writeLoop(liveness.heartbeat()));
        thread.start();
    }

    /** Records, as series {@value #TIME} at {@code step}, the seconds since this run started. */
    public void time(long step) {
        record(TIME, step, (System.nanoTime() - startedNanos) / 1e9);
    }

    /** The run's id, as {@code anneal runs show} takes it. */
    public String runId() {
        return runId;
    }

    /** The series {@code name} of parameter group {@code group} ("" for none). */
    public Series series(String name, String group) {
        SeriesKey key = new SeriesKey(name, group);
        synchronized (lock) {
            return series.computeIfAbsent(key, k -> {
                Series s = new Series(k, series.size());
                pending.newSeries.add(s.key);
                return s;
            });
        }
    }

    public Series series(String name) {
        return series(name, "");
    }

    /** Records {@code value} of {@code s} at {@code step} (≥ 0). NaN and infinities are kept as they are. */
    public void record(Series s, long step, double value) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step + " for " + s.key);
        }
        synchronized (lock) {
            checkOpen();
            while (pending.size >= MAX_PENDING_ROWS && failure == null) {
                flushNow = true;
                lock.notifyAll();
                waitOn();
            }
            pending.add(s.index, step, value);
            if (pending.size >= BATCH_ROWS) {
                lock.notifyAll();
            }
        }
    }

    public void record(String name, long step, double value) {
        record(series(name, ""), step, value);
    }

    public void record(String name, String group, long step, double value) {
        record(series(name, group), step, value);
    }

    /** Records an event at {@code step}: {@code type} is a short word (warmup-end, restart, skip, plateau…). */
    public void event(long step, String type, String message) {
        Objects.requireNonNull(type, "type");
        synchronized (lock) {
            checkOpen();
            pending.events.add(new BatchWriter.PendingEvent(nextEventSeq++, step, System.currentTimeMillis(), type,
                    message == null ? "" : message));
        }
    }

    /** Records a file the run produced, by its absolute path; a second call for one path replaces its kind. */
    public void artifact(Path path, String kind) {
        synchronized (lock) {
            checkOpen();
            pending.artifacts.put(path.toAbsolutePath().normalize().toString(), kind);
        }
    }

    /** Sets a final metric (the last value set wins); list and compare show these. */
    public void metric(String name, double value) {
        synchronized (lock) {
            checkOpen();
            pending.metrics.put(name, value);
        }
    }

    /** Waits until everything recorded so far is committed. */
    public void flush() {
        synchronized (lock) {
            long target = takenBatches + 1;
            flushNow = true;
            lock.notifyAll();
            while (writtenBatches < target && failure == null) {
                waitOn();
            }
            throwIfFailed();
        }
    }

    /** Marks the run FINISHED once everything recorded is committed. */
    public void finish() {
        end(RunStatus.FINISHED, null);
    }

    /** Marks the run FAILED with {@code message} once everything recorded is committed. */
    public void fail(String message) {
        end(RunStatus.FAILED, message);
    }

    /** Ends the run as FAILED unless it was finished or failed already. */
    @Override
    public void close() {
        boolean open;
        synchronized (lock) {
            open = !ended;
        }
        if (open) {
            end(RunStatus.FAILED, "closed before finish()");
        }
    }

    private void end(RunStatus status, String message) {
        synchronized (lock) {
            checkOpen();
            ended = true;
            pending.end = status;
            pending.endMessage = message;
            flushNow = true;
            lock.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while ending run " + runId);
        }
        synchronized (lock) {
            throwIfFailed();
        }
    }

    private void writeLoop(Duration heartbeat) {
        long lastBeat = System.currentTimeMillis();
        try {
            while (true) {
                Batch batch;
                synchronized (lock) {
                    long due = System.currentTimeMillis() + FLUSH_MILLIS;
                    while (!flushNow && pending.size < BATCH_ROWS) {
                        long left = due - System.currentTimeMillis();
                        if (left <= 0) {
                            break;
                        }
                        lock.wait(left);
                    }
                    flushNow = false;
                    batch = pending;
                    pending = new Batch();
                    takenBatches++;
                    lock.notifyAll();
                }
                long now = System.currentTimeMillis();
                if (!batch.isEmpty() || now - lastBeat >= heartbeat.toMillis()) {
                    writer.write(batch, now);
                    lastBeat = now;
                }
                synchronized (lock) {
                    writtenBatches++;
                    lock.notifyAll();
                }
                if (batch.end != null) {
                    return;
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            synchronized (lock) {
                failure = e instanceof StoreException s ? s
                        : new StoreException("recording run " + runId + " failed: " + e.getMessage(), e);
                lock.notifyAll();
            }
        } finally {
            writer.close();
        }
    }

    private void checkOpen() {
        throwIfFailed();
        if (ended) {
            throw new IllegalStateException("run " + runId + " has ended: nothing more can be recorded");
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    private void waitOn() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while recording run " + runId);
        }
    }

    /** What the writer commits in one transaction. */
    static final class Batch {
        final List<SeriesKey> newSeries = new ArrayList<>();
        int[] seriesIndex = new int[1024];
        long[] steps = new long[1024];
        double[] values = new double[1024];
        int size;
        final List<BatchWriter.PendingEvent> events = new ArrayList<>();
        final Map<String, String> artifacts = new LinkedHashMap<>();
        final Map<String, Double> metrics = new LinkedHashMap<>();
        RunStatus end;
        String endMessage;

        void add(int series, long step, double value) {
            if (size == steps.length) {
                int n = size * 2;
                seriesIndex = java.util.Arrays.copyOf(seriesIndex, n);
                steps = java.util.Arrays.copyOf(steps, n);
                values = java.util.Arrays.copyOf(values, n);
            }
            seriesIndex[size] = series;
            steps[size] = step;
            values[size] = value;
            size++;
        }

        boolean isEmpty() {
            return size == 0 && newSeries.isEmpty() && events.isEmpty() && artifacts.isEmpty() && metrics.isEmpty()
                    && end == null;
        }
    }
}
