package dev.anneal.dialect;

import dev.anneal.analysis.RobbinsMonro;
import dev.anneal.analysis.Tail;
import dev.anneal.spec.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Core's analysis reads a dialect's schedules without knowing the dialect (moved here from core's RobbinsMonroTest). */
class DialectAnalysisTest {

    @ParameterizedTest(name = "{0}: Ση {1}, Ση² {2}")
    @CsvSource(delimiter = '|', value = {
            "torch.StepLR(lr=0.1, step_size=10, gamma=0.5)   | FINITE   | FINITE   | false"})
    void family_hasItsRobbinsMonroClass(String spec, Tail.Kind sum, Tail.Kind squares, boolean satisfied) {
        RobbinsMonro rm = RobbinsMonro.of(Spec.parse(spec), 100_000);
        assertThat(rm.sum().kind()).as("Ση of %s: %s", spec, rm.sum().reason()).isEqualTo(sum);
        assertThat(rm.squares().kind()).as("Ση² of %s: %s", spec, rm.squares().reason()).isEqualTo(squares);
        assertThat(rm.satisfied()).isEqualTo(satisfied);
    }
}
