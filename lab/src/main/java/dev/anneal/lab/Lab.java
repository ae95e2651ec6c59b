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
import java.util.function.LongSupplier;

/**
 * Runs studies: one job per (study, seed) on a pool of workers; seed k of every study is the number k. A study's
 * sweep variants run on the same seeds, and their verdicts join the study's result.
 */
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

    /** A study or one of its sweep variants, and what its trials came to. */
    private record Job(Study study, String sweepValue, List<Future<Trial>> trials) {}

    public static List<Result> run(List<Study> studies, int seeds, Mode mode, int jobs, Progress progress) {
        if (seeds < MIN_SEEDS) throw new IllegalArgumentException("seeds (" + seeds + ") must be >= " + MIN_SEEDS);
        if (jobs < 1) throw new IllegalArgumentException("jobs (" + jobs + ") must be >= 1");
        List<List<Study>> units = new ArrayList<>();
        for (Study s : studies) {
            List<Study> unit = new ArrayList<>(List.of(s));
            s.sweep().ifPresent(sw -> sw.points().forEach(p -> unit.add(p.study())));
            units.add(unit);
        }
        int total = units.stream().mapToInt(List::size).sum() * seeds;
        AtomicInteger done = new AtomicInteger();
        AtomicLongArray nanos = new AtomicLongArray(studies.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "lab-worker");
            t.setDaemon(true);
            return t;
        })) {
            List<List<Job>> submitted = new ArrayList<>();
            for (int s = 0; s < studies.size(); s++) {
                List<Job> unitJobs = new ArrayList<>();
                List<Study> unit = units.get(s);
                for (int v = 0; v < unit.size(); v++) {
                    Study study = unit.get(v);
                    String value = v == 0 ? null : studies.get(s).sweep().orElseThrow().points().get(v - 1).value();
                    unitJobs.add(new Job(study, value, submit(pool, study, studies.get(s).id(), seeds, mode, nanos, s, done, total, progress)));
                }
                submitted.add(unitJobs);
            }
            List<Result> results = new ArrayList<>();
            for (int s = 0; s < studies.size(); s++) {
                List<Job> unitJobs = submitted.get(s);
                List<Sweep.Outcome> sweep = new ArrayList<>();
                for (Job j : unitJobs.subList(1, unitJobs.size())) {
                    Result r = collect(j.study(), mode, seeds, j.trials(), List.of(), () -> 0);
                    sweep.add(new Sweep.Outcome(j.sweepValue(), r.judgement().map(Judgement::verdict).orElse(Verdict.INCONCLUSIVE),
                            r.judgement().map(Judgement::reason).orElseGet(() -> "error: " + r.error().orElse(""))));
                }
                int index = s;
                results.add(collect(studies.get(s), mode, seeds, unitJobs.getFirst().trials(), sweep, () -> nanos.get(index) / 1_000_000));
            }
            return results;
        }
    }

    private static List<Future<Trial>> submit(ExecutorService pool, Study study, String owner, int seeds, Mode mode, AtomicLongArray nanos,
                                              int index, AtomicInteger done, int total, Progress progress) {
        List<Future<Trial>> perSeed = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            long seed = k;
            perSeed.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    return study.run(mode, seed);
                } finally {
                    nanos.addAndGet(index, System.nanoTime() - t0);
                    progress.update(done.incrementAndGet(), total, owner + " seed " + seed);
                }
            }));
        }
        return perSeed;
    }

    /** The study's result once its trials are done; {@code millis} is read then, when every trial has added its time. */
    private static Result collect(Study study, Mode mode, int seeds, List<Future<Trial>> futures, List<Sweep.Outcome> sweep, LongSupplier millis) {
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
        if (error != null) return Result.failed(study, mode, seeds, error, millis.getAsLong());
        try {
            return Result.of(study, mode, seeds, Table.of(trials), meanCurves(trials), bands(trials), sweep, millis.getAsLong());
        } catch (RuntimeException e) {
            return Result.failed(study, mode, seeds, e.getClass().getSimpleName() + ": " + e.getMessage(), millis.getAsLong());
        }
    }

    /** Each curve averaged point by point over the trials that drew it (they must share its x values). */
    static Map<String, Curve> meanCurves(List<Trial> trials) {
        Map<String, Curve> mean = new LinkedHashMap<>();
        for (String label : trials.getFirst().curves().keySet()) {
            double[][] ys = ys(trials, label);
            double[] y = new double[ys[0].length];
            for (double[] cy : ys)
                for (int i = 0; i < y.length; i++) y[i] += cy[i] / trials.size();
            mean.put(label, new Curve(trials.getFirst().curves().get(label).x(), y).thin(CURVE_POINTS));
        }
        return mean;
    }

    /** Each curve's lowest and highest value over the trials, point by point: the spread the figure draws as a band. */
    static Map<String, Band> bands(List<Trial> trials) {
        Map<String, Band> bands = new LinkedHashMap<>();
        for (String label : trials.getFirst().curves().keySet()) {
            double[][] ys = ys(trials, label);
            double[] lo = ys[0].clone(), hi = ys[0].clone();
            for (double[] cy : ys)
                for (int i = 0; i < lo.length; i++) {
                    lo[i] = Math.min(lo[i], cy[i]);
                    hi[i] = Math.max(hi[i], cy[i]);
                }
            double[] x = trials.getFirst().curves().get(label).x();
            bands.put(label, new Band(new Curve(x, lo).thin(CURVE_POINTS), new Curve(x, hi).thin(CURVE_POINTS)));
        }
        return bands;
    }

    private static double[][] ys(List<Trial> trials, String label) {
        int n = trials.getFirst().curves().get(label).x().length;
        double[][] ys = new double[trials.size()][];
        for (int k = 0; k < trials.size(); k++) {
            Curve c = trials.get(k).curves().get(label);
            if (c == null || c.x().length != n)
                throw new IllegalStateException("curve '" + label + "' is missing or has a different length in some trial");
            ys[k] = c.y();
        }
        return ys;
    }
}
