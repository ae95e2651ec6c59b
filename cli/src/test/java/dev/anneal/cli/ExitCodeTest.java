package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Exit codes 0 / 2 and the one-message, no-stack-trace rule of the command-line contract. */
class ExitCodeTest {

    @Test
    void eval_validSpec_exit0AndNothingOnStderr() {
        Cli r = Cli.run("eval", "cosine(0.1, steps=10)", "--steps", "0:3");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void help_exit0AndPrintsUsage() {
        Cli r = Cli.run("--help");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Usage: anneal").contains("eval").contains("plot").contains("families");
    }

    @Test
    void version_exit0AndPrintsVersion() {
        Cli r = Cli.run("--version");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("anneal ");
    }

    @Test
    void evalHelp_exit0() {
        Cli r = Cli.run("eval", "--help");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("--steps").contains("--format").contains("--total");
    }

    @Test
    void syntaxError_exit2WithColumnAndCaret() {
        Cli r = assertUsageError("eval", "cosine(0.1, steps=5", "--steps", "0:3");
        assertThat(r.err()).contains("column");
        String[] lines = r.err().split("\\R");
        // the spec quoted, then a caret under the column the message names
        int caretLine = -1;
        for (int i = 0; i < lines.length; i++) if (lines[i].strip().equals("^")) caretLine = i;
        assertThat(caretLine).as("a caret line in %s", r.err()).isPositive();
        assertThat(lines[caretLine - 1]).contains("cosine(0.1, steps=5");
        int column = Integer.parseInt(r.err().replaceAll("(?s).*column (\\d+).*", "$1"));
        int specStart = lines[caretLine - 1].indexOf("cosine");
        assertThat(lines[caretLine].indexOf('^') - specStart + 1).as("caret under column %d", column).isEqualTo(column);
    }

    @Test
    void syntaxError_badCharacter_caretUnderIt() {
        Cli r = assertUsageError("eval", "cosine(0.1, steps=5) $ 2", "--steps", "0");
        String[] lines = r.err().split("\\R");
        int caretLine = Arrays.asList(lines).indexOf(Arrays.stream(lines).filter(l -> l.strip().equals("^")).findFirst().orElseThrow());
        String quoted = lines[caretLine - 1];
        assertThat(quoted.charAt(lines[caretLine].indexOf('^'))).isEqualTo('$');
    }

    @Test
    void invalidParameter_exit2NamesParameterValueAndRule() {
        Cli r = assertUsageError("eval", "cosine(0.1, steps=-5)", "--steps", "0:3");
        assertThat(r.err()).contains("steps (-5) must be > 0");
    }

    @Test
    void unknownFamily_exit2WithSuggestion() {
        Cli r = assertUsageError("eval", "cosin(0.1, steps=5)", "--steps", "0:3");
        assertThat(r.err()).contains("cosin").contains("did you mean 'cosine'");
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                arguments(new String[] {"eval", "constant(1)", "--steps", "0:3", "--bogus"}, "--bogus"),
                arguments(new String[] {"eval"}, "SPEC"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "5:3"}, "5:3"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "a:b"}, "a:b"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "1,x,3"}, "1,x,3"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "-1:3"}, "-1:3"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "0:3", "--format", "xml"}, "--format"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "0:3", "--param", "momentum"}, "--param"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "0:3", "--param", "beta"}, "--param"),
                arguments(new String[] {"eval", "constant(1)", "--steps", "0:3", "--metrics", "1,2"}, "--metrics"),
                arguments(new String[] {"eval", "cosine(1, steps=10%)", "--total", "0"}, "--total"),
                arguments(new String[] {"bogus-command"}, "bogus-command"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usageErrors")
    void usageError_exit2WithOneMessageNamingTheCulprit(String[] args, String named) {
        Cli r = assertUsageError(args);
        assertThat(r.err()).contains(named);
    }

    @Test
    void badStepsRange_messageQuotesOptionAndValue() {
        assertThat(assertUsageError("eval", "constant(1)", "--steps", "5:3").err()).contains("--steps (5:3)");
        assertThat(assertUsageError("eval", "constant(1)", "--steps", "a:b").err()).contains("--steps (a:b)");
    }

    @Test
    void momentum_messageSaysNativeSpecsDefineOnlyLr() {
        Cli r = assertUsageError("eval", "constant(1)", "--steps", "0:3", "--param", "momentum");
        assertThat(r.err()).contains("--param (momentum)");
    }

    @Test
    void metrics_messageSaysWhatMetricsAreFor() {
        Cli r = assertUsageError("eval", "constant(1)", "--steps", "0:3", "--metrics", "1,2");
        assertThat(r.err()).contains("--metrics").contains("ReduceLROnPlateau");
    }

    @Test
    void overflow_exit2SaysInfinityOrOverflow() {
        Cli r = assertUsageError("eval", "exponential(1, gamma=2)", "--steps", "2000");
        assertThat(r.err()).containsAnyOf("Infinity", "overflow");
        assertThat(r.err()).contains("2000");
    }

    @Test
    void overflow_clampedSchedule_exit0() {
        Cli r = Cli.run("eval", "clamp(exponential(1, gamma=2), max=10)", "--steps", "2000");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("2000\t10.0");
    }

    /** Runs the command, checks exit 2, one {@code anneal:} message and no stack trace; returns the result. */
    private static Cli assertUsageError(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.code()).as("exit code of %s: %s", String.join(" ", args), r).isEqualTo(2);
        assertThat(r.err()).as("stderr of %s", String.join(" ", args))
                .isNotBlank()
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("internal error");
        long messages = r.err().lines().filter(l -> l.startsWith("anneal:")).count();
        assertThat(messages).as("one message in %s", r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("anneal: ");
        return r;
    }
}
