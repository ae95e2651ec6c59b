package dev.anneal.fuzz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short fuzzing run in CI (a few seconds): generated and mutated specs of every family, native and dialect, must
 * give clean errors or schedules without NaN. {@code -Danneal.fuzz.inputs=N -Danneal.fuzz.seed=S} runs more.
 */
class SpecFuzzTest {

    @Test
    void generatedSpecs_areCleanlyRejectedOrSound() {
        long inputs = Long.getLong("anneal.fuzz.inputs", 1000), seed = Long.getLong("anneal.fuzz.seed", 0);
        FuzzRun.Report report = FuzzRun.run(seed, inputs, 60, SpecInputs::of, SpecOracle::check);
        System.out.println("spec fuzzing: " + report);
        assertThat(report.crashes()).as(report.toString()).isEmpty();
        assertThat(report.hangs()).as(report.toString()).isEmpty();
    }
}
