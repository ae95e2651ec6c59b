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

/** S33: cycle lengths in pre-training and fine-tuning: long then short against the reverse and a single length. */
public final class S33TransferCycles implements Study {
    static final int INPUTS = 8, HIDDEN = 16, SOURCE = 1000, TARGET = 60, TEST = 1000, BATCH = 8;
    static final double HI = 0.2, LO = 0.002, SHIFT = 0.3;

    @Override public String id() { return "S33"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Transfer: long cycles to pre-train, short to fine-tune"; }

    @Override
    public String claim() {
        return "Transfer: long LR cycles in pre-training, short cycles in fine-tuning, beat the reverse and a single length.";
    }

    static int steps(Mode mode) {
        return mode.pick(3000, 1000);
    }

    static String cycles(int steps, int n) {
        return "sgdr(" + HI + ", period=" + steps / n + ", floor=" + LO + ")";
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Source: tanh MLP teacher " + INPUTS + "→" + HIDDEN + "→1, " + SOURCE + " samples (noise 0.1); target: the same teacher with every weight "
                + "moved by N(0, " + SHIFT + "²), " + TARGET + " samples (noise 0.3). optim's SGD, batch " + BATCH + ", " + t + " steps of pre-training "
                + "then " + t + " of fine-tuning. Long cycles " + cycles(t, 2) + " (2 per phase), short " + cycles(t, 8) + " (8 per phase): the same range "
                + "and budget Σηₜ. Arms long→short, short→long, long→long, short→short.";
    }

    @Override
    public String metric() {
        return "target test mean squared error against the noise-free target teacher after fine-tuning (lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("long→short", "short→long"), Rule.lower("long→short", "long→long"), Rule.lower("long→short", "short→short"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Target test error during fine-tuning (mean over seeds)", "fine-tuning step", "test MSE");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] teacher = new float[new Mlp(INPUTS, HIDDEN, 1, new double[1][INPUTS], new double[1][1]).dimension()];
        Mlp source = Mlp.teacher(INPUTS, HIDDEN, 1, SOURCE, 0.1, teacher, rng);
        float[] shifted = teacher.clone();
        for (int i = 0; i < shifted.length; i++) shifted[i] += (float) (SHIFT * rng.nextGaussian());
        Mlp target = data(source, shifted, TARGET, 0.3, rng), test = data(source, shifted, TEST, 0, rng);
        float[] start = source.init(rng, 1);
        int steps = steps(mode), every = 25;
        String[] lengths = {"long", "short"};
        Trial trial = new Trial();
        for (String pre : lengths) {
            float[] p = start.clone();
            train(source, p, cycles(steps, pre.equals("long") ? 2 : 8), steps, new SplittableRandom(seed + 1), null, null);
            for (String fine : lengths) {
                float[] q = p.clone();
                double[] curve = new double[steps / every + 1];
                train(target, q, cycles(steps, fine.equals("long") ? 2 : 8), steps, new SplittableRandom(seed + 2), test, curve);
                String arm = pre + "→" + fine;
                trial.metric(arm, Curves.capped(2 * test.loss(q))).curve(arm, new Curve(Curves.grid(curve.length, every), curve));
            }
        }
        return trial;
    }

    private static void train(Mlp task, float[] p, String lr, int steps, SplittableRandom batches, Mlp test, double[] curve) {
        float[] g = new float[p.length];
        Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr), p);
        if (curve != null) curve[0] = 2 * test.loss(p);
        for (int t = 0; t < steps; t++) {
            task.batchGradient(p, g, BATCH, batches);
            opt.step(g);
            if (curve != null && (t + 1) % 25 == 0) curve[(t + 1) / 25] = 2 * test.loss(p);
        }
    }

    private static Mlp data(Mlp shape, float[] teacher, int n, double noise, SplittableRandom rng) {
        double[][] x = new double[n][INPUTS], y = new double[n][];
        double[] h = new double[HIDDEN];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < INPUTS; j++) x[i][j] = rng.nextGaussian();
            y[i] = shape.forward(teacher, x[i], h);
            y[i][0] += noise * rng.nextGaussian();
        }
        return shape.on(x, y);
    }
}
