package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Range;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code torch.PolynomialLR(lr=0.1, total_iters=5, power=1.0)}: {@code lr·(1 − min(k, T)/T)^power}, reaching 0 at
 * total_iters and holding it. PyTorch multiplies by a ratio of two such terms at each step; the product agrees with
 * the closed form to a few ulps and is exactly 0 at T. total_iters=0 or power=0 leave the lr constant. Example:
 * {@code torch.PolynomialLR(lr=0.001, total_iters=4)} is 0.00075 at step 1, 0 from 4 on.
 */
public record PolynomialLR(double lr, long totalIters, double power) implements LrScheduler {

    public static final long TOTAL_ITERS = 5;
    public static final double POWER = 1.0;

    public PolynomialLR {
        Checks.nonNegative("lr", lr);
        // PyTorch does not check these; a negative total_iters is never reached, and a negative power makes the
        // "decay" grow and then raise ZeroDivisionError at total_iters.
        Checks.nonNegative("total_iters", totalIters);
        Checks.nonNegative("power", power);
    }

    @Override
    public double at(long step) {
        if (totalIters == 0) return lr;
        return lr * Math.pow(1.0 - (double) Math.min(totalIters, TorchPy.clamp(step)) / totalIters, power);
    }

    @Override
    public Form nativeForm() {
        if (totalIters == 0 || power == 0) return Form.of(new Constant(lr));
        return Form.of(new Polynomial(lr, 0, totalIters, power));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(totalIters);
    }

    @Override
    public Range range() {
        return Range.hull(lr, at(totalIters));
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new PolynomialLR(lr, totalIters, power);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("total_iters", totalIters, TOTAL_ITERS), Py.kw("power", power, POWER));
    }

    @Override
    public String toString() {
        return spec();
    }
}
