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
 * S28: weight decay on the LR's cycle shifted by a phase Δ, both in one schedule set
 * ({@code weight_decay: phase(rescale(lr, …), Δ)}), which optim's SGD applies; Δ swept over a period.
 */
public final class S28DecayPhase implements Study {
    static final int INPUTS = 8, HIDDEN = 16, SAMPLES = 100, TEST = 1000, BATCH = 8;
    static final double LO = 0.01, HI = 0.2, DECAY = 0.02;
    static final double[] PHASES = {0, 0.25, 0.5, 0.75};

    @Override public String id() { return "S28"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Weight decay phase-shifted from the LR cycle"; }

    @Override
    public String claim() {
        return "Weight decay on a cycle phase-shifted by Δ from the LR: sweeping Δ finds an optimum; decay high while LR is high helps reach flatter regions.";
    }

    static int steps(Mode mode) {
        return mode.pick(4000, 1200);
    }

    static String lr(int steps) {
        return "cyclic(" + LO + ", " + HI + ", up=" + steps / 8 + ")";
    }

    static String name(double phase) {
        return "Δ = " + phase;
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Student tanh MLP " + INPUTS + "→" + HIDDEN + "→1, teacher of the same shape, " + SAMPLES + " samples with noise 0.5 (over-fits without "
                + "decay); optim's SGD, batch " + BATCH + ", " + t + " steps. Schedule set: lr = " + lr(t) + ", weight_decay = phase(rescale(lr, min=0, "
                + "max=" + DECAY + "), Δ) for Δ ∈ {0, ¼, ½, ¾} of a period (Δ = 0: decay high while the LR is high; ½: anti-phase), and weight_decay = "
                + "constant(" + DECAY / 2 + ") (the same mean). Flatness: the largest Hessian eigenvalue of the training loss at the end, by power "
                + "iteration on finite-difference Hessian–vector products.";
    }

    @Override
    public String metric() {
        return "test mean squared error against the noise-free teacher, mean of the last 10% of evaluations (lower is better); λmax of the training "
                + "loss at the end (lower is flatter).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower(name(0), name(0.5)), Rule.lower(name(0) + ": λmax", name(0.5) + ": λmax"));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Test error against the phase shift Δ of the decay cycle (mean over seeds)", "Δ (periods)", "test MSE");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Student student = Student.of(INPUTS, HIDDEN, SAMPLES, 0.5, TEST, rng);
        Mlp train = student.train(), test = student.test();
        float[] start = student.start();
        int steps = steps(mode), every = 50;
        Trial trial = new Trial();
        double[] sweep = new double[PHASES.length];
        for (int k = 0; k <= PHASES.length; k++) {
            boolean constant = k == PHASES.length;
            String decay = constant ? "constant(" + DECAY / 2 + ")" : "phase(rescale(lr, min=0, max=" + DECAY + "), " + PHASES[k] + ")";
            float[] p = start.clone(), g = new float[p.length];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr(steps), "weight_decay", decay), p);
            SplittableRandom batches = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            for (int t = 0; t < steps; t++) {
                train.batchGradient(p, g, BATCH, batches);
                opt.step(g);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = 2 * test.loss(p);
            }
            String arm = constant ? "constant decay" : name(PHASES[k]);
            double err = Curves.capped(Curves.tailMean(curve, 0.1));
            trial.metric(arm, err).metric(arm + ": λmax", sharpness(train, p, new SplittableRandom(seed + 2)));
            if (!constant) sweep[k] = err;
        }
        return trial.curve("phase-shifted decay", new Curve(PHASES, sweep));
    }

    /** λmax of the training loss at p: power iteration on central-difference Hessian–vector products. */
    static double sharpness(Mlp task, float[] p, SplittableRandom rng) {
        int n = p.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        double lambda = 0, eps = 1e-3;
        float[] plus = new float[n], minus = new float[n], gp = new float[n], gm = new float[n];
        for (int it = 0; it < 30; it++) {
            double norm = 0;
            for (double e : v) norm += e * e;
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
                plus[i] = (float) (p[i] + eps * v[i]);
                minus[i] = (float) (p[i] - eps * v[i]);
            }
            task.gradient(plus, gp);
            task.gradient(minus, gm);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                double hv = (gp[i] - gm[i]) / (2 * eps);
                dot += hv * v[i];
                v[i] = hv;
            }
            lambda = dot;
        }
        return lambda;
    }
}
