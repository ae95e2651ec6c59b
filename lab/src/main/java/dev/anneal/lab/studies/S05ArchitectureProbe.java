package dev.anneal.lab.studies;

import dev.anneal.lab.Budget;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.Optional;
import java.util.SplittableRandom;

/** S05: a short exponential probe flags unstable candidates; step decay then trains the survivors. */
public final class S05ArchitectureProbe implements Study {
    static final int CANDIDATES = 20, PROBE = 60;
    static final double TRAIN_LR = 0.1, SIGMA = 0.3;
    /** The probe sweeps down from twice the training rate. */
    static final String PROBE_SPEC = "exponential(0.2, gamma=0.95)";
    static final String ACCURACY = "probe accuracy (diverged ⟺ λmax > 2/η_train)";

    @Override public String id() { return "S05"; }
    @Override public String title() { return "Architecture search: exponential probe, step training"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.INCONCLUSIVE, "now judged at equal budget Σηₜ; paired, the step arm is lower in only 4/8 seeds")); }

    @Override
    public String claim() {
        return "Architecture search: a short exponential-decay probe flags unstable candidates (large λmax) by divergence; step decay "
                + "trains the survivors to a better final loss.";
    }

    private static int steps(Mode mode) {
        return mode.pick(2000, 500);
    }

    static String step(int steps) {
        return "multistep(" + TRAIN_LR + ", at=[50%, 75%], gamma=0.1)";
    }

    static final String EQUAL = "survivors, exponential decay, equal budget";

    /** The exponential from the same start with the step schedule's movement budget: only the shape differs. */
    static String equalBudget(int steps) {
        return Curves.exponentialWithBudgetOf(TRAIN_LR, step(steps), steps);
    }

    static String exponential(int steps) {
        return Curves.exponentialTo(TRAIN_LR, 0.01, steps);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return CANDIDATES + " candidates per seed, each a quadratic with 5 curvatures log-uniform in [0.01, λmax] and λmax log-uniform in "
                + "[1, 100] ('unstable' for training at η = " + TRAIN_LR + " iff λmax > 20). Probe: " + PROBE + " steps of " + PROBE_SPEC
                + ", flagged when the loss grows above 100 times its start. Survivors are trained for " + t + " steps with gradient noise "
                + "N(0, " + SIGMA + "²): step " + step(t) + " vs the exponential from the same start with the same movement budget Σηₜ, " + equalBudget(t)
                + " (the rule compares these); reported beside them, the exponential with the step's start and end rate, " + exponential(t) + ".";
    }

    @Override
    public String metric() {
        return "probe accuracy over the candidates; mean final loss of the survivors (mean of the last 5% of steps, lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("probe flags the unstable", Evidence.EXPERIMENT, Rule.above(ACCURACY, 0.8)),
                Rule.part("step trains better at equal budget", Evidence.EXPERIMENT, Rule.lower("survivors, step decay", EQUAL)));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Survivors' training loss (mean over candidates and seeds)", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = steps(mode), every = 10, correct = 0, survivors = 0;
        double stepLoss = 0, expLoss = 0, equalLoss = 0;
        double[] stepCurve = new double[steps / every + 1], expCurve = new double[steps / every + 1], equalCurve = new double[steps / every + 1];
        for (int c = 0; c < CANDIDATES; c++) {
            double lmax = Math.pow(10, 2 * rng.nextDouble());
            double[] curv = new double[5];
            curv[0] = lmax;
            for (int i = 1; i < 5; i++) curv[i] = Math.pow(10, -2 + (2 + Math.log10(lmax)) * rng.nextDouble());
            Quadratic q = new Quadratic(curv);
            boolean flagged = probe(q);
            if (flagged == (lmax > 2 / TRAIN_LR)) correct++;
            if (flagged) continue;
            survivors++;
            double[] s = train(q, step(steps), steps, every, seed * 1000 + c), e = train(q, exponential(steps), steps, every, seed * 1000 + c),
                    m = train(q, equalBudget(steps), steps, every, seed * 1000 + c);
            stepLoss += Curves.tailMean(s, 0.05);
            expLoss += Curves.tailMean(e, 0.05);
            equalLoss += Curves.tailMean(m, 0.05);
            for (int i = 0; i < s.length; i++) {
                stepCurve[i] += s[i];
                expCurve[i] += e[i];
                equalCurve[i] += m[i];
            }
        }
        Trial trial = new Trial().metric(ACCURACY, correct / (double) CANDIDATES);
        int n = Math.max(1, survivors);
        for (int i = 0; i < stepCurve.length; i++) {
            stepCurve[i] /= n;
            expCurve[i] /= n;
            equalCurve[i] /= n;
        }
        double[] x = Curves.grid(stepCurve.length, every);
        return trial.metric("survivors, step decay", Curves.capped(stepLoss / n)).metric(EQUAL, Curves.capped(equalLoss / n))
                .metric("survivors, exponential decay, as stated", Curves.capped(expLoss / n))
                .budget("survivors, step decay", Budget.sum(Spec.parse(step(steps), steps), steps))
                .budget(EQUAL, Budget.sum(Spec.parse(equalBudget(steps), steps), steps))
                .budget("survivors, exponential decay, as stated", Budget.sum(Spec.parse(exponential(steps), steps), steps))
                .curve("step decay", new Curve(x, stepCurve)).curve("exponential decay, equal budget", new Curve(x, equalCurve))
                .curve("exponential decay, as stated", new Curve(x, expCurve));
    }


    private static boolean probe(Quadratic q) {
        float[] x = new float[q.dimension()];
        java.util.Arrays.fill(x, 1f);
        double start = q.loss(x);
        double[] curve = Descent.run(x, (p, g, t) -> q.gradient(p, g), q::loss, Spec.parse(PROBE_SPEC), Optimizers::sgd, PROBE, 1);
        for (double l : curve) if (!(l <= 100 * start)) return true;
        return false;
    }

    private static double[] train(Quadratic q, String spec, int steps, int every, long seed) {
        float[] x = new float[q.dimension()];
        java.util.Arrays.fill(x, 1f);
        SplittableRandom noise = new SplittableRandom(seed);
        Schedule lr = Spec.parse(spec, steps);
        return Descent.run(x, (p, g, t) -> q.noisyGradient(p, g, SIGMA, noise), q::loss, lr, Optimizers::sgd, steps, every);
    }
}
