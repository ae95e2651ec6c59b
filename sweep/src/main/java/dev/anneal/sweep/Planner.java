package dev.anneal.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A strategy at work: proposes the next trial and hears each result. The driver asks for jobs while a worker is free
 * and stops when no job is running and none is proposed. Results are metrics, lower better; NaN is a failed trial.
 */
interface Planner {
    /** The next job to start now, or null when none can start until a running one reports. */
    Job next();

    void done(Job job, double metric);

    /**
     * How many jobs the sweep is expected to run (for the progress line): exact for a grid, random search and PBT;
     * for ASHA the synchronous count, which asynchronous promotions may exceed.
     */
    int expected();

    static Planner of(SweepSpec spec) {
        String id = spec.id();
        return switch (spec.strategy()) {
            case Strategy.Grid g -> new ListPlanner(jobs(id, spec, grid(spec.space())));
            case Strategy.Random r -> new ListPlanner(jobs(id, spec, sample(spec.space(), r.trials(), r.seed())));
            case Strategy.Asha a -> new AshaPlanner(spec, a);
            case Strategy.Pbt p -> new PbtPlanner(spec, p);
        };
    }

    /** Every combination of the space's values, the first key varying slowest. */
    static List<SortedMap<String, String>> grid(Map<String, Domain> space) {
        List<SortedMap<String, String>> out = new ArrayList<>();
        out.add(new TreeMap<>());
        for (Map.Entry<String, Domain> e : space.entrySet()) {
            List<SortedMap<String, String>> next = new ArrayList<>();
            for (SortedMap<String, String> partial : out) {
                for (String v : e.getValue().grid()) {
                    SortedMap<String, String> m = new TreeMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * {@code n} distinct configurations drawn with a generator seeded by {@code seed}; a finite space of at most
     * {@code n} configurations is taken whole, in grid order.
     */
    static List<SortedMap<String, String>> sample(Map<String, Domain> space, int n, long seed) {
        boolean finite = space.values().stream().allMatch(d -> d instanceof Domain.Listed);
        if (finite && space.values().stream().mapToDouble(d -> d.grid().size()).reduce(1, (a, b) -> a * b) <= n) {
            return grid(space);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Set<SortedMap<String, String>> out = new LinkedHashSet<>();
        for (int draws = 0; out.size() < n && draws < 100 * n; draws++) {
            SortedMap<String, String> m = new TreeMap<>();
            space.forEach((k, d) -> m.put(k, d.sample(rng)));
            out.add(m);
        }
        return List.copyOf(out);
    }

    /** One full-length job per configuration and seed. */
    private static List<Job> jobs(String sweepId, SweepSpec spec, List<SortedMap<String, String>> configs) {
        Map<String, Job> out = new LinkedHashMap<>(); // a configuration drawn twice is one trial
        for (SortedMap<String, String> c : configs) {
            for (long seed : spec.seeds()) {
                Job job = Job.of(sweepId, spec.setup(c, seed), spec.steps(), c, "seed " + seed);
                out.putIfAbsent(job.id(), job);
            }
        }
        return List.copyOf(out.values());
    }

    /** Grid and random search: a fixed list of jobs, in order. */
    final class ListPlanner implements Planner {
        private final List<Job> jobs;
        private int next;

        ListPlanner(List<Job> jobs) {
            this.jobs = jobs;
        }

        @Override
        public Job next() {
            return next < jobs.size() ? jobs.get(next++) : null;
        }

        List<Job> jobs() {
            return jobs;
        }

        @Override
        public void done(Job job, double metric) {}

        @Override
        public int expected() {
            return jobs.size();
        }
    }
}
