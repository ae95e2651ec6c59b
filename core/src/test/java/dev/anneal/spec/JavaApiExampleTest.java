package dev.anneal.spec;

import dev.anneal.schedule.Schedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Java example of docs/spec-language.md (DocsTest checks that the page shows these lines). */
class JavaApiExampleTest {
    @Test
    void theExampleComputesWhatThePageSays() {
        Schedule lr = Spec.parse("warmup(500, cosine(0.1, steps=9500))");
        double eta = lr.at(1_000);
        Schedule momentum = Schedule.cyclic(0.85, 0.95, 500).counter();
        String text = Spec.print(lr);

        // step 1000 is 500 steps into the cosine: 0.05·(1 + cos(π·500/9500))
        assertThat(eta).isCloseTo(0.05 * (1 + Math.cos(Math.PI * 500 / 9500)), within(1e-15));
        assertThat(Spec.parse(text)).isEqualTo(lr);
        // counter-phase: high where the cycle is low
        assertThat(momentum.at(0)).isEqualTo(0.95);
        assertThat(momentum.at(500)).isCloseTo(0.85, within(1e-15));
    }
}
