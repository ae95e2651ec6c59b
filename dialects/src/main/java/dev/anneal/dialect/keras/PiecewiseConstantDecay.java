package dev.anneal.dialect.keras;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.dialect.Segments;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@code keras.PiecewiseConstantDecay(boundaries, values)}: values[0] while step ≤ boundaries[0], values[i] while
 * boundaries[i−1] &lt; step ≤ boundaries[i], values[-1] after the last boundary. The boundary step itself still has
 * the earlier value (unlike optax's piecewise_constant_schedule and PyTorch's MultiStepLR).
 */
record PiecewiseConstantDecay(List<Long> boundaries, List<Double> values) implements Portable {
    PiecewiseConstantDecay {
        boundaries = List.copyOf(boundaries);
        values = List.copyOf(values);
        if (boundaries.size() != values.size() - 1) {
            throw Checks.fail("boundaries", boundaries.size() + " given", "must have one element fewer than values ("
                    + values.size() + " given), as Keras requires");
        }
        if (boundaries.isEmpty()) throw Checks.fail("boundaries", "[]", "must not be empty: Keras fails on its first call (IndexError)");
        for (int i = 0; i < values.size(); i++) Checks.finite("values[" + i + "]", values.get(i));
        for (int i = 1; i < boundaries.size(); i++) {
            if (boundaries.get(i) <= boundaries.get(i - 1)) {
                throw Checks.fail("boundaries", boundaries, "must be strictly increasing, as Keras documents");
            }
        }
    }

    /** The sum of Keras's indicator products: exactly one of them is 1 for strictly increasing boundaries. */
    @Override
    public double at(long step) {
        long s = Py.clamp(step);
        double result = 0;
        result += (s <= boundaries.getFirst() ? 1.0 : 0.0) * values.getFirst();
        result += (s > boundaries.getLast() ? 1.0 : 0.0) * values.getLast();
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            result += (s > boundaries.get(i) && s <= boundaries.get(i + 1) ? 1.0 : 0.0) * values.get(i + 1);
        }
        return result;
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(Math.max(0, Py.add(boundaries.getLast(), 1)));
    }

    @Override
    public Range range() {
        return Range.hull(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public String spec() {
        return Py.call("keras.PiecewiseConstantDecay", "boundaries=" + boundaries,
                "values=" + values.stream().map(Py::num).collect(Collectors.joining(", ", "[", "]")));
    }

    /**
     * multistep(values[0], at=[b + 1, …], gamma=g) when each value is the one before times the same g, exactly as
     * the powers of g are (so that the values agree to the last bit's rounding); otherwise the values one after
     * another, each held until step b + 1.
     */
    @Override
    public Form nativeForm() {
        List<Long> at = boundaries.stream().map(b -> Math.max(b + 1, 0)).toList();
        double v0 = values.getFirst(), gamma = values.get(1) / v0;
        boolean geometric = v0 != 0 && gamma >= 0;
        for (int i = 1; i < values.size(); i++) {
            double expected = v0 * Math.pow(gamma, i);
            geometric &= Math.abs(values.get(i) - expected) <= 1e-15 * Math.abs(expected);
        }
        if (geometric) return Form.of(new MultiStep(v0, at, gamma));
        return Segments.join(values.stream().<Schedule>map(Constant::new).toList(), at);
    }

    @Override
    public String toString() {
        return spec();
    }
}
