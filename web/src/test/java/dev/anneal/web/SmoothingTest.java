package dev.anneal.web;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SmoothingTest {
    static Double[] values(long[] steps, java.util.function.LongToDoubleFunction f) {
        Double[] v = new Double[steps.length];
        for (int i = 0; i < steps.length; i++) v[i] = f.applyAsDouble(steps[i]);
        return v;
    }

    @Test
    void ema_constant_isThatConstantFromTheFirstPoint() {
        long[] steps = LongStream.range(0, 50).map(t -> t * 7).toArray();
        Double[] out = Smoothing.ema(steps, values(steps, t -> 3.25), 100);
        for (Double v : out) assertThat(v).isCloseTo(3.25, within(1e-12)); // no pull towards the zero it starts from
    }

    @Test
    void ema_stepChange_followedBy63PercentAfterTau() {
        long[] steps = LongStream.range(0, 2000).toArray();
        Double[] out = Smoothing.ema(steps, values(steps, t -> t < 1000 ? 0 : 1), 200);
        // after τ steps of the new value the old ones keep weight e^{−1}·(1 − e^{−5}) of the 1 − e^{−6} accumulated
        // (1000 and 1200 steps of τ = 200): about 1 − e^{−1}, the time constant's meaning
        double expected = 1 - Math.exp(-1) * (1 - Math.exp(-5)) / (1 - Math.exp(-6));
        assertThat(out[1000 + 200 - 1]).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(1 - Math.exp(-1), within(0.002));
    }

    @Test
    void ema_samplingDensity_doesNotChangeTheSmoothing() {
        double tau = 200;
        java.util.function.LongToDoubleFunction f = t -> Math.sin(t / 300.0) + (t >= 2000 ? 1 : 0);
        long[] dense = LongStream.range(0, 6000).toArray();
        long[] sparse = LongStream.range(0, 600).map(t -> t * 10 + 9).toArray();
        Double[] d = Smoothing.ema(dense, values(dense, f), tau), s = Smoothing.ema(sparse, values(sparse, f), tau);
        double worst = 0, naiveWorst = 0;
        // a per-point EMA with the same β per point: what most dashboards do
        double beta = Math.exp(-1 / tau), avg = 0, w = 0;
        for (int i = 0; i < sparse.length; i++) {
            double v = f.applyAsDouble(sparse[i]);
            avg = beta * avg + (1 - beta) * v;
            w = beta * w + (1 - beta);
            worst = Math.max(worst, Math.abs(s[i] - d[(int) sparse[i]]));
            if (sparse[i] > 1000) naiveWorst = Math.max(naiveWorst, Math.abs(avg / w - d[(int) sparse[i]]));
        }
        assertThat(worst).isLessThan(0.03);       // every 10th step, τ = 200: off by O(Δ/τ) of the change
        assertThat(naiveWorst).isGreaterThan(0.3); // per point, the sparse run is smoothed ten times as long
    }

    @Test
    void ema_gapsStayGaps_andTauMustBePositive() {
        Double[] out = Smoothing.ema(new long[]{0, 1, 2}, new Double[]{1.0, null, 1.0}, 5);
        assertThat(out[1]).isNull();
        assertThat(out[2]).isCloseTo(1.0, within(1e-12));
        assertThatThrownBy(() -> Smoothing.ema(new long[0], new Double[0], 0)).hasMessage("tau (0.0) must be > 0 and finite");
    }
}
