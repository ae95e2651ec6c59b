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
import dev.anneal.lab.task.Mlp;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.Optimizer;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.anneal.lab.train.Optimizers.rate;

/** S46: high LR first (features align), then low LR (fine-tuning), against low or high throughout. */
public final class S46TwoPhase implements Study {
    static final int INPUTS = 10, HIDDEN = 8, SAMPLES = 400, TEST = 1000, BATCH = 8;
    static final double HIGH = 0.3, LOW = 0.03;
    static final String ALIGN_HIGH = "feature alignment at 50%, high LR";
    static final String ALIGN_LOW = "feature alignment at 50%, low LR";

    @Override public String id() { return "S46"; }
    @Override public String title() { return "Two-phase training: high then low LR"; }
    @Override public String source() { return "003"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.INCONCLUSIVE, "paired, the constant low LR beats high→low in 8/8 seeds (the unpaired SE hid it)")); }

    @Override
    public String claim() {
        return "Two-phase training: a high LR first learns features (representation alignment rises), a later low LR fine-tunes; "
                + "high→low beats low throughout and high throughout.";
    }

    private static int steps(Mode mode) {
        return mode.pick(6000, 1500);
    }

    @Override
    public String setup(Mode mode) {
        return "Student tanh MLP " + INPUTS + "→" + HIDDEN + "→1 (small initialisation, scale 0.1) learning a teacher of the same shape from "
                + SAMPLES + " samples (noise 0.3); minibatch SGD (B = " + BATCH + "), " + steps(mode) + " steps. Arms: high→low "
                + "multistep(" + HIGH + ", at=[50%], gamma=0.1), low constant(" + LOW + "), high constant(" + HIGH + "). Alignment: mean over "
                + "teacher units of the largest |cos| between its input weights and a student unit's.";
    }

    @Override
    public String metric() {
        return "test loss on " + TEST + " fresh samples at the end, mean of the last 5% of evaluations (lower is better); feature alignment "
                + "(1 = every teacher feature found).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("high→low", "low"), Rule.lower("high→low", "high"), Rule.higher(ALIGN_HIGH, ALIGN_LOW));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Test loss (mean over seeds)", "step", "test loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] teacher = new float[new Mlp(INPUTS, HIDDEN, 1, new double[1][INPUTS], new double[1][1]).dimension()];
        Mlp train = Mlp.teacher(INPUTS, HIDDEN, 1, SAMPLES, 0.3, teacher, rng);
        double[][] tx = new double[TEST][INPUTS], ty = new double[TEST][1];
        double[] h = new double[HIDDEN];
        for (int i = 0; i < TEST; i++) {
            for (int j = 0; j < INPUTS; j++) tx[i][j] = rng.nextGaussian();
            ty[i] = train.forward(teacher, tx[i], h);
        }
        Mlp test = train.on(tx, ty);
        float[] start = train.init(rng, 0.1);
        int steps = steps(mode), every = 50;
        Trial trial = new Trial();
        for (String[] arm : new String[][] {{"high→low", "multistep(" + HIGH + ", at=[50%], gamma=0.1)"}, {"low", "constant(" + LOW + ")"},
                {"high", "constant(" + HIGH + ")"}}) {
            Schedule lr = Spec.parse(arm[1], steps);
            float[] p = start.clone(), g = new float[p.length];
            Optimizer sgd = Optimizers.sgd(p);
            SplittableRandom batches = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            curve[0] = test.loss(p);
            for (int t = 0; t < steps; t++) {
                train.batchGradient(p, g, BATCH, batches);
                sgd.step(List.of(g), rate(lr.at(t)));
                if ((t + 1) % every == 0) curve[(t + 1) / every] = test.loss(p);
                if (t + 1 == steps / 2 && !arm[0].equals("high→low"))
                    trial.metric(arm[0].equals("low") ? ALIGN_LOW : ALIGN_HIGH, alignment(teacher, p));
            }
            trial.metric(arm[0], Curves.capped(Curves.tailMean(curve, 0.05)));
            trial.curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    private static double alignment(float[] teacher, float[] student) {
        double total = 0;
        for (int a = 0; a < HIDDEN; a++) {
            double best = 0;
            for (int b = 0; b < HIDDEN; b++) {
                double dot = 0, na = 0, nb = 0;
                for (int i = 0; i < INPUTS; i++) {
                    double u = teacher[a * INPUTS + i], v = student[b * INPUTS + i];
                    dot += u * v;
                    na += u * u;
                    nb += v * v;
                }
                if (na > 0 && nb > 0) best = Math.max(best, Math.abs(dot) / Math.sqrt(na * nb));
            }
            total += best / HIDDEN;
        }
        return total;
    }
}
