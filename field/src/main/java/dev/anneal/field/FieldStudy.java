package dev.anneal.field;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;

import java.util.List;
import java.util.Map;

/**
 * A claim tested on real training ({@link FieldRun}): every arm trains from the same seed (initialization, batch
 * order, random draws), so the verdict rests on paired differences: for each arm the claimed arm is compared
 * with, the table also shows the per-seed difference {@code claimed − other} of the metric, and the rule (fixed here,
 * before any run) is the lab's paired comparison: the mean difference below 0 by more than 2 standard errors.
 */
abstract class FieldStudy implements Study {
    /** The claimed arm first; each arm's schedule set in YAML (its lr and momentum included). */
    abstract Map<String, String> arms();

    /** The arms the first one must beat. */
    abstract List<String> comparisons();

    abstract FieldRun training(Mode mode);

    /** The metric of one arm's outcome, lower is better. */
    abstract double measure(FieldRun.Outcome outcome);

    /** Further numbers to show per arm (not part of the rule), by a suffix of the arm's name. */
    Map<String, Double> extras(FieldRun.Outcome outcome) {
        return Map.of();
    }

    /** The claimed arm's name. */
    final String claimed() {
        return arms().keySet().iterator().next();
    }

    static String difference(String a, String b) {
        return a + " − " + b;
    }

    @Override
    public String title() {
        return "Field: " + fieldTitle();
    }

    abstract String fieldTitle();

    @Override
    public String setup(Mode mode) {
        StringBuilder b = new StringBuilder("Field study (real training, DJL + PyTorch on the CPU): ").append(training(mode).describe()).append(". Arms: ");
        arms().forEach((name, yaml) -> b.append(name).append(" {")
                .append(yaml.strip().replaceFirst("^defaults:\\s*", "").replace("\n", "; ").replaceAll(" +", " ")).append("}; "));
        return b.append("the same seed for every arm of a trial.").toString();
    }

    @Override
    public Rule rule() {
        // the lab's paired comparison: per-seed differences, 2 standard errors, arms the setup cannot separate detected
        return Rule.all(comparisons().stream().map(other -> Rule.lower(claimed(), other)).toArray(Rule[]::new));
    }

    @Override
    public Evidence evidence() {
        return Evidence.EXPERIMENT;
    }

    @Override
    public Figure figure() {
        return Figure.linear("Test loss during training (mean over seeds)", "step", "test loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        FieldRun run = training(mode);
        Trial trial = new Trial();
        long every = Math.max(1, run.steps() / run.evaluations());
        double[] x = new double[run.evaluations()];
        for (int i = 0; i < x.length; i++) x[i] = (i + 1) * every;
        arms().forEach((name, yaml) -> {
            FieldRun.Outcome o = run.train(yaml, seed);
            trial.metric(name, measure(o));
            extras(o).forEach((suffix, v) -> trial.metric(name + " " + suffix, v));
            trial.curve(name, new Curve(x, o.testLossCurve()));
        });
        Map<String, Double> metric = trial.metrics();
        for (String other : comparisons()) trial.metric(difference(claimed(), other), metric.get(claimed()) - metric.get(other));
        return trial;
    }
}
