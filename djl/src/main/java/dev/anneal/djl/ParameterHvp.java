package dev.anneal.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.anneal.optim.curvature.Gradient;
import dev.anneal.optim.curvature.Hvp;

import java.util.List;
import java.util.function.Supplier;

/**
 * Hessian–vector products of a scalar loss over DJL parameter arrays, by central differences of the gradients DJL
 * computes: optim's {@link Hvp#finiteDifference}, the arrays flattened in order. Each product sets the arrays to
 * x ± εu, runs forward and backward twice, then puts back the original values bit for bit and zeroes the
 * gradients, so a training loop goes on exactly as if no product had been taken.
 */
public final class ParameterHvp {
    /**
     * ε relative to max(1, ‖x‖): the cube root of float32's machine epsilon, ≈ 4.9e-3. The arrays and gradients are
     * float32, so the double-precision step of {@code Hvp.finiteDifference} (≈ 6e-6) would drown in rounding.
     */
    public static final double RELATIVE_STEP = Math.cbrt(Math.ulp(1f));

    private ParameterHvp() {}

    /**
     * H·v at the arrays' current values. {@code loss} runs a forward pass (gradients are being recorded) and returns
     * the scalar loss; it is called twice per product. The arrays must require gradients and have zero gradients.
     */
    public static Hvp of(Engine engine, List<NDArray> arrays, Supplier<NDArray> loss) {
        return of(engine, arrays, loss, Double.NaN);
    }

    /** With an explicit step ε > 0 (NaN: the default). */
    public static Hvp of(Engine engine, List<NDArray> arrays, Supplier<NDArray> loss, double step) {
        float[][] original = new float[arrays.size()][];
        long size = 0;
        for (int i = 0; i < original.length; i++) {
            original[i] = arrays.get(i).toFloatArray();
            size += original[i].length;
        }
        if (size > Integer.MAX_VALUE) throw new IllegalArgumentException("parameters (" + size + " values) must number at most " + Integer.MAX_VALUE);
        double[] x = new double[(int) size];
        double squares = 0;
        int k = 0;
        for (float[] a : original) {
            for (float v : a) {
                x[k++] = v;
                squares += (double) v * v;
            }
        }
        Gradient gradient = at -> {
            set(arrays, at);
            return gradient(engine, arrays, loss, x.length);
        };
        Hvp differences = Hvp.finiteDifference(gradient, x, Double.isNaN(step) ? RELATIVE_STEP * Math.max(1, Math.sqrt(squares)) : step);
        return Hvp.of(x.length, v -> {
            try {
                return differences.apply(v);
            } finally {
                for (int i = 0; i < original.length; i++) arrays.get(i).set(original[i]);
            }
        });
    }

    private static void set(List<NDArray> arrays, double[] values) {
        int k = 0;
        for (NDArray a : arrays) {
            float[] f = new float[Math.toIntExact(a.size())];
            for (int i = 0; i < f.length; i++) f[i] = (float) values[k++];
            a.set(f);
        }
    }

    /** The gradient of {@code loss} at the arrays' values; the gradients are zeroed afterwards. */
    private static double[] gradient(Engine engine, List<NDArray> arrays, Supplier<NDArray> loss, int size) {
        double[] out = new double[size];
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            try (GradientCollector collector = engine.newGradientCollector()) {
                collector.backward(loss.get());
            }
            int k = 0;
            for (NDArray a : arrays) {
                NDArray grad = a.getGradient();
                for (float g : grad.toFloatArray()) {
                    if (!Float.isFinite(g)) throw new Diverged("gradient is " + g + " in a Hessian-vector product: the loss is not finite near the parameters");
                    out[k++] = g;
                }
                grad.subi(grad); // DJL accumulates gradients; the training loop expects zeros
            }
        }
        return out;
    }
}
