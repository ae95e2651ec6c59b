package dev.anneal.sweep;

/** How a sweep picks its trials and how long each runs. */
public sealed interface Strategy {
    /** Every combination of the space's values, for every seed. */
    record Grid() implements Strategy {}

    /** {@code trials} configurations drawn from the space with a seeded generator, each for every seed. */
    record Random(int trials, long seed) implements Strategy {
        public Random {
            if (trials < 1) throw new IllegalArgumentException("strategy.random.trials (" + trials + ") must be >= 1");
        }
    }

    /**
     * Asynchronous successive halving over {@code trials} random configurations: rung k trains for
     * {@code minSteps·eta^k} steps (capped at the run's steps); a trial goes up a rung when it is in the top 1/eta of
     * the trials that finished its rung so far, and stops otherwise.
     */
    record Asha(int trials, long seed, long minSteps, int eta) implements Strategy {
        public Asha {
            if (trials < 1) throw new IllegalArgumentException("strategy.asha.trials (" + trials + ") must be >= 1");
            if (minSteps < 1) throw new IllegalArgumentException("strategy.asha.min_steps (" + minSteps + ") must be >= 1");
            if (eta < 2) throw new IllegalArgumentException("strategy.asha.eta (" + eta + ") must be >= 2");
        }
    }

    /**
     * Population-based training: {@code population} members train in generations of {@code interval} steps; after
     * each, the worst {@code quantile} of members take the history of a random member of the best {@code quantile}
     * and multiply each numeric hyperparameter by one of {@code perturb} (drawn with {@code seed}).
     */
    record Pbt(int population, long interval, double quantile, double[] perturb, long seed) implements Strategy {
        public Pbt {
            if (population < 2) throw new IllegalArgumentException("strategy.pbt.population (" + population + ") must be >= 2");
            if (interval < 1) throw new IllegalArgumentException("strategy.pbt.interval (" + interval + ") must be >= 1");
            if (!(quantile > 0 && quantile <= 0.5)) {
                throw new IllegalArgumentException("strategy.pbt.quantile (" + quantile + ") must be in (0, 0.5]");
            }
            if (perturb.length == 0) throw new IllegalArgumentException("strategy.pbt.perturb must not be empty");
            for (double p : perturb) {
                if (!(p > 0)) throw new IllegalArgumentException("strategy.pbt.perturb factor (" + p + ") must be > 0");
            }
            perturb = perturb.clone();
        }
    }
}
