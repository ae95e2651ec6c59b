package dev.anneal.lab.studies;

import dev.anneal.lab.Budget;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.spec.Spec;

import java.util.SplittableRandom;

/**
 * S25: saddle-to-saddle dynamics of a factorised model (mode i predicted by uᵢvᵢ, target sᵢ): from a small
 * initialisation each mode sits on a plateau until it escapes, the weakest last. Triangular, cosine-restart and
 * monotone cosine schedules over the same range spend the same budget Σηₜ.
 */
public final class S25PlateauEscape implements Study {
    static final double[] MODES = {1, 0.3, 0.05};
    static final double HI = 0.1, LO = 0.001, NOISE = 0.002;
    static final int STARTS = 20;

    @Override public String id() { return "S25"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Plateaus: cyclical vs monotone schedules"; }

    @Override
    public String claim() {
        return "Saddles and plateaus: cyclical schedules (triangular, cosine restarts) leave a plateau sooner than monotone decay; triangular's even "
                + "sweep escapes validation plateaus more reliably than cosine.";
    }

    static int steps(Mode mode) {
        return mode.pick(3000, 1000);
    }

    static String[][] arms(int t) {
        return new String[][] {{"triangular", "cyclic(" + LO + ", " + HI + ", up=" + t / 8 + ")"},
                {"cosine restarts", "sgdr(" + HI + ", period=" + t / 4 + ", floor=" + LO + ")"},
                {"monotone cosine", "cosine(" + HI + ", steps=" + t + ", floor=" + LO + ")"}};
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        StringBuilder b = new StringBuilder("Factorised model: mode i predicted by uᵢ·vᵢ with target sᵢ ∈ {1, 0.3, 0.05}, loss Σ ½(sᵢ − uᵢvᵢ)², "
                + "uᵢ = vᵢ = ε at the start (a saddle: every mode sits on a plateau until it escapes, the weakest last); gradient noise N(0, "
                + NOISE + "²); " + STARTS + " starts per seed with ε log-uniform in [10⁻⁴, 10⁻²]; optim's SGD, " + t + " steps. Arms, all spanning ["
                + LO + ", " + HI + "] with the same budget Σηₜ = (" + LO + " + " + HI + ")/2 per step:");
        for (String[] a : arms(t)) b.append(' ').append(a[0]).append(' ').append(a[1]).append(';');
        return b.append(" the weakest mode has left its plateau when u·v > s/2.").toString();
    }

    @Override
    public String metric() {
        return "step at which the weakest mode leaves its plateau (median over the starts; the run length when it never does; lower is sooner); "
                + "fraction of starts whose weakest mode escaped by the end (higher is more reliable).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("triangular: escape step", "monotone cosine: escape step"), Rule.lower("cosine restarts: escape step", "monotone cosine: escape step"),
                Rule.higher("triangular: escaped", "cosine restarts: escaped"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Weakest mode's loss ½(s − uv)², median start (mean over seeds)", "step", "loss of the weakest mode");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 10, n = MODES.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] eps = new double[STARTS];
        for (int s = 0; s < STARTS; s++) eps[s] = Math.pow(10, -4 + 2 * rng.nextDouble());
        Trial trial = new Trial();
        for (String[] arm : arms(steps)) {
            double[] escape = new double[STARTS];
            double[][] curves = new double[STARTS][];
            int escaped = 0;
            for (int s = 0; s < STARTS; s++) {
                float[] p = new float[2 * n], g = new float[2 * n];
                java.util.Arrays.fill(p, (float) eps[s]);
                Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", arm[1]), p);
                SplittableRandom noise = new SplittableRandom(seed * 100 + s);
                escape[s] = steps;
                double[] c = new double[steps / every + 1];
                c[0] = weakest(p);
                for (int t = 0; t < steps; t++) {
                    for (int i = 0; i < n; i++) {
                        double r = p[i] * p[n + i] - MODES[i];
                        g[i] = (float) (r * p[n + i] + NOISE * noise.nextGaussian());
                        g[n + i] = (float) (r * p[i] + NOISE * noise.nextGaussian());
                    }
                    opt.step(g);
                    if (escape[s] == steps && p[n - 1] * p[2 * n - 1] > MODES[n - 1] / 2) {
                        escape[s] = t + 1;
                        escaped++;
                    }
                    if ((t + 1) % every == 0) c[(t + 1) / every] = weakest(p);
                }
                curves[s] = c;
            }
            trial.metric(arm[0] + ": escape step", Curves.median(escape)).metric(arm[0] + ": escaped", escaped / (double) STARTS)
                    .budget(arm[0], Budget.sum(Spec.parse(arm[1], steps), steps));
            double[] med = Curves.median(curves);
            trial.curve(arm[0], new Curve(Curves.grid(med.length, every), med));
        }
        return trial;
    }

    private static double weakest(float[] p) {
        int n = MODES.length;
        double r = MODES[n - 1] - p[n - 1] * p[2 * n - 1];
        return 0.5 * r * r;
    }
}
