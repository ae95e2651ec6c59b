package dev.anneal.cli;

import dev.anneal.djl.RunListener;
import dev.anneal.djl.Step;
import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunStore;

import java.nio.file.Path;

/** A command's run in the store, or nothing with --no-store: commands call it the same way either way. */
class Recording implements AutoCloseable {
    static final Recording NONE = new Recording(null, null);

    private final RunStore store;
    private final Recorder recorder;

    Recording(RunStore store, Recorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    String id() {
        return recorder.runId();
    }

    /** Whether this records anything (false with --no-store). */
    boolean on() {
        return recorder != null;
    }

    /** Starts a run of this run's store with this run as its parent (a lab's study, a sweep's trial). */
    Recorder child(NewRun run) {
        if (recorder == null) throw new IllegalStateException("--no-store: no run to be the parent");
        return store.start(run.withParent(id()).withCodeVersion(Version.number()));
    }

    void step(Step s) {
        if (recorder == null) return;
        RunListener.record(recorder, s);
        recorder.time(s.step());
    }

    void value(String series, long step, double value) {
        if (recorder != null) recorder.record(series, step, value);
    }

    void event(long step, String type, String message) {
        if (recorder != null) recorder.event(step, type, message);
    }

    void metric(String name, double value) {
        if (recorder != null) recorder.metric(name, value);
    }

    void artifact(Path file, String kind) {
        if (recorder != null) recorder.artifact(file, kind);
    }

    void finish() {
        if (recorder != null) recorder.finish();
    }

    void fail(String message) {
        if (recorder != null) recorder.fail(message);
    }

    /** Ends the run as FAILED unless finish() or fail() ended it, and closes the store. */
    @Override
    public void close() {
        if (recorder == null) return;
        try {
            recorder.close();
        } finally {
            store.close();
        }
    }
}
