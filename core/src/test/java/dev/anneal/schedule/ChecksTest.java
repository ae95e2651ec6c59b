package dev.anneal.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong value is an IllegalArgumentException; a wrong state, such as a setting given twice, an IllegalStateException. */
class ChecksTest {

    @Test
    void argument_brokenRule_isAWrongValue() {
        // a wrong value is core's structured InvalidInputException, an IllegalArgumentException (exit 2)
        assertThatThrownBy(() -> Checks.argument(false, "min (2) must be <= max (1)"))
                .isExactlyInstanceOf(InvalidInputException.class).isInstanceOf(IllegalArgumentException.class).hasMessage("min (2) must be <= max (1)");
        assertThatCode(() -> Checks.argument(true, "unused")).doesNotThrowAnyException();
    }

    @Test
    void requireState_wrongState_isAnIllegalState() {
        assertThatThrownBy(() -> Checks.requireState(false, "the builder was used already"))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("the builder was used already");
    }

    @Test
    void setOnce_secondValue_namesTheEarlierOne() {
        assertThatCode(() -> Checks.setOnce("clipNorm", null, 1.0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.setOnce("clipNorm", 1.0, 2.5))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("clipNorm was already set to 1 (now 2.5)");
    }

    @Test
    void rejectedValue_isNamedShownAndRuled() {
        assertThatThrownBy(() -> Checks.positive("steps", 0L)).isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage("steps (0) must be > 0");
        assertThatThrownBy(() -> new Rescale(Schedule.constant(1), 2, 1)).isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage("min (2) must be <= max (1)");
    }

    @Test
    void format_printsNumbersAndListsAsTheSpecLanguageDoes() {
        assertThat(Checks.format(1.0)).isEqualTo("1");
        assertThat(Checks.format(0.5)).isEqualTo("0.5");
        assertThat(Checks.format(List.of(1.0, 0.25))).isEqualTo("[1, 0.25]");
        assertThat(Checks.format(List.of(30L, 80L))).isEqualTo("[30, 80]");
        assertThat(Checks.format("cos")).isEqualTo("cos");
    }
}
