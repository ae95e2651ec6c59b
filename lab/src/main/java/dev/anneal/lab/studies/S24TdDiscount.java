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
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.anneal.lab.train.Optimizers.rate;

/**
 * S24: in TD learning γ fixes the target; the LR schedule changes only the speed. The expected TD(0) update is optim's
 * SGD step on the semi-gradient (the TD error with its target held fixed); float32 leaves V within ≈ 1e-5 of V*
 * (relative), far below the tolerance of 1e-3. V* itself is solved exactly, in double precision.
 */
public final class S24TdDiscount implements Study {
    static final int STATES = 6;
    static final double GAMMA = 0.9, OTHER_GAMMA = 0.5, TOLERANCE = 1e-3;
    static final String TARGET = "max relative distance of V_T to V*(γ) over schedules";
    static final String SHIFT = "relative distance between V*(0.9) and V*(0.5)";
    static final String SPEED = "slowest/fastest steps to reach 1e-3";

    static Map<String, String> schedules() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("constant", "constant(0.5)");
        s.put("inverse_time p=0.6", "inverse_time(0.5, k=0.01, power=0.6)");
        s.put("inverse_time p=1", "inverse_time(0.5, k=0.01, power=1)");
        s.put("cosine to a floor", "cosine(0.5, steps=2000, floor=0.05)");
        return s;
    }

    @Override public String id() { return "S24"; }
    @Override public String title() { return "TD learning: γ sets the target, the LR only the speed"; }
    @Override public String source() { return "001"; }
    @Override public Evidence evidence() { return Evidence.IDENTITY; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "kind now stated: an identity (noiseless expected updates of a contraction); the setup text no longer describes γ = 0.5 runs the code never made")); }

    @Override
    public String claim() {
        return "In TD learning the discount γ fixes the target; the LR schedule changes only how fast the error decays, not the fixed point.";
    }

    private static int steps(Mode mode) {
        return mode.pick(20000, 8000);
    }

    @Override
    public String setup(Mode mode) {
        return "A random Markov reward process per seed: " + STATES + " states, transition rows drawn uniformly and normalised, rewards "
                + "N(0, 1). Expected TD(0): V ← V + ηₜ·(r + γ·P·V − V), from V = 0, as optim's SGD on the semi-gradient V − (r + γ·P·V) "
                + "(float32), " + steps(mode) + " steps, γ = " + GAMMA
                + "; exact V*(γ) = (I − γP)⁻¹r. Schedules: " + schedules() + ". The target shift is the distance "
                + "between the exact fixed points at γ = " + GAMMA + " and γ = " + OTHER_GAMMA + " (computed, not trained: no runs at γ = " + OTHER_GAMMA
                + "). Noiseless expected updates of a contraction: the runs check arithmetic, not an experiment.";
    }

    @Override
    public String metric() {
        return "largest relative distance ‖V_T − V*‖/‖V*‖ over the schedules (tolerance " + TOLERANCE + "); distance between the fixed "
                + "points of two discounts (above 0.1: γ moves the target); ratio of the slowest to the fastest schedule's steps to a "
                + "relative error of 1e-3 (above 1.5: the schedule changes the speed).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.below(TARGET, TOLERANCE), Rule.above(SHIFT, 0.1), Rule.above(SPEED, 1.5));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Relative TD error ‖V − V*‖/‖V*‖ at γ = 0.9 (mean over seeds)", "step", "relative error");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = new double[STATES][STATES];
        double[] r = new double[STATES];
        for (int i = 0; i < STATES; i++) {
            double sum = 0;
            for (int j = 0; j < STATES; j++) sum += p[i][j] = rng.nextDouble();
            for (int j = 0; j < STATES; j++) p[i][j] /= sum;
            r[i] = rng.nextGaussian();
        }
        double[] target = fixedPoint(p, r, GAMMA), other = fixedPoint(p, r, OTHER_GAMMA);
        int steps = steps(mode);
        double worst = 0;
        long fastest = Long.MAX_VALUE, slowest = 0;
        Trial trial = new Trial();
        for (var s : schedules().entrySet()) {
            Schedule lr = Spec.parse(s.getValue());
            float[] v = new float[STATES], g = new float[STATES];
            Optimizer sgd = Optimizers.sgd(v);
            java.util.List<double[]> pts = new java.util.ArrayList<>();
            long reached = steps;
            for (int t = 0; t < steps; t++) {
                // the TD error as a semi-gradient: V − (r + γ·P·V), the target held fixed, as TD is trained in practice
                for (int i = 0; i < STATES; i++) {
                    double pv = 0;
                    for (int j = 0; j < STATES; j++) pv += p[i][j] * v[j];
                    g[i] = (float) (v[i] - r[i] - GAMMA * pv);
                }
                sgd.step(List.of(g), rate(lr.at(t)));
                double err = distance(v, target);
                if (reached == steps && err < 1e-3) reached = t + 1;
                if (Long.bitCount(t + 1) == 1 || (t + 1) % 500 == 0) pts.add(new double[] {t + 1, Math.max(err, 1e-16)});
            }
            worst = Math.max(worst, distance(v, target));
            fastest = Math.min(fastest, reached);
            slowest = Math.max(slowest, reached);
            trial.curve(s.getKey(), new Curve(pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray()));
        }
        return trial.metric(TARGET, worst).metric(SHIFT, distance(other, target)).metric(SPEED, slowest / (double) fastest);
    }

    private static double distance(float[] v, double[] target) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) w[i] = v[i];
        return distance(w, target);
    }

    private static double distance(double[] v, double[] target) {
        double d = 0, n = 0;
        for (int i = 0; i < v.length; i++) {
            d += (v[i] - target[i]) * (v[i] - target[i]);
            n += target[i] * target[i];
        }
        return Math.sqrt(d / n);
    }

    /** Solves (I − γP)·V = r by Gaussian elimination with partial pivoting. */
    static double[] fixedPoint(double[][] p, double[] r, double gamma) {
        int n = r.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) a[i][j] = (i == j ? 1 : 0) - gamma * p[i][j];
            a[i][n] = r[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int i = c + 1; i < n; i++) if (Math.abs(a[i][c]) > Math.abs(a[pivot][c])) pivot = i;
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int i = c + 1; i < n; i++) {
                double f = a[i][c] / a[c][c];
                for (int j = c; j <= n; j++) a[i][j] -= f * a[c][j];
            }
        }
        double[] v = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int j = i + 1; j < n; j++) s -= a[i][j] * v[j];
            v[i] = s / a[i][i];
        }
        return v;
    }
}
