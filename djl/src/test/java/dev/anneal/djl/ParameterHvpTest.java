package dev.anneal.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.anneal.optim.curvature.Hvp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Finite-difference Hessian–vector products through DJL against a Hessian known in closed form. */
class ParameterHvpTest {
    static final int N = 8, D = 4, K = 3; // samples, inputs, outputs

    /**
     * A linear layer ŷ = Wx + b with the loss (1/n)·Σᵢ‖ŷᵢ − yᵢ‖²: for each output o, the Hessian over (W[o,·], b[o])
     * is (2/n)·X̃ᵀX̃ with X̃ = [X, 1], and the outputs do not interact. The loss is quadratic, so central
     * differences are exact but for float32 rounding: every entry agrees to 5e-5 of the largest (measured: 6.0e-6).
     */
    @Test
    void linearLayerSquaredLoss_matchesClosedFormHessian_andRestoresTheParameters() {
        Engine engine = Engines.pytorch(1, 1);
        Random random = new Random(5);
        float[] x = new float[N * D], y = new float[N * K];
        for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
        for (int i = 0; i < y.length; i++) y[i] = (float) random.nextGaussian();
        try (NDManager manager = engine.newBaseManager()) {
            Block linear = Linear.builder().setUnits(K).build();
            linear.initialize(manager, DataType.FLOAT32, new Shape(N, D));
            List<Parameter> parameters = linear.getParameters().values(); // weight [K, D], then bias [K]
            assertThat(parameters).extracting(Parameter::getName).containsExactly("weight", "bias");
            List<NDArray> arrays = parameters.stream().map(Parameter::getArray).toList();
            for (NDArray a : arrays) a.setRequiresGradient(true);
            float[][] before = arrays.stream().map(NDArray::toFloatArray).toArray(float[][]::new);
            ParameterStore store = new ParameterStore(manager, false);
            Hvp hvp = ParameterHvp.of(engine, arrays, () -> {
                NDArray prediction = linear.forward(store, new NDList(manager.create(x, new Shape(N, D))), true).singletonOrThrow();
                return prediction.sub(manager.create(y, new Shape(N, K))).square().sum().div(N);
            });
            int n = K * D + K;
            assertThat(hvp.dimension()).isEqualTo(n);
            double[][] exact = exactHessian(x), measured = new double[n][];
            for (int j = 0; j < n; j++) {
                double[] e = new double[n];
                e[j] = 1;
                measured[j] = hvp.apply(e);
            }
            double largest = 0, error = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    largest = Math.max(largest, Math.abs(exact[i][j]));
                    error = Math.max(error, Math.abs(measured[j][i] - exact[i][j]));
                }
            }
            assertThat(largest).as("the block's Hessian is not trivial").isGreaterThan(1);
            assertThat(error / largest).as("largest error relative to the largest entry").isLessThan(5e-5);
            for (int i = 0; i < arrays.size(); i++) {
                assertThat(arrays.get(i).toFloatArray()).as("%s restored bit for bit", parameters.get(i).getName()).isEqualTo(before[i]);
                assertThat(arrays.get(i).getGradient().toFloatArray()).as("%s gradient zeroed", parameters.get(i).getName())
                        .containsOnly(0f);
            }
        }
    }

    /** Index o·D + j is W[o, j]; K·D + o is b[o]. */
    private static double[][] exactHessian(float[] x) {
        int n = K * D + K;
        double[][] h = new double[n][n];
        for (int o = 0; o < K; o++) {
            for (int a = 0; a <= D; a++) {
                for (int b = 0; b <= D; b++) {
                    double sum = 0;
                    for (int i = 0; i < N; i++) sum += feature(x, i, a) * feature(x, i, b);
                    h[index(o, a)][index(o, b)] = 2.0 / N * sum;
                }
            }
        }
        return h;
    }

    private static double feature(float[] x, int sample, int j) {
        return j == D ? 1 : x[sample * D + j];
    }

    private static int index(int output, int j) {
        return j == D ? K * D + output : output * D + j;
    }
}
