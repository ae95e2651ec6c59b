package dev.anneal.optim;

import dev.anneal.optimizer.Method;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OptimizerPropertiesTest {

    private static ScheduleSet set(double lr, double momentum, double weightDecay) {
        return ScheduleSet.builder().defaults(d -> d.set("lr", lr).set("momentum", momentum).set("weight_decay", weightDecay)).build();
    }

    /** Heavy ball with constant gradient g: the step is η·g·(1 − β^(t+1))/(1 − β), tending to η·g/(1 − β). */
    @Property(tries = 50)
    void momentum_constantGradient_stepTendsTo_lrOverOneMinusBeta(@ForAll @DoubleRange(min = 1e-3, max = 0.1) @net.jqwik.api.constraints.Scale(6) double lr,
                                                                 @ForAll @DoubleRange(min = 0, max = 0.9) double beta,
                                                                 @ForAll @DoubleRange(min = 0.1, max = 2) double g) {
        float[] p = new float[1];
        Optimizer opt = Optimizer.builder(Method.SGD, set(lr, beta, 0)).group("default", p).build();
        float previous = 0;
        double step = 0;
        for (int t = 0; t < 300; t++) {
            opt.step(List.of(new float[] {(float) g}));
            step = previous - p[0];
            previous = p[0];
        }
        double limit = (float) lr * (float) g / (1 - (float) beta);
        assertThat(step).isCloseTo(limit, within(1e-4 * limit + Math.ulp(p[0]) * 4));
    }

    @Property(tries = 30)
    void adamw_withZeroDecay_equalsAdam(@ForAll @IntRange(min = 0, max = 1000) int seed,
                                        @ForAll @DoubleRange(min = 1e-4, max = 0.1) @net.jqwik.api.constraints.Scale(6) double lr) {
        float[][] a = Problem.initial(17, 9), b = Problem.initial(17, 9), c = Problem.curvature(17, 9);
        ScheduleSet s = ScheduleSet.builder().defaults(d -> d.set("lr", "cosine(" + lr + ", steps=20)").set("weight_decay", 0)).build();
        Optimizer adam = Optimizer.builder(Method.ADAM, s).group("default", a).build();
        Optimizer adamw = Optimizer.builder(Method.ADAMW, s).group("default", b).build();
        for (int t = 0; t < 20; t++) {
            adam.step(Problem.gradients(a, c, seed + t));
            adamw.step(Problem.gradients(b, c, seed + t));
        }
        assertThat(b).isDeepEqualTo(a);
    }

    @Property(tries = 30)
    void zeroLearningRate_leavesParametersUnchanged(@ForAll("methods") String name, @ForAll @IntRange(min = 0, max = 1000) int seed,
                                                    @ForAll @DoubleRange(min = 0, max = 0.5) double weightDecay) {
        Method method = switch (name) {
            case "sgd" -> Method.SGD;
            case "nesterov" -> Method.NESTEROV;
            case "adam" -> Method.ADAM;
            default -> Method.ADAMW;
        };
        float[][] p = Problem.initial(23, 5), before = Problem.initial(23, 5), c = Problem.curvature(23, 5);
        Optimizer opt = Optimizer.builder(method, set(0, 0.9, weightDecay)).group("default", p).build();
        for (int t = 0; t < 10; t++) opt.step(Problem.gradients(p, c, seed + t));
        assertThat(p).isDeepEqualTo(before);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> methods() {
        return net.jqwik.api.Arbitraries.of("sgd", "nesterov", "adam", "adamw");
    }
}
