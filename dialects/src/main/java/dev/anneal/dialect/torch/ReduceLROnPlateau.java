package dev.anneal.dialect.torch;

import dev.anneal.control.ClosedLoop;
import dev.anneal.control.Plateau;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;

/**
 * {@code torch.ReduceLROnPlateau(lr=0.1, mode='min', factor=0.1, patience=10, threshold=1e-4, threshold_mode='rel',
 * cooldown=0, min_lr=0.0, eps=1e-8)}: closed-loop, so the lr applied is not a function of the step alone. It parses
 * to its {@link Plateau} controller over a constant base: {@link #at} is that base, lr at every step (total and pure;
 * PyTorch's lr while the metric keeps improving), and {@link #controller} owns the rate from step 0. {@link #trace}
 * gives the lr after k calls of {@code step(metric)} for a sequence of metrics. Example: with patience=2, the
 * metrics 1, 1, 1, 1 give the lrs 0.1, 0.1, 0.1, 0.1, 0.01.
 */
public record ReduceLROnPlateau(double lr, Plateau plateau) implements Portable, ClosedLoop<Plateau.State> {

    public ReduceLROnPlateau {
        Checks.nonNegative("lr", lr);
        if (plateau == null) throw Checks.fail("plateau", null, "must be a controller");
    }

    /** The open-loop base: lr at every step; the controller decides the rate applied. */
    @Override
    public double at(long step) {
        return lr;
    }

    @Override
    public Plateau controller() {
        return plateau;
    }

    /** {@code values[k]} is the lr after feeding {@code metrics[0 … k−1]}: metrics.length + 1 entries. */
    public double[] trace(double... metrics) {
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
