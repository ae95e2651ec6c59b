package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.grad.Clipping;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.anneal.lab.train.Optimizers.rate;

/**
 * S43: clipped GD with η·λ > 2 settles on a period-2 orbit. Derivation (1-D, L = ½λx², clip at C): where |λx| ≥ C the
 * step is exactly ηC towards 0; a point x ≥ C/λ with x − ηC ≤ −C/λ maps to x − ηC and back, so every period-2 orbit
 * jumps by ηC, and such points exist iff ηC ≥ 2C/λ, i.e. ηλ ≥ 2. Inside |λx| &lt; C the unclipped map multiplies x by
 * 1 − ηλ, |1 − ηλ| > 1, so no orbit stays there: the iterates are pushed out until clipped.
 *
 * <p>The runs are optim's SGD with optim's gradient clipping, in float32 (its rounding leaves a jump error near 1e-7, ten
 * times below the tolerance). The clipping is by value: in one dimension that is exactly the claim's clip(g, C), while
 * norm clipping follows PyTorch's C/(‖g‖ + 1e-6), which shortens every clipped step by up to 1e-6/C relative (2e-6 for
 * C = 0.5): a deviation from the formula of PyTorch's epsilon, not of the dynamics.
 */
public final class S43ClippedOrbit implements Study {
    static final String JUMP = "max |jump/(ηC) − 1| over the last 20 steps";
    static final String PERIOD = "max |x_t − x_{t−2}|/(ηC) over the last 20 steps";
    static final String BOUNDED = "log10 max |x| / max(|x0|, ηC)";
    static final String CLIPPED = "min |λx|/C over the last 20 steps (both orbit points clipped: ≥ 1)";
    static final String SPAN = "max ||x_t| + |x_{t−1}| − ηC|/(ηC) over the last 20 steps (orbit straddles 0 with width ηC)";

    @Override public String id() { return "S43"; }
    @Override public String title() { return "Clipping turns divergence into a periodic orbit"; }
    @Override public String source() { return "003"; }
    @Override public Evidence evidence() { return Evidence.SIMULATION; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "the orbit is now measured (period 2, width ηC, both points clipped, bounded); the jump of ηC is an identity of clipping")); }

    @Override
    public String claim() {
        return "With gradient clipping at C and η·λ > 2, GD on a quadratic does not diverge but settles on a periodic orbit whose "
                + "size is fixed by η, λ and C (derive and check).";
    }

    @Override
    public String setup(Mode mode) {
        return "L = ½λx² with λ uniform in [1, 5], clipping threshold C uniform in [0.5, 2], η = s·2/λ with s uniform in [1.1, 3], "
                + "start uniform in [−10, 10]; " + 20 + " independent draws per seed, " + mode.pick(1000, 300) + " steps of "
                + "x ← x − η·clip(λx, C): optim's SGD with Clipping.byValue(C) (in 1-D the exact clip), float32. Prediction (derived: while |λx| > C a step moves x by ηC towards 0; inside, x grows by |1 − ηλ| > 1): a period-2 orbit x, x − ηC·sign(x) "
                + "that straddles 0 with both points in the clipped region |λx| ≥ C, so every jump is ηC. The jump itself is ηC by the "
                + "definition of clipping (an identity); period, width, clipping of both points and boundedness are measured on the run.";
    }

    @Override
    public String metric() {
        return "worst relative error of the jump against ηC, worst period-2 mismatch, and the growth of |x| (all over the 20 draws).";
    }

    @Override
    public Rule rule() {
        // a clipped step is ±ηC by definition: the jump check is arithmetic; that the orbit closes after two steps, straddles 0 with
        // width ηC, keeps both of its points in the clipped region and stays bounded is what the derivation predicts of the dynamics
        return Rule.all(Rule.part("jump of a clipped step = ηC", Evidence.IDENTITY, Rule.below(JUMP, 1e-6)),
                Rule.part("measured orbit: period 2, width ηC, both points clipped, bounded", Evidence.SIMULATION,
                        Rule.all(Rule.below(PERIOD, 1e-6), Rule.below(SPAN, 1e-5), Rule.above(CLIPPED, 1), Rule.below(BOUNDED, 0.01))));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Clipped GD: jump size over ηC (mean over draws and seeds)", "step", "|x_t − x_{t−1}|/(ηC)");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = mode.pick(1000, 300);
        double jumpErr = 0, periodErr = 0, growth = Double.NEGATIVE_INFINITY, clipped = Double.POSITIVE_INFINITY, span = 0;
        double[] path = new double[Math.min(100, steps)];
        for (int draw = 0; draw < 20; draw++) {
            double lambda = 1 + 4 * rng.nextDouble(), c = 0.5 + 1.5 * rng.nextDouble(), eta = (1.1 + 1.9 * rng.nextDouble()) * 2 / lambda;
            float[] x = {(float) (-10 + 20 * rng.nextDouble())}, g = new float[1];
            double x0 = x[0], max = Math.abs(x0);
            double[] last = new double[steps + 1];
            last[0] = x0;
            Optimizer sgd = Optimizers.clipped(x, Clipping.byValue(c));
            for (int t = 1; t <= steps; t++) {
                g[0] = (float) (lambda * x[0]);
                sgd.step(List.of(g), rate(eta));
                last[t] = x[0];
                max = Math.max(max, Math.abs(x[0]));
            }
            double size = eta * c;
            for (int t = steps - 19; t <= steps; t++) {
                jumpErr = Math.max(jumpErr, Math.abs(Math.abs(last[t] - last[t - 1]) / size - 1));
                periodErr = Math.max(periodErr, Math.abs(last[t] - last[t - 2]) / size);
                clipped = Math.min(clipped, Math.abs(lambda * last[t]) / c);
                span = Math.max(span, Math.abs(Math.abs(last[t]) + Math.abs(last[t - 1]) - size) / size);
            }
            growth = Math.max(growth, Math.log10(max / Math.max(Math.abs(x0), size)));
            for (int t = 0; t < path.length; t++) path[t] += Math.abs(last[t + 1] - last[t]) / size / 20;
        }
        return new Trial().metric(JUMP, jumpErr).metric(PERIOD, periodErr).metric(SPAN, span).metric(CLIPPED, clipped).metric(BOUNDED, growth)
                .curve("jump/(ηC)", new Curve(Curves.grid(path.length, 1), path)).curve("prediction", new Curve(Curves.grid(path.length, 1), Curves.filled(path.length, 1)));
    }

}
