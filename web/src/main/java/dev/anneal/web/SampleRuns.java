package dev.anneal.web;

import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic runs for the dashboard's tests, screenshots and benchmark: a warmup-cosine learning rate, a momentum
 * that mirrors it, a noisy decaying loss with rare spikes, wall time, and events at warmup's end and at a restart.
 */
public final class SampleRuns {
    private SampleRuns() {}

    /** Records a finished run of {@code steps} steps and {@code series} series (≥ 4); returns its id. */
    public static String record(RunStore store, String name, long steps, int series, double peakLr, long seed) {
        try (Recorder r = start(store, name, steps, peakLr, seed)) {
            write(r, 0, steps, steps, series, peakLr, seed);
            r.metric("loss", loss(steps - 1, steps, new SplittableRandom(seed)));
            r.finish();
            return r.runId();
        }
    }

    /** Starts a run and records its first {@code done} steps of {@code steps}: the caller finishes (or abandons) it. */
    public static Recorder running(RunStore store, String name, long steps, long done, double peakLr, long seed) {
        Recorder r = start(store, name, steps, peakLr, seed);
        write(r, 0, done, steps, 4, peakLr, seed);
        return r;
    }

    /** {@code n} short finished runs over a grid of peak learning rates and seeds; returns their ids. */
    public static List<String> many(RunStore store, int n, long steps) {
        double[] lrs = {0.03, 0.1, 0.3};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lr = lrs[i % lrs.length];
            ids.add(record(store, "sweep lr=" + lr + " seed=" + (i / lrs.length), steps, 4, lr, i / lrs.length));
        }
        return ids;
    }

    private static Recorder start(RunStore store, String name, long steps, double peakLr, long seed) {
        String schedule = "lr: warmup(5%, cosine(" + peakLr + ", steps=95%))\nmomentum: 0.9";
        return store.start(NewRun.of(RunKind.TRAIN, name).withSeed(seed).withSchedule(schedule)
                .withConfig(Map.of("lr", Double.toString(peakLr), "batch", "64", "steps", Long.toString(steps),
                        "model", "mlp", "optimizer", "sgd")));
    }

    private static void write(Recorder r, long from, long to, long steps, int series, double peakLr, long seed) {
        long warmup = Math.max(1, steps / 20);
        SplittableRandom noise = new SplittableRandom(seed);
        Recorder.Series loss = r.series("loss"), lr = r.series("lr", "0"), momentum = r.series("momentum", "0"),
                time = r.series(Recorder.TIME);
        List<Recorder.Series> extra = new ArrayList<>();
        for (int s = 4; s < series; s++) extra.add(r.series("metric" + (s - 3)));
        for (long t = from; t < to; t++) {
            double rate = t < warmup ? peakLr * (t + 1) / warmup
                    : peakLr * 0.5 * (1 + Math.cos(Math.PI * (t - warmup) / (steps - warmup)));
            r.record(lr, t, rate);
            r.record(momentum, t, 0.95 - 0.1 * rate / peakLr);
            r.record(loss, t, loss(t, steps, noise));
            r.record(time, t, t * 0.004);
            for (int s = 0; s < extra.size(); s++) r.record(extra.get(s), t, Math.sin(t * (s + 1) * 1e-3) + noise.nextDouble() * 0.1);
        }
        if (from <= warmup && warmup < to) r.event(warmup, "warmup-end", "warmup ended at step " + warmup);
        if (from <= steps / 2 && steps / 2 < to) r.event(steps / 2, "snapshot", "snapshot at half way");
    }

    /** A decaying loss with noise and a spike every 997 steps: downsampling must keep the spikes. */
    private static double loss(long t, long steps, SplittableRandom noise) {
        double base = 2.3 * Math.exp(-3.0 * t / steps) + 0.1;
        return base * (1 + 0.1 * noise.nextDouble()) + (t % 997 == 500 ? 1.5 : 0);
    }
}
