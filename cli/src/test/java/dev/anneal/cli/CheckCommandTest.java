package dev.anneal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code anneal check}: verdict line first, exit codes 0 / 2 / 3, and the JSON fields. */
class CheckCommandTest {

    @Test
    void unsafe_verdictLineFirst_exit3() {
        Cli r = Cli.run("check", "cosine(0.5, steps=1000)", "--lambda-max", "10");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.lines().getFirst()).isEqualTo("UNSAFE at steps 0–564 (565 of 1000 steps)");
        assertThat(r.out()).contains("shortest linear warmup", "η·λ < 2", "565");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void recommendedWarmup_isSafe_exit0() {
        Cli unsafe = Cli.run("check", "cosine(0.5, steps=1000)", "--lambda-max", "10", "--json");
        String fixed = json(unsafe).at("/sections/warmup/fixed_spec/value").asText();
        Cli r = Cli.run("check", fixed, "--lambda-max", "10", "--steps", "1000");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines().getFirst()).isEqualTo("SAFE");
    }

    @Test
    void noCurvature_risk_exit0() {
        Cli r = Cli.run("check", "cosine(0.1, steps=100)");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines().getFirst()).startsWith("RISK: stability not checked");
    }

    @Test
    void json_fieldsCarryValuesAndFormulas() {
        Cli r = Cli.run("check", "warmup(100, cosine(0.1, steps=900))", "--lambda-max", "10", "--optimizer", "momentum",
                "--momentum", "0.9", "--grad-bound", "1", "--distance", "100", "--batch", "1024", "--base-batch", "256",
                "--accumulate", "4", "--accumulate-mode", "sum", "--weight-decay", "0.1", "--json");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        JsonNode j = json(r);
        assertThat(j.at("/verdict/kind").asText()).isEqualTo("UNSAFE");
        assertThat(j.at("/steps").asLong()).isEqualTo(1000);
        assertThat(j.at("/sections/stability/h_limit/value").asDouble()).isCloseTo(3.8, within(1e-12));
        assertThat(j.at("/sections/stability/h_limit/formula").asText()).contains("2(1+β)");
        assertThat(j.at("/sections/stability/rate_scale/value").asDouble()).isEqualTo(4);
        assertThat(j.at("/sections/sums/sum_eta/value").asDouble()).isCloseTo(50, within(1e-9)); // ramp 0.1·99/2 + cosine 0.1·(900+1)/2
        assertThat(j.at("/sections/sums/sum_eta_infinity_class/value").asText()).isEqualTo("finite");
        assertThat(j.at("/sections/sums/robbins_monro/value").asBoolean()).isFalse();
        assertThat(j.at("/sections/budget/freeze_step/value").isIntegralNumber()).isTrue();
        assertThat(j.at("/sections/batch/linear_rule/value").asDouble()).isCloseTo(0.4, within(1e-15));
        assertThat(j.at("/sections/batch/configured_peak/value").asDouble()).isCloseTo(0.095, within(1e-15));
        assertThat(j.at("/sections/weight_decay/lambda_post/value").asDouble()).isGreaterThan(0.1);
        assertThat(j.at("/verdict/risks")).anyMatch(x -> x.asText().contains("premature freezing"));
        assertThat(j.at("/verdict/unstable/0/0").asLong()).isEqualTo(95);
    }

    /** adamw is checked as it runs: decoupled decay a = 1 − η·wd lowers the limit to (1 + a)(1+β₁)/(1−β₁). */
    @Test
    void adamw_isCheckedWithItsDecoupledWeightDecay() {
        JsonNode adamw = json(Cli.run("check", "constant(1)", "--steps", "10", "--lambda-max", "37", "--optimizer", "adamw",
                "--weight-decay", "0.1", "--json"));
        assertThat(adamw.at("/sections/stability/h_limit/value").asDouble()).isCloseTo(1.9 * 19, within(1e-12));
        assertThat(adamw.at("/sections/stability/unstable_steps/value").asLong()).isEqualTo(10); // 37 ≥ 36.1
        assertThat(adamw.at("/sections/weight_decay/weight_decay/value").asDouble()).isEqualTo(0.1);
        JsonNode adam = json(Cli.run("check", "constant(1)", "--steps", "10", "--lambda-max", "37", "--optimizer", "adam",
                "--weight-decay", "0.1", "--json"));
        assertThat(adam.at("/sections/stability/h_limit/value").asDouble()).isCloseTo(38, within(1e-12));
        assertThat(adam.at("/sections/stability/unstable_steps/value").asLong()).isZero();
        // without the flag, AdamW's own default weight decay (PyTorch: 0.01) is the one it runs with
        JsonNode defaults = json(Cli.run("check", "constant(1)", "--steps", "10", "--lambda-max", "1", "--optimizer", "adamw", "--json"));
        assertThat(defaults.at("/sections/stability/weight_decay/value").asDouble()).isEqualTo(0.01);
    }

    @Test
    void json_infiniteSum_isTheStringInfinity() {
        JsonNode j = json(Cli.run("check", "power_law(0.1, alpha=0.75)", "--steps", "100", "--json"));
        assertThat(j.at("/sections/sums/sum_eta_infinity/value").asText()).isEqualTo("Infinity");
        assertThat(j.at("/sections/sums/sum_eta_squared_infinity/value").isNumber()).isTrue();
        assertThat(j.at("/sections/sums/robbins_monro/value").asBoolean()).isTrue();
    }

    @Test
    void total_resolvesPercentages() {
        Cli r = Cli.run("check", "warmup(10%, cosine(0.1, steps=90%))", "--total", "1000", "--lambda-max", "10");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("horizon: 1000 steps");
    }

    @Test
    void lambdaMaxBound_labelledAsBound() {
        Cli r = Cli.run("check", "cosine(0.1, steps=100)", "--lambda-max-bound", "8");
        assertThat(r.out()).contains("Λ (bound on λmax)").contains("E‖x‖²");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                arguments(new String[] {"check", "constant(0.1)"}, "--steps N"),
                arguments(new String[] {"check", "constant(0.1)", "--steps", "0"}, "--steps (0) must be > 0"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--lambda-max", "-1"}, "--lambda-max (-1.0) must be > 0"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--lambda-max", "NaN"}, "--lambda-max (NaN)"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--lambda-max", "1", "--lambda-max-bound", "2"}, "mutually exclusive"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--momentum", "0.9"}, "--momentum (0.9) needs --optimizer"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--optimizer", "momentum", "--momentum", "1"}, "--momentum (1.0) must be in [0, 1)"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--distance", "5"}, "--distance (5.0) needs --grad-bound"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--batch", "512"}, "--base-batch"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--accumulate", "0"}, "--accumulate (0) must be > 0"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--accumulate-mode", "avg"}, "--accumulate-mode"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--optimizer", "lion"}, "--optimizer (lion) must be one of sgd, momentum"),
                arguments(new String[] {"check", "cosine(0.1, steps=10)", "--weight-decay", "-0.1"}, "--weight-decay (-0.1) must be >= 0"),
                arguments(new String[] {"check", "cosin(0.1, steps=10)"}, "did you mean 'cosine'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInput")
    void badInput_exit2_oneMessageNamingTheFlag(String[] args, String message) {
        Cli r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("anneal: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    private static JsonNode json(Cli r) {
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }
}
