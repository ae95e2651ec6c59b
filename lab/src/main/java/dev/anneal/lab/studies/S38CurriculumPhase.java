package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Sweep;
import dev.anneal.lab.Trial;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.optim.ScheduleSet;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * S38: an RL-style curriculum whose difficulty (the curvature c(t)) is periodic, with the LR and the difficulty as
 * two hyperparameters of one schedule set: c = rescale(lr) in phase, rescale(counter(lr)) in anti-phase.
 */
public final class S38CurriculumPhase implements Study {
    static final int DIM = 8, PERIOD = 200;
    static final double LO = 0.05, HI = 0.5, C_MIN = 1, C_MAX = 5, NOISE = 0.1;
    /** The LR's peak: in phase, η·c peaks at 5·hi; whether the window above 2 is long enough to diverge is the knife edge. */
    private final double hi;

    public S38CurriculumPhase() {
        this(HI);
    }

    S38CurriculumPhase(double hi) {
        this.hi = hi;
    }

    @Override
    public Optional<Sweep> sweep() {
        return hi == HI ? Optional.of(Sweep.of("peak LR (in phase, η·c peaks at 5× it)", S38CurriculumPhase::new, 0.7, 1.0)) : Optional.empty();
    }

    @Override public String id() { return "S38"; }
    @Override public String title() { return "RL curriculum: LR against periodic difficulty"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "RL curriculum with periodic difficulty c(t): LR in anti-phase with curvature is stable; in phase, η(t)·c(t) crosses 2 and the learner diverges.";
    }

    static int steps(Mode mode) {
        return mode.pick(4000, 1000);
    }

    String lr() {
        return "cyclic(" + LO + ", " + hi + ", up=" + PERIOD / 2 + ")";
    }

    @Override
    public String setup(Mode mode) {
        return "Policy parameters θ ∈ ℝ^" + DIM + " on the loss ½·c(t)·Σ cᵢ·θᵢ² (cᵢ uniform in [0.5, 1] per seed, so the top curvature is c(t)·max cᵢ), "
                + "gradient noise N(0, " + NOISE + "²), θ₀ ~ N(0, 1), optim's SGD for " + steps(mode) + " steps. Schedule set: lr = " + lr()
                + "; difficulty c = rescale(lr, min=" + C_MIN + ", max=" + C_MAX + ") in phase, rescale(counter(lr), min=" + C_MIN + ", max=" + C_MAX
                + ") in anti-phase. In phase the peak η·c is " + hi * C_MAX + " > 2.";
    }

    @Override
    public String metric() {
        return "log10 of the final loss over the initial loss (both at unit difficulty, ½·Σ cᵢθᵢ²) (capped at 30: diverged); and max over the run of η(t)·c(t)·max cᵢ as the optimizer "
                + "applied it (read back from the schedule set, an identity of the design).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("anti-phase", "in phase"), Rule.below("anti-phase", 0), Rule.above("in phase", 0));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Loss (log10, relative to the start; mean over seeds)", "step", "log10 L / L0");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 10;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ci = new double[DIM];
        float[] start = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            ci[i] = 0.5 + 0.5 * rng.nextDouble();
            start[i] = (float) rng.nextGaussian();
        }
        Trial trial = new Trial();
        for (String[] arm : new String[][] {{"in phase", "rescale(lr, min=" + C_MIN + ", max=" + C_MAX + ")"},
                {"anti-phase", "rescale(counter(lr), min=" + C_MIN + ", max=" + C_MAX + ")"}}) {
            ScheduleSet set = Scheduled.set(steps, "lr", lr(), "difficulty", arm[1]);
            float[] th = start.clone(), g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, set, th);
            SplittableRandom noise = new SplittableRandom(seed + 1);
            double l0 = loss(th, ci), peak = 0, top = max(ci);
            double[] curve = new double[steps / every + 1];
            boolean diverged = false;
            for (int t = 0; t < steps; t++) {
                double c = opt.value("difficulty");
                peak = Math.max(peak, opt.value("lr") * c * top);
                for (int i = 0; i < DIM; i++) g[i] = (float) (c * ci[i] * th[i] + NOISE * noise.nextGaussian());
                opt.step(g);
                double l = loss(th, ci);
                if (!(l < 1e30 * l0)) diverged = true;
                if ((t + 1) % every == 0) curve[(t + 1) / every] = diverged ? 30 : Math.log10(l / l0);
                if (diverged) {
                    for (int k = (t + 1) / every; k < curve.length; k++) curve[k] = 30;
                    break;
                }
            }
            trial.metric(arm[0], curve[curve.length - 1]).metric(arm[0] + ": max η·c·max cᵢ", peak);
            trial.curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    /** The loss at unit difficulty, so that values at different steps compare. */
    private static double loss(float[] th, double[] ci) {
        double s = 0;
        for (int i = 0; i < th.length; i++) s += 0.5 * ci[i] * th[i] * th[i];
        return s;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }
}
