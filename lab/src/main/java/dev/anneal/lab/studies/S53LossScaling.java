package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.Quartic;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.optim.curvature.Spectra;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.GradState;
import dev.anneal.optim.grad.LossScaling;

import java.util.SplittableRandom;

/** S53: FP16 gradients with optim's dynamic loss scaler, with and without warmup: overflows and underflows counted by optim. */
public final class S53LossScaling implements Study {
    static final int DIM = 16, GROWTH = 100;
    static final double LR = 0.3;

    @Override public String id() { return "S53"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Mixed precision: loss-scale overflows with and without warmup"; }

    @Override
    public String claim() {
        return "Mixed precision: with loss scale S, warmup bounds the growth of the gradient norm so that S·Gt stays inside FP16's range [m, M] "
                + "(no underflow, no overflow at 65504); count overflows with and without warmup, with a dynamic loss scaler.";
    }

    static int steps(Mode mode) {
        return mode.pick(2000, 600);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Quartic bowl Σ ½yᵢ² + ¼yᵢ⁴ (y = Qᵀx, random rotation) in " + DIM + " dimensions, x₀ ~ N(0, 1.5²), gradient noise N(0, 0.01²); "
                + "optim's SGD, " + t + " steps, gradients multiplied by the current loss scale S, rounded to FP16 and unscaled by optim's pipeline "
                + "(fp16 emulation, LossScaling.dynamic(65536, ×2, ×0.5, every " + GROWTH + " clean steps): a step with an overflow is skipped and "
                + "S halves). constant(" + LR + ") against warmup(" + t / 10 + ", constant(" + LR + ")).";
    }

    @Override
    public String metric() {
        return "overflows: steps skipped for an inf gradient in FP16, as a fraction of steps (a run whose loss passes 10¹² counts every later step: "
                + "each would overflow); underflows: gradient values that rounded below "
                + "FP16's smallest normal 2⁻¹⁴ after scaling, per value; the final loss (log10).";
    }

    @Override
    public Rule rule() {
        return Rule.lower("warmup: overflowed steps", "constant: overflowed steps");
    }

    @Override
    public Figure figure() {
        return new Figure("Loss scale S (log2; mean over seeds)", "step", "log2 S", true, false);
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode);
        SplittableRandom rng = new SplittableRandom(seed);
        Quartic bowl = new Quartic(Curves.filled(DIM, 1), 1, Spectra.randomOrthogonal(DIM, seed));
        float[] start = new float[DIM];
        for (int i = 0; i < DIM; i++) start[i] = (float) (1.5 * rng.nextGaussian());
        Trial trial = new Trial();
        for (String arm : new String[] {"constant", "warmup"}) {
            String lr = arm.equals("constant") ? "constant(" + LR + ")" : "warmup(" + steps / 10 + ", constant(" + LR + "))";
            float[] x = start.clone(), g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr),
                    GradConfig.plain().withFp16(true).withLossScaling(LossScaling.dynamic(65536f, 2, 0.5, GROWTH)), x);
            SplittableRandom noise = new SplittableRandom(seed + 1);
            double[] scale = new double[steps + 1];
            scale[0] = 16;
            long lost = 0;
            for (int t = 0; t < steps; t++) {
                if (!(bowl.loss(x) < 1e12)) { // diverged: every later step would overflow and be skipped, and the scale would halve to 0
                    lost = steps - t;
                    java.util.Arrays.fill(scale, t + 1, steps + 1, scale[t]);
                    break;
                }
                bowl.gradient(x, g);
                float s = opt.gradients().scale();
                for (int i = 0; i < DIM; i++) g[i] = (float) ((g[i] + 0.01 * noise.nextGaussian()) * s);
                opt.step(g);
                scale[t + 1] = Math.log(opt.gradients().scale()) / Math.log(2);
            }
            GradState st = opt.gradients();
            trial.metric(arm + ": overflowed steps", (st.skippedSteps() + lost) / (double) steps)
                    .metric(arm + ": underflowed values", st.halfUnderflows() / (double) (steps * DIM))
                    .metric(arm + ": log10 final loss", Curves.log10Capped(bowl.loss(x), 1e12));
            trial.curve(arm, new Curve(Curves.grid(steps + 1, 1), scale));
        }
        return trial;
    }
}
