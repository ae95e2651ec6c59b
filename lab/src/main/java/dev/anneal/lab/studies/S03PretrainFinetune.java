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

/** S03: exponential pre-training on a wide basin, then step vs exponential fine-tuning on a sharp one. */
public final class S03PretrainFinetune implements Study {
    static final Quadratic WIDE = Quadratic.logSpaced(10, 0.01, 1), SHARP = Quadratic.logSpaced(10, 0.1, 10);
    static final double SIGMA = 0.5, FT_LR = 0.22;

    @Override public String id() { return "S03"; }
    @Override public String title() { return "Pre-train exponential, fine-tune step on a sharper basin"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.INCONCLUSIVE, "now judged against the exponential with the step's budget Σηₜ (28 vs 95 before); still within 2 SE of the paired difference (step lower in 5/8 seeds)")); }

    @Override
    public String claim() {
        return "Pre-train with smooth exponential decay on a wide basin, fine-tune with step decay on a sharp one (larger λmax): "
                + "the step drop restores η < 2/λmax and suppresses noise, beating exponential-only fine-tuning.";
    }

    private static int steps(Mode mode) {
        return mode.pick(2000, 500);
    }

    static String step(int steps) {
        return "multistep(" + FT_LR + ", at=[1%, 50%], gamma=0.1)";
    }

    static final String EQUAL = "exponential fine-tuning, equal budget";

    /** The exponential from the same start with the step schedule's movement budget: only the shape differs. */
    static String equalBudget(int steps) {
        return Curves.exponentialWithBudgetOf(FT_LR, step(steps), steps);
    }

    static String exponential(int steps) {
        // the same start and the same final rate (FT_LR/100) as the step arm
        return Curves.exponentialTo(FT_LR, 0.01, steps);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Pre-training: quadratic with curvatures log-spaced in [0.01, 1], optimum at 0, start 3 per coordinate, exponential(0.5, "
                + "half_life=" + t / 5 + ") for " + t + " steps. Fine-tuning: a sharp quadratic (curvatures in [0.1, 10], λmax = 10, so "
                + "η < 0.2 is needed) whose optimum is shifted by N(0, 1) per coordinate, starting at " + FT_LR + " (η·λmax = 2.2, unstable), "
                + t + " steps, gradient noise N(0, " + SIGMA + "²) in both phases. Arms: step " + step(t) + " vs the exponential from the same start with the same "
                + "movement budget Σηₜ, " + equalBudget(t) + " (the rule compares these: the claim is about shape); reported beside them, "
                + "the exponential as the seed states it, with the step's start and end rate, " + exponential(t) + ".";
    }

    @Override
    public String metric() {
        return "fine-tuning excess loss, mean over the last 5% of steps (lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.lower("step fine-tuning", EQUAL);
    }

    @Override
    public Figure figure() {
        return Figure.logY("Fine-tuning loss on the sharp basin (mean over seeds)", "fine-tuning step", "excess loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 5;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pre = new float[10];
        java.util.Arrays.fill(pre, 3f);
        Descent.run(pre, (p, g, t) -> WIDE.noisyGradient(p, g, SIGMA, rng), WIDE::loss,
                Spec.parse("exponential(0.5, half_life=" + steps / 5 + ")"), Optimizers::sgd, steps, steps);
        float[] shift = new float[10];
        for (int i = 0; i < 10; i++) shift[i] = (float) rng.nextGaussian();
        Trial trial = new Trial();
        for (String[] arm : new String[][] {{"step fine-tuning", step(steps)}, {EQUAL, equalBudget(steps)}, {"exponential fine-tuning, as stated", exponential(steps)}}) {
            Schedule lr = Spec.parse(arm[1], steps);
            SplittableRandom noise = new SplittableRandom(seed + 100);
            // fine-tune in coordinates centred on the new optimum: z = x − shift
            float[] z = new float[10];
            for (int i = 0; i < 10; i++) z[i] = pre[i] - shift[i];
            double[] curve = Descent.run(z, (p, g, t) -> SHARP.noisyGradient(p, g, SIGMA, noise), SHARP::loss, lr, Optimizers::sgd, steps, every);
            trial.metric(arm[0], Curves.capped(Curves.tailMean(curve, 0.05))).budget(arm[0], Budget.sum(lr, steps));
            trial.curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }
}
