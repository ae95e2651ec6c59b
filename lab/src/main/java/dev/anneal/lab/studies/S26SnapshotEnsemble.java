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

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * S26: snapshot ensembles. One run on cosine with warm restarts; a snapshot at the end of every cycle; the average
 * of the snapshots' predictions against the final model, and a subset of k chosen for disagreement on a
 * validation set against the last k.
 */
public final class S26SnapshotEnsemble implements Study {
    static final int INPUTS = 8, HIDDEN = 16, SAMPLES = 200, VALID = 200, TEST = 1000, BATCH = 8, CYCLES = 6, K = 3;
    static final double HI = 0.2, LO = 0.001;

    @Override public String id() { return "S26"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Snapshot ensembles from warm restarts"; }

    @Override
    public String claim() {
        return "Snapshot ensembles: snapshots at the end of each warm-restart cycle are diverse; their average beats the single final model; "
                + "choosing a subset by prediction disagreement beats taking the last k.";
    }

    static int steps(Mode mode) {
        return mode.pick(6000, 1800);
    }

    static String lr(int steps) {
        return "sgdr(" + HI + ", period=" + steps / CYCLES + ", floor=" + LO + ")";
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Student tanh MLP " + INPUTS + "→" + HIDDEN + "→1 fitting a teacher of the same shape from " + SAMPLES + " noisy samples (noise 0.5: "
                + "it can overfit); optim's SGD, batch " + BATCH + ", " + t + " steps on lr = " + lr(t) + " (" + CYCLES + " cycles); a snapshot at "
                + "the end of each cycle. Ensembles average the snapshots' predictions. Subset: the " + K + " snapshots with the largest mean pairwise "
                + "squared prediction difference on " + VALID + " validation samples (all C(" + CYCLES + ", " + K + ") subsets tried), against the last "
                + K + ". Test on " + TEST + " fresh samples (noise-free teacher outputs).";
    }

    @Override
    public String metric() {
        return "test mean squared error (lower is better); diversity: mean pairwise squared difference of the snapshots' test predictions over "
                + "the mean squared error of a single snapshot.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.above("diversity", 0.05), Rule.lower("all snapshots", "final model"), Rule.lower("disagreement subset", "last k"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Test error of the current model; snapshots at each cycle's end (mean over seeds)", "step", "test MSE");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] teacher = new float[new Mlp(INPUTS, HIDDEN, 1, new double[1][INPUTS], new double[1][1]).dimension()];
        Mlp train = Mlp.teacher(INPUTS, HIDDEN, 1, SAMPLES, 0.5, teacher, rng);
        double[][] vx = inputs(VALID, rng), tx = inputs(TEST, rng);
        double[] ty = outputs(train, teacher, tx);
        int steps = steps(mode), every = 50, cycle = steps / CYCLES;
        float[] p = train.init(rng, 1), g = new float[p.length];
        Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr(steps)), p);
        SplittableRandom batches = new SplittableRandom(seed + 1);
        List<float[]> snapshots = new ArrayList<>();
        double[] curve = new double[steps / every + 1];
        curve[0] = mse(outputs(train, p, tx), ty);
        for (int t = 0; t < steps; t++) {
            train.batchGradient(p, g, BATCH, batches);
            opt.step(g);
            if ((t + 1) % cycle == 0) snapshots.add(p.clone());
            if ((t + 1) % every == 0) curve[(t + 1) / every] = mse(outputs(train, p, tx), ty);
        }
        List<double[]> testPred = new ArrayList<>(), validPred = new ArrayList<>();
        for (float[] s : snapshots) {
            testPred.add(outputs(train, s, tx));
            validPred.add(outputs(train, s, vx));
        }
        int[] chosen = mostDiverse(validPred);
        int[] last = new int[K];
        for (int i = 0; i < K; i++) last[i] = CYCLES - K + i;
        int[] all = new int[CYCLES];
        for (int i = 0; i < CYCLES; i++) all[i] = i;
        double single = 0;
        for (double[] pr : testPred) single += mse(pr, ty) / CYCLES;
        return new Trial().metric("diversity", pairwise(testPred, all) / single)
                .metric("final model", mse(testPred.get(CYCLES - 1), ty)).metric("all snapshots", mse(average(testPred, all), ty))
                .metric("disagreement subset", mse(average(testPred, chosen), ty)).metric("last k", mse(average(testPred, last), ty))
                .curve("current model", new Curve(Curves.grid(curve.length, every), curve));
    }

    /** The K-subset with the largest mean pairwise squared prediction difference. */
    static int[] mostDiverse(List<double[]> pred) {
        int[] best = null;
        double bestD = -1;
        for (int a = 0; a < CYCLES; a++)
            for (int b = a + 1; b < CYCLES; b++)
                for (int c = b + 1; c < CYCLES; c++) {
                    int[] s = {a, b, c};
                    double d = pairwise(pred, s);
                    if (d > bestD) {
                        bestD = d;
                        best = s;
                    }
                }
        return best;
    }

    static double pairwise(List<double[]> pred, int[] members) {
        double s = 0;
        int pairs = 0;
        for (int i = 0; i < members.length; i++)
            for (int j = i + 1; j < members.length; j++, pairs++) s += mse(pred.get(members[i]), pred.get(members[j]));
        return s / pairs;
    }

    static double[] average(List<double[]> pred, int[] members) {
        double[] m = new double[pred.getFirst().length];
        for (int k : members) for (int i = 0; i < m.length; i++) m[i] += pred.get(k)[i] / members.length;
        return m;
    }

    static double mse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s / a.length;
    }

    static double[][] inputs(int n, SplittableRandom rng) {
        double[][] x = new double[n][INPUTS];
        for (double[] row : x) for (int j = 0; j < INPUTS; j++) row[j] = rng.nextGaussian();
        return x;
    }

    static double[] outputs(Mlp net, float[] p, double[][] x) {
        double[] y = new double[x.length], h = new double[HIDDEN];
        for (int i = 0; i < x.length; i++) y[i] = net.forward(p, x[i], h)[0];
        return y;
    }
}
