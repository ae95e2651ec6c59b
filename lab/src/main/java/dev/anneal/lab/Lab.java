package dev.anneal.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/** Runs studies: one job per (study, seed) on a pool of workers; seed k of every study is the number k. */
public final class Lab {
    private Lab() {}

    /** Fewest seeds a verdict may rest on. */
    public static final int MIN_SEEDS = 5;
    /** Most points per averaged curve kept for the figure and results.json. */
    static final int CURVE_POINTS = 400;

    /** Told after every finished trial. */
    public interface Progress {
        void update(int done, int total, String finished);
    }

    public static List<Result> run(List<Study> studies, int seeds, Mode mode, int jobs, Progress progress) {
        if (seeds < MIN_SEEDS) throw new IllegalArgumentException("seeds (" + seeds + ") must be >= " + MIN_SEEDS);
        if (jobs < 1) throw new IllegalArgumentException("jobs (" + jobs + ") must be >= 1");
        int total = studies.size() * seeds;
        AtomicInteger done = new AtomicInteger();
        List<List<Future<Trial>>> futures = new ArrayList<>();
        AtomicLongArray nanos = new AtomicLongArray(studies.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "lab-worker");
            t.setDaemon(true);
            return t;
        })) {
            for (int s = 0; s < studies.size(); s++) {
                Study study = studies.get(s);
                int index = s;
                List<Future<Trial>> perSeed = new ArrayList<>();
                for (int k = 0; k < seeds; k++) {
                    long seed = k;
                    perSeed.add(pool.submit(() -> {
                        long t0 = System.nanoTime();
                        try {
                            return study.run(mode, seed);
                        } finally {
                            nanos.addAndGet(index, System.nanoTime() - t0);
                            progress.update(done.incrementAndGet(), total, study.id() + " seed " + seed);
                        }
                    }));
                }
                futures.add(perSeed);
            }
            List<Result> results = new ArrayList<>();
            for (int s = 0; s < studies.size(); s++) results.add(collect(studies.get(s), mode, seeds, futures.get(s), nanos, s));
            return results;
        }
    }

    private static Result collect(Study study, Mode mode, int seeds, List<Future<Trial>> futures, AtomicLongArray nanos, int index) {
        List<Trial> trials = new ArrayList<>();
        String error = null;
        for (Future<Trial> f : futures) {
            try {
                trials.add(f.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (error == null) error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + study.id(), e);
            }
        }
        long millis = nanos.get(index) / 1_000_000;
        if (error != null) return Result.failed(study, mode, seeds, error, millis);
        try {
            return Result.of(study, mode, seeds, Table.of(trials), meanCurves(trials), millis);
        } catch (RuntimeException e) {
            return Result.failed(study, mode, seeds, e.getClass().getSimpleName() + ": " + e.getMessage(), millis);
        }
    }

    /** Each curve averaged point by point over the trials that drew it (they must share its x values). */
    static Map<String, Curve> meanCurves(List<Trial> trials) {
        Map<String, Curve> mean = new LinkedHashMap<>();
        for (String label : trials.getFirst().curves().keySet()) {
            Curve first = trials.getFirst().curves().get(label);
            double[] y = new double[first.x().length];
            for (Trial t : trials) {
                Curve c = t.curves().get(label);
                if (c == null || c.x().length != y.length)
                    throw new IllegalStateException("curve '" + label + "' is missing or has a different length in some trial");
                double[] cy = c.y();
                for (int i = 0; i < y.length; i++) y[i] += cy[i] / trials.size();
            }
            mean.put(label, new Curve(first.x(), y).thin(CURVE_POINTS));
        }
        return mean;
    }
}
