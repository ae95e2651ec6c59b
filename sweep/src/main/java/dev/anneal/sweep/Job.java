package dev.anneal.sweep;

import java.io.Serializable;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trial to run: its setup for {@code budget} steps. {@code id} is a hash of the sweep, the setup and the budget:
 * the same trial gets the same id in every run of the sweep, which is what makes it run once.
 *
 * @param params the swept values that chose this trial (for tables and figures)
 * @param label  what the strategy calls it (rung, member and generation)
 */
public record Job(String id, Setup setup, long budget, SortedMap<String, String> params, String label)
        implements Serializable {
    public Job {
        params = new TreeMap<>(params);
    }

    static Job of(String sweepId, Setup setup, long budget, SortedMap<String, String> params, String label) {
        return new Job(SweepSpec.hash(sweepId + "|" + setup.canonical(budget)), setup, budget, params, label);
    }

    /** Runs the trial: what an engine's worker calls. */
    public Outcome run() {
        return Trials.run(setup, budget);
    }
}
