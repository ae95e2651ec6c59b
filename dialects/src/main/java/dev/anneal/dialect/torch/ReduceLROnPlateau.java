package dev.anneal.dialect.torch;

import dev.anneal.control.MetricDriven;
import dev.anneal.control.Plateau;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;

/**
 * {@code torch.ReduceLROnPlateau(lr=0.1, mode='min', factor=0.1, patience=10, threshold=1e-4, threshold_mode='rel',
 * cooldown=0, min_lr=0.0, eps=1e-8)}: closed-loop, so not a function of the step alone. {@link #trace} gives the
 * lr after k calls of {@code step(metric)} for a sequence of metrics (the {@link Plateau} controller does the
 * work); {@link #at} knows only step 0. Example: with patience=2, the metrics 1, 1, 1, 1 give the lrs 0.1, 0.1, 0.1,
 * 0.1, 0.01.
 */
public record ReduceLROnPlateau(double lr, Plateau plateau) implements Portable, MetricDriven {

    public ReduceLROnPlateau {
        Checks.nonNegative("lr", lr);
        if (plateau == null) throw new IllegalArgumentException("plateau (null) must be a controller");
    }

    /** The lr at step 0; any later step needs the metrics, and throws. */
    @Override
    public double at(long step) {
        if (step <= 0) return lr;
        throw new IllegalArgumentException(this + " needs metrics: its lr after step " + step + " depends on the metrics "
                + "passed to the first " + step + " step(metric) calls (give them with --metrics, or use trace(metrics))");
    }

    @Override
    public double[] trace(double[] metrics) {
        return plateau.trace(lr, metrics);
    }

    @Override
    public Range range() {
        return Range.hull(lr, Math.min(lr, plateau.minLr()));
    }

    @Override
    public String spec() {
        Plateau d = Plateau.defaults();
        Plateau p = plateau;
        return TorchPy.call("ReduceLROnPlateau", Py.kw("lr", lr), Py.kw("mode", p.mode().spec(), d.mode().spec()),
                Py.kw("factor", p.factor(), d.factor()), Py.kw("patience", p.patience(), d.patience()),
                Py.kw("threshold", p.threshold(), d.threshold()),
                Py.kw("threshold_mode", p.thresholdMode().spec(), d.thresholdMode().spec()),
                Py.kw("cooldown", p.cooldown(), d.cooldown()), Py.kw("min_lr", p.minLr(), d.minLr()),
                Py.kw("eps", p.eps(), d.eps()));
    }

    @Override
    public Form nativeForm() {
        return Form.none("torch.ReduceLROnPlateau is closed-loop: its lr depends on the metrics passed to "
                + "step(metric), not on the step alone");
    }

    @Override
    public String toString() {
        return spec();
    }
}
