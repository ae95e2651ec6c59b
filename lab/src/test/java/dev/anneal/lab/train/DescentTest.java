package dev.anneal.lab.train;

import dev.anneal.lab.task.Quadratic;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.control.Controlled;
import dev.anneal.optim.control.GradNormBrake;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.anneal.lab.train.Optimizers.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DescentTest {
    private static final Quadratic Q = new Quadratic(new double[] {2});

    @Test
    void run_recordsOnTheGridAndFollowsTheClosedForm() {
        // x_{t+1} = (1 − ηλ)·x_t = 0.8·x_t; L = x²
        float[] x = {1};
        double[] curve = Descent.run(x, (p, g, t) -> Q.gradient(p, g), Q::loss, Schedule.constant(0.1), Optimizers::sgd, 10, 5);
        assertThat(curve).hasSize(3);
        assertThat(curve[1]).isCloseTo(Math.pow(0.8, 10), within(1e-6));
        assertThat(curve[2]).isCloseTo(Math.pow(0.8, 20), within(1e-6));
    }

    @Test
    void run_divergence_stopsAndFillsWithInfinity() {
        float[] x = {1};
        double[] curve = Descent.run(x, (p, g, t) -> Q.gradient(p, g), Q::loss, Schedule.constant(2), Optimizers::sgd, 1000, 1);
        // |1 − ηλ| = 3: the loss passes 1e12 after ⌈log(1e12)/log 9⌉ = 13 steps
        assertThat(curve[12]).isFinite();
        assertThat(curve[13]).isInfinite();
        assertThat(curve[1000]).isInfinite();
    }

    @Test
    void steered_brakeFiresOnTheGrowingNorm_closedForm() {
        // η = 1.5, λ = 2: x ← −2x, grad norms 2, 4, 8 (optim's measure). Window 2 at ×1.5 fires when observing step 2:
        // the rate of step 3 on is 1.5·0.25, and x ← (1 − 0.75)·x = 0.25·x. Losses x²: 1, 4, 16, 64, 4, 0.25.
        float[] x = {1};
        var brake = new Controlled<>(Schedule.constant(1.5), 0, new GradNormBrake(2, 1.5, 0.25, 1000, 2, 0.01));
        Descent.Steered r = Descent.run(x, (p, g, t) -> Q.gradient(p, g), Q::loss, brake, Descent.Sensor.gradNorm(), Optimizers::sgd, 5, 1);
        assertThat(r.curve()).containsExactly(1, 4, 16, 64, 4, 0.25);
        assertThat(r.rates()).containsExactly(1.5, 1.5, 1.5, 0.375, 0.375);
        assertThat(r.decisions()).singleElement().satisfies(d -> {
            assertThat(d.step()).isEqualTo(2);
            assertThat(d.reason()).startsWith("grad norm grew by >= x1.5 at each of the last 2 steps (2 -> 8)");
        });
    }

    @Test
    void steered_divergence_leavesTheUntakenRatesNaN() {
        float[] x = {1};
        var fixed = new Controlled<>(Schedule.constant(2), 0, new GradNormBrake(5, 100, 0.5, 10, 2, 0.5));
        Descent.Steered r = Descent.run(x, (p, g, t) -> Q.gradient(p, g), Q::loss, fixed, Descent.Sensor.gradNorm(), Optimizers::sgd, 20, 1);
        // |1 − ηλ| = 3 per step: the loss passes 1e12 at step 13, the run stops there
        assertThat(r.curve()[13]).isInfinite();
        assertThat(r.rates()[12]).isEqualTo(2);
        assertThat(r.rates()[13]).isNaN();
    }

    @Test
    void momentum_matchesPyTorchsHeavyBall() {
        // buf = β·buf + g; p −= η·buf, with constant g = 1: steps η, η(1+β), η(1+β+β²)
        float[] p = {0}, g = {1};
        Optimizer sgd = Optimizers.momentum(p, 0.5);
        for (int t = 0; t < 3; t++) sgd.step(List.of(g), rate(1));
        assertThat((double) p[0]).isCloseTo(-(1 + 1.5 + 1.75), within(1e-6));
    }

    @Test
    void adam_firstStep_isLrTimesSignOfGradient() {
        float[] p = {0, 0}, g = {3, -0.01f};
        Optimizers.adam(p).step(List.of(g), rate(0.1));
        assertThat((double) p[0]).isCloseTo(-0.1, within(1e-6));
        assertThat((double) p[1]).isCloseTo(0.1, within(1e-4));
    }

    @Test
    void clipped_stepsByTheClippedGradient() {
        // by value at 0.5: g = (3, −0.2) is applied as (0.5, −0.2)
        float[] p = {0, 0};
        Optimizers.clipped(p, Clipping.byValue(0.5)).step(List.of(new float[] {3, -0.2f}), rate(2));
        assertThat(p).containsExactly(-1f, 0.4f);
    }

    @Test
    void rate_scalesTheSetsUnitLrExactly() {
        // the set's lr is 1, so the applied lr is the study's value bit for bit, as optim's trace records it
        float[] p = {0};
        Optimizer sgd = Optimizers.sgd(p);
        sgd.step(List.of(new float[] {1}), rate(0.1));
        assertThat(sgd.trace().rows()).singleElement().satisfies(row -> assertThat(row.values().get("lr")).isEqualTo(0.1));
        assertThat(p[0]).isEqualTo(-0.1f);
    }

    @Test
    void optimizer_negativeRate_rejectedByOptim() {
        float[] p = {1};
        assertThatThrownBy(() -> Optimizers.sgd(p).step(List.of(new float[1]), rate(-1))).hasMessageContaining("lr (-1) must be >= 0");
        assertThat(p).containsExactly(1f);
    }

    @Test
    void badArguments_rejected() {
        assertThatThrownBy(() -> Optimizers.momentum(new float[1], 1)).hasMessage("momentum (1) must be in [0, 1)");
        assertThatThrownBy(() -> Descent.run(new float[1], (p, g, t) -> {}, p -> 0, Schedule.constant(1), Optimizers::sgd, 10, 0))
                .hasMessage("every (0) must be >= 1");
    }
}
