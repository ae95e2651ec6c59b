package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Sweep;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.TwoValley;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.schedule.Schedule;

import java.util.Optional;
import java.util.SplittableRandom;

/** S42: a small LR stays in the sharp valley; an LR near its stability limit oscillates out into the flat one. */
public final class S42SharpFlat implements Study {
    static final TwoValley TASK = new TwoValley(20, -1, 1, 2, 0);
    static final double SIGMA = 1;

    /** The gradient noise: the verdict flips between c = 0.8 and 0.95 at σ = 1 (a knife edge), so the report sweeps σ. */
    private final double sigma;

    public S42SharpFlat() {
        this(SIGMA);
    }

    S42SharpFlat(double sigma) {
        this.sigma = sigma;
    }

    @Override
    public Optional<Sweep> sweep() {
        return sigma == SIGMA ? Optional.of(Sweep.of("gradient noise σ", S42SharpFlat::new, 0.5, 2, 4)) : Optional.empty();
    }
    static final int STARTS = 50;
    static final double[] FACTORS = {0.1, 0.2, 0.5, 0.8, 0.95, 1.05};

    @Override public String id() { return "S42"; }
    @Override public String title() { return "Large LR leaves the sharp valley for the flat one"; }
    @Override public String source() { return "003"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "unchanged verdict at σ = 1; the sweep shows it does not hold at σ = 0.5 (INCONCLUSIVE), so it rests on the noise level")); }

    @Override
    public String claim() {
        return "Two valleys, one sharp and one flat: a small LR settles in the sharp minimum; an LR near the sharp valley's "
                + "stability limit oscillates out of it and lands in the flat one.";
    }

    @Override
    public String setup(Mode mode) {
        return "1-D landscape min(½·20·(x+1)², ½·(x−2)²): sharp valley at −1 (λ = 20, limit η < 0.1), flat valley at 2 (λ = 1). "
                + STARTS + " runs per seed start uniformly in [−1.3, −0.7] (inside the sharp basin),  SGD with gradient noise N(0, " + sigma + "²), "
                + mode.pick(2000, 500) + " steps at constant η = c·2/20 for c in 0.1, 0.2, 0.5, 0.8, 0.95, 1.05. The arms compared are "
                + "small (c = 0.1) and near the limit (c = 0.95).";
    }

    @Override
    public String metric() {
        return "fraction of runs whose final point lies in the flat valley's basin (higher means it escaped).";
    }

    static String arm(double c) {
        return "η = " + c + "·2/λ_sharp";
    }

    @Override
    public Rule rule() {
        return Rule.higher(arm(0.95), arm(0.1));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Share of runs ending in the flat valley (mean over seeds)", "η·λ_sharp/2", "share in flat valley");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = mode.pick(2000, 500);
        Trial trial = new Trial();
        double[] shares = new double[FACTORS.length];
        for (int k = 0; k < FACTORS.length; k++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int flat = 0;
            for (int r = 0; r < STARTS; r++) {
                float[] x = {(float) (-1.3 + 0.6 * rng.nextDouble())};
                Descent.run(x, (p, g, t) -> {
                    TASK.gradient(p, g);
                    g[0] += (float) (sigma * rng.nextGaussian());
                }, TASK::loss, Schedule.constant(FACTORS[k] * 2 / 20), Optimizers::sgd, steps, steps);
                if (!TASK.inSharp(x[0])) flat++;
            }
            shares[k] = flat / (double) STARTS;
            trial.metric(arm(FACTORS[k]), shares[k]);
        }
        return trial.curve("share in flat valley", new Curve(FACTORS, shares));
    }
}
