package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.Mlp;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;

import java.util.SplittableRandom;

/**
 * S51: Adam with the linear scaling rule η(B) = η₀·B/B₀, and a warmup length that grows with B. The derived rule:
 * a ramp to η(B) over w(B) = w₀·B/B₀ steps has the slope η₀/w₀ of the base batch's ramp, so at every step of the
 * warmup the rate is one the base batch already ran at that step, while Adam's moment estimates are still young.
 */
public final class S51LargeBatchWarmup implements Study {
    static final int INPUTS = 8, HIDDEN = 16, SAMPLES = 2000, TEST = 200, BASE_BATCH = 4, W0 = 20;
    static final int[] BATCHES = {4, 16, 64, 256};
    static final double ETA0 = 0.005;

    @Override public String id() { return "S51"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Large batches: warmup length w(B) for Adam"; }

    @Override
    public String claim() {
        return "Large batches need longer warmup: Adam's second-moment estimate is biased low early; derive a warmup length w(B) and check that it "
                + "prevents early divergence across B.";
    }

    static int steps(Mode mode) {
        return mode.pick(600, 200);
    }

    @Override
    public String setup(Mode mode) {
        return "Student tanh MLP " + INPUTS + "→" + HIDDEN + "→1 (initialisation scale 1) fitting a teacher of the same shape, " + SAMPLES + " samples "
                + "(noise 0.1); optim's Adam, " + steps(mode) + " steps at each B ∈ {4, 16, 64, 256} with η(B) = " + ETA0 + "·B/" + BASE_BATCH + " (linear "
                + "scaling). Arms: no warmup; w₀ = " + W0 + " steps for every B; w(B) = " + W0 + "·B/" + BASE_BATCH + " (the base batch's ramp slope). The "
                + "seed ties w to Adam's young second-moment estimate; this study tests the length rule, not that mechanism.";
    }

    @Override
    public String metric() {
        return "early blow-up: log10 of the largest test loss in the first 30% of steps over the initial test loss, averaged over B (0 if the loss "
                + "never rose above the start; lower is better); fraction of B whose early test loss exceeded twice the initial; final test loss (log10, "
                + "mean over B).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("w(B): early peak", "no warmup: early peak"), Rule.lower("w(B): early peak", "w₀ for all B: early peak"));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Test loss at B = 256 (mean over seeds)", "step", "test loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Student student = Student.of(INPUTS, HIDDEN, SAMPLES, 0.1, TEST, rng);
        Mlp train = student.train(), test = student.test();
        float[] start = student.start();
        int steps = steps(mode), early = steps * 3 / 10;
        Trial trial = new Trial();
        for (String arm : new String[] {"no warmup", "w₀ for all B", "w(B)"}) {
            double peak = 0, blown = 0, last = 0;
            for (int b : BATCHES) {
                double eta = ETA0 * b / BASE_BATCH;
                int w = arm.equals("no warmup") ? 0 : arm.equals("w(B)") ? W0 * b / BASE_BATCH : W0;
                String lr = w == 0 ? "constant(" + eta + ")" : "warmup(" + w + ", constant(" + eta + "))";
                float[] p = start.clone(), g = new float[p.length];
                Scheduled opt = new Scheduled(Method.ADAM, Scheduled.set(steps, "lr", lr), p);
                SplittableRandom batches = new SplittableRandom(seed + 1);
                double l0 = test.loss(p), worst = l0;
                double[] curve = new double[steps + 1];
                curve[0] = l0;
                for (int t = 0; t < steps; t++) {
                    train.batchGradient(p, g, b, batches);
                    opt.step(g);
                    curve[t + 1] = Curves.capped(test.loss(p));
                    if (t < early) worst = Math.max(worst, curve[t + 1]);
                }
                peak += Math.log10(worst / l0) / BATCHES.length;
                blown += worst > 2 * l0 ? 1.0 / BATCHES.length : 0;
                last += Math.log10(curve[steps]) / BATCHES.length;
                if (b == 256) trial.curve(arm, new Curve(Curves.grid(steps + 1, 1), curve));
            }
            trial.metric(arm + ": early peak", peak).metric(arm + ": blown up", blown).metric(arm + ": log10 final test loss", last);
        }
        return trial;
    }
}
