package dev.anneal.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Population-based training (Jaderberg et al., 2017) in synchronous generations. A member is its history: the
 * hyperparameter values of each generation so far. Its job for generation g trains from step 0 to the end of g with
 * each swept hyperparameter as a piecewise-constant schedule over that history; so "copying a good member's state"
 * is taking its history, and the state is reproduced exactly by replay (trials are deterministic). All members train
 * on the first seed, so they share their data order. The winner's last setup is the exported schedule set.
 */
final class PbtPlanner implements Planner {
    private final String sweepId;
    private final SweepSpec spec;
    private final Strategy.Pbt pbt;
    private final int generations;
    private final SplittableRandom rng;
    /** histories.get(i).get(g): member i's values in generation g. */
    private final List<List<SortedMap<String, String>>> histories = new ArrayList<>();
    private final Map<Job, Integer> members = new HashMap<>();
    private final double[] metrics;
    private final Job[] current;
    private int generation, issued, reported;

    PbtPlanner(SweepSpec spec, Strategy.Pbt pbt) {
        this.sweepId = spec.id();
        this.spec = spec;
        this.pbt = pbt;
        this.generations = (int) ((spec.steps() + pbt.interval() - 1) / pbt.interval());
        this.rng = new SplittableRandom(pbt.seed());
        for (SortedMap<String, String> c : Planner.sample(spec.space(), pbt.population(), pbt.seed())) {
            List<SortedMap<String, String>> h = new ArrayList<>();
            h.add(c);
            histories.add(h);
        }
        this.metrics = new double[pbt.population()];
        this.current = new Job[pbt.population()];
    }

    @Override
    public Job next() {
        if (generation >= generations || issued == pbt.population()) return null;
        int i = issued++;
        List<SortedMap<String, String>> h = histories.get(i);
        long budget = Math.min((generation + 1) * pbt.interval(), spec.steps());
        Job job = Job.of(sweepId, spec.setup(piecewise(h), spec.seeds().getFirst()), budget, h.getLast(),
                "member " + i + " generation " + generation);
        members.put(job, i);
        current[i] = job;
        return job;
    }

    /** Each parameter's value per generation as spec text: a number when it never changed, else piecewise. */
    private SortedMap<String, String> piecewise(List<SortedMap<String, String>> history) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String key : history.getFirst().keySet()) {
            StringBuilder text = new StringBuilder();
            int g = 0;
            while (g < history.size()) {
                String v = history.get(g).get(key);
                int end = g;
                while (end + 1 < history.size() && history.get(end + 1).get(key).equals(v)) end++;
                if (end + 1 == history.size()) {
                    text.append(g == 0 ? v : "constant(" + v + ")");
                } else {
                    text.append("linear(").append(v).append(", ").append(v).append(", steps=")
                            .append((end - g + 1) * pbt.interval()).append(") then ");
                }
                g = end + 1;
            }
            out.put(key, text.toString());
        }
        return out;
    }

    @Override
    public void done(Job job, double metric) {
        metrics[members.get(job)] = metric;
        if (++reported < pbt.population()) return;
        reported = issued = 0;
        generation++;
        if (generation < generations) exploitAndExplore();
    }

    /** The worst quantile take a random best member's history and perturb its latest values. */
    private void exploitAndExplore() {
        int n = pbt.population(), cut = Math.max(1, (int) Math.floor(n * pbt.quantile()));
        List<Integer> ranked = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> metrics[i])).toList();
        List<Integer> best = ranked.subList(0, cut), worst = ranked.subList(n - cut, n);
        List<List<SortedMap<String, String>>> next = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<SortedMap<String, String>> h;
            if (worst.contains(i)) {
                h = new ArrayList<>(histories.get(best.get(rng.nextInt(cut))));
                h.add(perturb(h.getLast()));
            } else {
                h = new ArrayList<>(histories.get(i));
                h.add(h.getLast());
            }
            next.add(h);
        }
        histories.clear();
        histories.addAll(next);
    }

    private SortedMap<String, String> perturb(SortedMap<String, String> values) {
        SortedMap<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            Domain.Span span = (Domain.Span) spec.space().get(k);
            double x = Double.parseDouble(v) * pbt.perturb()[rng.nextInt(pbt.perturb().length)];
            x = Math.clamp(x, span.lo(), span.hi());
            out.put(k, span.text(x));
        });
        return out;
    }

    @Override
    public int expected() {
        return generations * pbt.population();
    }

    /** The members' histories now: after the sweep, each member's values in every generation it lived. */
    List<List<SortedMap<String, String>>> histories() {
        return histories;
    }

    /** The last job of every member: after the sweep, the final generation's. */
    List<Job> lastJobs() {
        return List.of(current);
    }
}
