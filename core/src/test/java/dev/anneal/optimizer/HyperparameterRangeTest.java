package dev.anneal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.anneal.optimizer.Hyperparameter.Range;
import org.junit.jupiter.api.Test;

class HyperparameterRangeTest {
    /** accepts() is the fast path of check(): the two must agree on every value, the edges included. */
    @Test
    void accepts_isExactlyWhatCheckLetsThrough() {
        double[] values = {Double.NEGATIVE_INFINITY, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 0.5,
                Math.nextDown(1.0), 1.0, 2, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};
        for (Range range : Range.values()) {
            for (double v : values) {
                boolean passes = catchThrowable(() -> range.check("x", v)) == null;
                assertThat(range.accepts(v)).as("%s accepts %s", range, v).isEqualTo(passes);
            }
        }
    }
}
