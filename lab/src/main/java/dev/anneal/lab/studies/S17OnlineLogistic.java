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
import dev.anneal.lab.task.Logistic;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.Optimizer;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.anneal.lab.train.Optimizers.rate;

/** S17: online logistic learning with η0/√t settles on separable data; a fixed large η keeps swinging. */
public final class S17OnlineLogistic implements Study {
    static final int D = 10, N = 1000;
    static final double ETA = 5, MARGIN = 0.1;

    @Override public String id() { return "S17"; }
    @Override public String title() { return "Online logistic learning: η0/√t vs fixed large η"; }
    @Override public String source() { return "001"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.NOT_REPRODUCED, "comparisons are now paired; η0/√t swings more than the constant rate in 8/8 seeds")); }

    @Override
    public String claim() {
        return "Online perceptron/logistic learning with ηt = η0/√t converges on separable data, where a fixed large η oscillates.";
    }

    private static int steps(Mode mode) {
        return mode.pick(20000, 5000);
    }

    @Override
    public String setup(Mode mode) {
        return N + " points x ~ N(0, I) in " + D + " dimensions, labelled by a random teacher, normalised margin ≥ " + MARGIN + " (separable). "
                + "Online SGD on the logistic loss, one uniformly drawn point per step, " + steps(mode) + " steps from w = 0. Arms: "
                + "inverse_sqrt(" + ETA + ") vs constant(" + ETA + ").";
    }

    @Override
    public String metric() {
        return "angle between w and the teacher: its standard deviation over the last 10% of steps (the swing, degrees) and its mean "
                + "there; training error at the end (lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("η0/√t: angle swing", "constant: angle swing"), Rule.below("η0/√t: final error", 0.05));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Angle to the teacher (mean and spread over seeds)", "step", "degrees");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] teacher = new double[D];
        for (int j = 0; j < D; j++) teacher[j] = rng.nextGaussian();
        Logistic task = Logistic.separable(N, teacher, MARGIN, 0, 0, rng);
        int steps = steps(mode), every = 50;
        Trial trial = new Trial();
        for (String[] arm : new String[][] {{"η0/√t", "inverse_sqrt(" + ETA + ")"}, {"constant", "constant(" + ETA + ")"}}) {
            Schedule lr = Spec.parse(arm[1]);
            float[] w = new float[D], g = new float[D];
            Optimizer sgd = Optimizers.sgd(w);
            SplittableRandom draws = new SplittableRandom(seed + 1);
            double[] angle = new double[steps / every + 1];
            angle[0] = 90;
            for (int t = 0; t < steps; t++) {
                task.sampleGradient(w, draws.nextInt(N), g);
                sgd.step(List.of(g), rate(lr.at(t)));
                if ((t + 1) % every == 0) angle[(t + 1) / every] = angle(w, teacher);
            }
            int tail = angle.length / 10;
            double mean = 0, sd = 0;
            for (int i = angle.length - tail; i < angle.length; i++) mean += angle[i] / tail;
            for (int i = angle.length - tail; i < angle.length; i++) sd += (angle[i] - mean) * (angle[i] - mean) / (tail - 1);
            trial.metric(arm[0] + ": angle swing", Math.sqrt(sd)).metric(arm[0] + ": mean angle", mean)
                    .metric(arm[0] + ": final error", task.error(w));
            trial.curve(arm[0], new Curve(Curves.grid(angle.length, every), angle));
        }
        return trial;
    }

    private static double angle(float[] w, double[] teacher) {
        double dot = 0, a = 0, b = 0;
        for (int j = 0; j < w.length; j++) {
            dot += w[j] * teacher[j];
            a += w[j] * w[j];
            b += teacher[j] * teacher[j];
        }
        return a == 0 ? 90 : Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(a * b)))));
    }
}
