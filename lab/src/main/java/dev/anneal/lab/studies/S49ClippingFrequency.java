package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.task.Quartic;
import dev.anneal.lab.task.Task;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.optim.curvature.Spectra;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;

import java.util.SplittableRandom;

/** S49: how often gradients exceed the clipping threshold with and without warmup, counted by optim's pipeline. */
public final class S49ClippingFrequency implements Study {
    static final int DIM = 16;
    static final double CLIP = 1, NOISE = 0.1;

    @Override public String id() { return "S49"; }
    @Override public String title() { return "Warmup and clipping frequency"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }

    @Override
    public String claim() {
        return "With warmup, gradient norms exceed a clipping threshold far less often than without.";
    }

    static int steps(Mode mode) {
        return mode.pick(2000, 600);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Two losses in " + DIM + " dimensions, x₀ ~ N(0, 1), gradient noise N(0, " + NOISE + "²), " + t + " steps of optim's SGD with "
                + "global-norm clipping at C = " + CLIP + " (optim's pipeline counts the clipped steps): (a) the quadratic of the seed, curvatures "
                + "log-spaced 1…0.01, η = 1.6 (0.8 of 2/λmax); (b) a quartic bowl Σ ½yᵢ² + ¼yᵢ⁴ (y = Qᵀx; curvature 1 + 3yᵢ², high far from "
                + "the minimum), heavy ball β = 0.9, η = 0.3. Each with constant(η) and warmup(" + t / 10 + ", constant(η)), same noise.";
    }

    @Override
    public String metric() {
        return "fraction of steps on which clipping fired (lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("quadratic, warmup", "quadratic, constant"), Rule.lower("quartic, warmup", "quartic, constant"));
    }

    @Override
    public Figure figure() {
        return new Figure("Clipped steps so far (fraction of steps; mean over seeds)", "step", "cumulative clipped fraction", true, false);
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] start = new float[DIM];
        for (int i = 0; i < DIM; i++) start[i] = (float) rng.nextGaussian();
        Trial trial = new Trial();
        Object[][] tasks = {{"quadratic", Quadratic.logSpaced(DIM, 0.01, 1), 1.6, 0.0},
                {"quartic", new Quartic(Curves.filled(DIM, 1), 1, Spectra.randomOrthogonal(DIM, seed)), 0.3, 0.9}};
        for (Object[] task : tasks) {
            for (String kind : new String[] {"constant", "warmup"}) {
                String lr = kind.equals("constant") ? "constant(" + task[2] + ")" : "warmup(" + steps / 10 + ", constant(" + task[2] + "))";
                float[] x = start.clone(), g = new float[DIM];
                Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr, "momentum", task[3]),
                        GradConfig.plain().withClipping(Clipping.byNorm(CLIP)), x);
                SplittableRandom noise = new SplittableRandom(seed + 1);
                double[] share = new double[steps + 1];
                for (int t = 0; t < steps; t++) {
                    ((Task) task[1]).gradient(x, g);
                    for (int i = 0; i < DIM; i++) g[i] += (float) (NOISE * noise.nextGaussian());
                    opt.step(g);
                    share[t + 1] = opt.gradients().clippedSteps() / (double) (t + 1);
                }
                String arm = task[0] + ", " + kind;
                trial.metric(arm, share[steps]).curve(arm, new Curve(Curves.grid(share.length, 1), share));
            }
        }
        return trial;
    }
}
