package dev.anneal.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning", 2020): when a
 * worker is free, promote a trial that is in the top 1/η of those done at its rung (highest rung first), else start a
 * new trial at rung 0. Rung k trains for {@code min_steps·η^k} steps, the last rung for all the run's steps. A
 * trial's rungs are separate jobs that train from step 0 (trials are deterministic, so rung k+1 continues rung k's
 * trajectory exactly; the price is at most η/(η−1) times the steps of running on from a checkpoint).
 */
final class AshaPlanner implements Planner {
    /** A configuration and seed that climbs the rungs. */
    private record Unit(int index, SortedMap<String, String> params, long seed) {}

    private record Done(Unit unit, double metric) {}

    private final String sweepId;
    private final SweepSpec spec;
    private final long[] budgets;
    private final int eta;
    private final List<Unit> units = new ArrayList<>();
    private final List<List<Done>> rungs = new ArrayList<>();
    private final List<Set<Integer>> promoted = new ArrayList<>();
    private final Map<String, Unit> byJob = new HashMap<>();
    private final Map<String, Integer> rungOf = new HashMap<>();
    private int started;

    AshaPlanner(SweepSpec spec, Strategy.Asha asha) {
        this.sweepId = spec.id();
        this.spec = spec;
        this.budgets = budgets(asha.minSteps(), asha.eta(), spec.steps());
        for (SortedMap<String, String> c : Planner.sample(spec.space(), asha.trials(), asha.seed())) {
            for (long seed : spec.seeds()) units.add(new Unit(units.size(), c, seed));
        }
        for (int k = 0; k < budgets.length; k++) {
            rungs.add(new ArrayList<>());
            promoted.add(new HashSet<>());
        }
        this.eta = asha.eta();
    }

    /** min·η^k below {@code steps}, then {@code steps}. */
    static long[] budgets(long min, int eta, long steps) {
        List<Long> out = new ArrayList<>();
        for (long b = min; b < steps; b *= eta) out.add(b);
        out.add(steps);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public Job next() {
        for (int k = budgets.length - 2; k >= 0; k--) {
            List<Done> ranked = new ArrayList<>(rungs.get(k));
            ranked.sort(Comparator.comparingDouble(Done::metric)); // NaN (failed) sorts last
            for (int i = 0; i < ranked.size() / eta; i++) {
                Unit u = ranked.get(i).unit();
                if (Double.isFinite(ranked.get(i).metric()) && promoted.get(k).add(u.index())) return job(u, k + 1);
            }
        }
        return started < units.size() ? job(units.get(started++), 0) : null;
    }

    private Job job(Unit u, int rung) {
        Job job = Job.of(sweepId, spec.setup(u.params(), u.seed()), budgets[rung], u.params(),
                "rung " + rung + " seed " + u.seed());
        byJob.put(job.id(), u);
        rungOf.put(job.id(), rung);
        return job;
    }

    @Override
    public void done(Job job, double metric) {
        rungs.get(rungOf.get(job.id())).add(new Done(byJob.get(job.id()), metric));
    }

    @Override
    public int expected() {
        int total = 0;
        double n = units.size();
        for (int k = 0; k < budgets.length; k++, n /= eta) total += (int) Math.ceil(n);
        return total;
    }

    /** The rung each trial stopped at (the highest it finished), by trial index: for tests and the summary. */
    int[] stoppedAt() {
        int[] out = new int[units.size()];
        java.util.Arrays.fill(out, -1);
        for (int k = 0; k < rungs.size(); k++) for (Done d : rungs.get(k)) out[d.unit().index()] = k;
        return out;
    }
}
