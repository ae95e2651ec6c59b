package dev.anneal.lab.studies;

import dev.anneal.analysis.HorizonSums;
import dev.anneal.analysis.RobbinsMonro;
import dev.anneal.analysis.Tail;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/** S15: the analysis's Robbins–Monro classes against the growth of partial sums. */
public final class S15RobbinsMonro implements Study {
    static final String SUM = "agreement on Σηₜ (finite or infinite)";
    static final String SQUARES = "agreement on Σηₜ²";
    static final String VERDICT = "agreement on the Robbins–Monro verdict";
    /** A partial-sum increment over the last decade at least this fraction of the previous decade's reads as divergent. */
    static final double GROWING = 0.9;

    @Override public String id() { return "S15"; }
    @Override public String title() { return "Robbins–Monro classes: analysis vs partial sums"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.IDENTITY; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "kind now stated: an identity (the seeds only rescale one value, so the eight replicates are one check)")); }

    @Override
    public String claim() {
        return "Robbins–Monro classification: which schedules satisfy Σηₜ = ∞ and Σηₜ² < ∞ (analysis, checked against partial sums).";
    }

    private static int decades(Mode mode) {
        return mode.pick(6, 5);
    }

    /** The schedules of one seed: each family with a value drawn from the seed. */
    static List<String> specs(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double v = 0.01 + r.nextDouble();
        String value = String.format(Locale.ROOT, "%.4f", v);
        List<String> specs = new ArrayList<>();
        specs.add("constant(" + value + ")");
        specs.add("exponential(" + value + ", gamma=0.999)");
        specs.add("step(" + value + ", every=1000, gamma=0.5)");
        specs.add("cosine(" + value + ", steps=5000)");
        specs.add("inverse_sqrt(" + value + ")");
        for (double p : new double[] {0.3, 0.5, 0.75, 1, 1.5, 2}) specs.add("inverse_time(" + value + ", k=0.01, power=" + p + ")");
        for (double a : new double[] {0.6, 1.0}) specs.add("power_law(" + value + ", alpha=" + a + ")");
        specs.add("sgdr(" + value + ", period=1000, mult=2)");
        return specs;
    }

    @Override
    public String setup(Mode mode) {
        return "Per seed, a value v drawn uniformly in [0.01, 1.01] and the schedules " + specs(0).toString().replaceAll("0\\.\\d{4}", "v")
                + ". The analysis (dev.anneal.analysis.RobbinsMonro, closed forms to infinity) classifies Σηₜ and Σηₜ²; the partial sums "
                + "S(10^k) for k up to " + decades(mode) + " classify a series as divergent when its increment over the last decade is at least "
                + GROWING + " times the previous decade's increment (a power tail t^(−p) gives 10^(1−p): divergent iff p ≤ 1).";
    }

    @Override
    public String metric() {
        return "fraction of the schedules on which the analysis and the partial sums agree (1 = all).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.above(SUM, 0.95), Rule.above(SQUARES, 0.95), Rule.above(VERDICT, 0.95));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Partial sums S(T) = Σ_{t<T} ηₜ (mean over seeds)", "T", "S(T)");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int decades = decades(mode);
        List<String> specs = specs(seed);
        int sum = 0, squares = 0, verdict = 0;
        Trial trial = new Trial();
        for (String spec : specs) {
            Schedule s = Spec.parse(spec);
            RobbinsMonro rm = RobbinsMonro.of(s, 1_000_000);
            double[][] partial = new double[3][2];
            double[] x = new double[decades + 1], y = new double[decades + 1];
            for (int k = 0; k <= decades; k++) {
                HorizonSums h = HorizonSums.of(s, (long) Math.pow(10, k));
                x[k] = Math.pow(10, k);
                y[k] = h.sum();
                if (k >= decades - 2) {
                    partial[k - (decades - 2)][0] = h.sum();
                    partial[k - (decades - 2)][1] = h.sumOfSquares();
                }
            }
            boolean sumDiverges = diverges(partial, 0), squaresDiverge = diverges(partial, 1);
            if (infinite(rm.sum()) == sumDiverges) sum++;
            if (infinite(rm.squares()) == squaresDiverge) squares++;
            if (Boolean.valueOf(sumDiverges && !squaresDiverge).equals(rm.satisfied())) verdict++;
            trial.curve(spec.substring(0, spec.indexOf('(')) + (spec.contains("power=") ? " p=" + spec.replaceAll(".*power=([0-9.]+).*", "$1") : "")
                    + (spec.contains("alpha=") ? " α=" + spec.replaceAll(".*alpha=([0-9.]+).*", "$1") : ""), new Curve(x, y));
        }
        return trial.metric(SUM, sum / (double) specs.size()).metric(SQUARES, squares / (double) specs.size())
                .metric(VERDICT, verdict / (double) specs.size());
    }

    private static boolean infinite(Tail t) {
        return t.kind() == Tail.Kind.INFINITE;
    }

    /** Whether the increment over the last decade is at least {@link #GROWING} of the previous one. */
    private static boolean diverges(double[][] partial, int which) {
        double last = partial[2][which] - partial[1][which], previous = partial[1][which] - partial[0][which];
        return last > 0 && last >= GROWING * previous;
    }
}
