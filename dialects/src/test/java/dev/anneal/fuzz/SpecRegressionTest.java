package dev.anneal.fuzz;

import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;
import dev.anneal.spec.Limits;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The corpus of hostile inputs that once broke the spec language (issue 12 and the fuzzer since), each pinned to
 * the clean error, or the sound schedule, it gets now.
 */
class SpecRegressionTest {

    private static SpecException rejected(String spec) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> Spec.parse(spec, 1000));
        assertThat(e).as("%s must be rejected", SpecOracle.abbreviate(spec)).isNotNull();
        assertThat(SpecOracle.check(spec)).isEmpty();
        return e;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'warmup(1, ' | ')'
            'counter('   | ')'
            '('          | ')'
            '['          | ']'
            '{1: '       | '}'
            '2 * '       | ''
            """)
    void nestingBeyondTheLimit_isRejectedAtTheLevelPastIt(String open, String close) {
        for (int n : new int[] {1000, 3000}) {
            String spec = open.repeat(n) + "constant(1)" + close.repeat(n);
            SpecException e = rejected(spec);
            assertThat(e.reason()).startsWith("the spec nests deeper than " + Limits.DEPTH + " levels");
            assertThat(e.column()).isPositive();
        }
    }

    @Test
    void nestingAtTheLimit_isAccepted() {
        int n = Limits.DEPTH - 1; // the innermost call is a level too
        Schedule s = Spec.parse("warmup(1, ".repeat(n) + "constant(1)" + ")".repeat(n));
        assertThat(s.at(n + 5)).isEqualTo(1);
        assertThat(Spec.parse(Spec.print(s))).isEqualTo(s);
    }

    @Test
    void aTenThousandPieceChain_isABalancedTreeEvaluatedInFourteenDescents() {
        String spec = String.join(" then ", Collections.nCopies(10_000, "linear(0, 1, steps=3)"));
        Schedule s = Spec.parse(spec);
        // The budget of one evaluation: the tree's depth, a descent per level, instead of 10,000 nested calls.
        assertThat(depth(s)).isEqualTo(14); // ⌈log₂ 10,000⌉
        assertThat(s.duration()).hasValue(30_000);
        assertThat(s.at(29_999)).isEqualTo(2.0 / 3);
        assertThat(s.at(4)).isEqualTo(1.0 / 3);
        assertThat(((Then) s).pieces()).hasSize(10_000);
        assertThat(Spec.parse(Spec.print(s))).isEqualTo(s);
    }

    @Test
    void aChainBuiltStepByStepInCode_isEvaluatedWithoutRecursion() {
        Schedule s = new dev.anneal.schedule.Linear(0, 1, 2);
        for (int i = 0; i < 100_000; i++) s = s.then(new dev.anneal.schedule.Linear(0, 1, 2));
        assertThat(s.at(0)).isZero();
        assertThat(s.at(1)).isEqualTo(0.5);
        assertThat(s.duration()).hasValue(200_002);
        assertThat(s.range()).isEqualTo(new dev.anneal.schedule.Range(0, 1)); // the last piece holds its end value
    }

    @Test
    void aChainPastTheLimit_isRejectedAtTheThenThatPassesIt() {
        String spec = String.join("then ", Collections.nCopies(Limits.PIECES + 1, "linear(0,1,1)"));
        assertThat(rejected(spec).reason()).isEqualTo("a 'then' chain may join at most " + Limits.PIECES + " schedules (the limit)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cosine(0.1, steps=1e-99999999%)   | number 1e-99999999 has an exponent of more than 3 digits (the limit; a double's range ends near 1e308)
            cosine(0.1, steps=1e-2147483646%) | number 1e-2147483646 has an exponent of more than 3 digits (the limit; a double's range ends near 1e308)
            constant(1e-400)                  | number 1e-400 is too small for a double: it would read as 0
            cosine(0.1, steps=1e-999%)        | number 1e-999 is too small for a double: it would read as 0
            cosine(0.1, steps=1e-300%)        | steps (0) must be > 0
            """)
    void percentagesWithExtremeExponents_areRejectedAtOnce(String spec, String reason) {
        assertThat(rejected(spec).reason()).isEqualTo(reason);
    }

    @Test
    void aNumberLiteralPastTheLengthLimit_isRejected() {
        assertThat(rejected("constant(" + "1".repeat(101) + ")").reason()).isEqualTo("number literal of 101 characters; the limit is 100");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=1e308, mode='triangular2')  | step_size_up + step_size_down (Infinity) must be finite
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=4.9e-324)                   | step_size_up + step_size_down (9.9E-324) must be finite and at least 5.130671001622971E-290
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=4.9e-324, step_size_down=1e308) | step_size_up (4.9E-324) is too small beside step_size_down
            torch.ConstantLR(lr=0.1, factor=4.9e-324, total_iters=4)                           | factor (4.9E-324) is too small
            hf.get_cosine_with_min_lr_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100, min_lr=-1e308) | min_lr (-1.0E308) is too large for lr (0.1)
            onecycle(0.5, steps=720, div=5e-324)                                               | div (4.9E-324) is too small for peak (0.5)
            onecycle(0.5, steps=657, final_div=5e-324)                                         | final_div (4.9E-324) is too small
            hf.get_cosine_schedule_with_warmup(lr=1, num_warmup_steps=1, num_training_steps=10, num_cycles=1e308) | num_cycles (1.0E308) must be at most 1.0E280 in magnitude
            optax.linear_schedule(init_value=-1e308, end_value=1e308, transition_steps=10, transition_begin=1549)     | init_value − end_value (-Infinity) must be finite
            keras.CosineDecayRestarts(initial_learning_rate=1, first_decay_steps=263, t_mul=1e308)                    | t_mul (1.0E308) is too large for first_decay_steps (263)
            optax.warmup_cosine_decay_schedule(init_value=-1, peak_value=-4.9e-324, warmup_steps=0, decay_steps=1452, end_value=1347) | peak_value (-4.9E-324) is too small for end_value (1347)
            optax.linear_onecycle_schedule(transition_steps=20, peak_value=0.3, pct_start=1.0000000001, div_factor=2.2250738585072014e-308) | div_factor and final_div_factor are too extreme for peak_value: init_value·scales up to boundary 17
            torch.OneCycleLR(max_lr=0.5873142844156757, total_steps=1801, div_factor=5e-324, final_div_factor=0.9895146829754767) | div_factor (4.9E-324) is too small for max_lr (0.5873142844156757)
            torch.OneCycleLR(max_lr=0.5, total_steps=100, div_factor=1e-300, final_div_factor=1e-10) | final_div_factor (1.0E-10) is too small for max_lr/div_factor (4.9999999999999995E299)
            torch.LinearLR(lr=0.11173250797998402, start_factor=4.9e-324, end_factor=0.29702508080469414, total_iters=1) | start_factor (4.9E-324) is too small: PyTorch's factor at step 1
            timm.CosineLRScheduler(lr=4611686018427387904, t_initial=434, lr_min=0.1, cycle_limit=55, warmup_prefix=true, k_decay=1617) | k_decay (1617) is too large
            timm.PolyLRScheduler(lr=1, t_initial=100, cycle_mul=2, cycle_limit=1000, k_decay=20) | k_decay (20) is too large
            phase(cyclic(0, 1, up=9223372036854775807), 0.5)                                   | up + down (9223372036854775807+9223372036854775807) must be at most 9223372036854775807
            """)
    void parametersThatWouldGiveNaNOrAFalsePeriod_areRejectedByName(String spec, String reason) {
        assertThat(rejected(spec).reason()).startsWith(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.ExponentialLR(lr=0, gamma=1.7976931348623157e308)
            exponential(0, gamma=1e308)
            step(0, every=1373, gamma=64)
            constant(0) * exponential(1, gamma=1e308)
            hf.get_inverse_sqrt_schedule(lr=644, num_warmup_steps=420, timescale=9223372036854775807)
            onecycle(1, steps=1000)
            keras.ExponentialDecay(initial_learning_rate=0, decay_steps=1, decay_rate=10910.8)
            counter(torch.StepLR(lr=-0, step_size=1748, gamma=1.0000000001))
            optax.exponential_decay(init_value=-0, transition_steps=10, decay_rate=785, staircase=true)
            optax.cosine_onecycle_schedule(transition_steps=9007199254740993, peak_value=1836)
            keras.CosineDecayRestarts(initial_learning_rate=0, first_decay_steps=1206, t_mul=1, m_mul=9223372036854775808)
            keras.PolynomialDecay(initial_learning_rate=1e308, decay_steps=10, end_learning_rate=-1e308)
            optax.warmup_constant_schedule(init_value=-1e308, peak_value=1.7976931348623157e308, warmup_steps=876)
            optax.warmup_constant_schedule(init_value=-1e308, peak_value=1e308, warmup_steps=545)
            """)
    void aZeroTimesAnOverflowingPower_orAWrappingSum_isNotNaN(String spec) {
        Schedule s = Spec.parse(spec);
        assertThat(s.at(Long.MAX_VALUE)).isNotNaN();
        assertThat(SpecOracle.check(spec)).isEmpty();
    }

    @Test
    void kerasRestartsWithAnOverflowingMMul_keepAZeroFactorZero() {
        // m_mul^i is ∞ from the 5th restart on; with alpha 1 the cosine term is 0·∞ in Keras (NaN), here 0: lr·alpha.
        Schedule s = Spec.parse("keras.CosineDecayRestarts(initial_learning_rate=4611686018427387904, first_decay_steps=1674, "
                + "m_mul=9223372036854775807, alpha=1)");
        assertThat(s.at(1L << 31)).isEqualTo(0x1p62);
        assertThat(s.at(Long.MAX_VALUE)).isEqualTo(0x1p62);
        // without alpha the peak grows past a double's range: +∞, as m_mul asks, and never NaN
        Schedule growing = Spec.parse("keras.CosineDecayRestarts(initial_learning_rate=1, first_decay_steps=10, t_mul=1, m_mul=1e100)");
        assertThat(growing.at(25)).isCloseTo(0.5e200, org.assertj.core.data.Percentage.withPercentage(1e-9)); // half-way through the 3rd cycle: ½·m_mul²
        assertThat(growing.at(1000)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecOracle.check("keras.CosineDecayRestarts(initial_learning_rate=4611686018427387904, first_decay_steps=1674, "
                + "m_mul=9223372036854775807, alpha=1)")).isEmpty();
    }

    @Test
    void kerasPolynomialCycleFarOut_staysWithinItsCycle() {
        // ceil(2⁶²/969)·969 rounds below 2⁶² in doubles: p > 1, and (1 − p)^0.652 was NaN. p is at most 1 now.
        String spec = "keras.PolynomialDecay(initial_learning_rate=-1, decay_steps=969, power=0.652, cycle=true)";
        Schedule s = Spec.parse(spec);
        assertThat(s.at(1L << 62)).isBetween(-1.0, 0.0001);
        assertThat(s.at(969 * 2)).isEqualTo(0.0001); // a multiple of decay_steps still reads end_learning_rate
        assertThat(s.at(969 + 1)).isCloseTo(-1.0001 * Math.pow(968.0 / 1938, 0.652) + 0.0001, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SpecOracle.check(spec)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"922", "4611686018427387903", "9223372036854775807"})
    void aShiftOfAPeriodNearTheLongRange_keepsItsPeriod(long by) {
        // shift used to saturate t + by at 2⁶³ − 1, so at(2⁶³ − 1) read sgdr there (0) and not at(2⁶² − 1) (1625).
        String spec = "shift(sgdr(1625, period=4611686018427387904), " + by + ")";
        Schedule s = Spec.parse(spec);
        long p = s.period().getAsLong();
        assertThat(p).isEqualTo(1L << 62);
        for (long t : new long[] {0, 1, p - 1, p - 1 - by % p}) {
            assertThat(s.at(t + p)).as("at(%d + P)", t).isEqualTo(s.at(t));
        }
        assertThat(s.at(Long.MAX_VALUE)).isEqualTo(s.at(p - 1));
        assertThat(SpecOracle.check(spec)).isEmpty();
    }

    @Test
    void aPhaseOfAPeriodNearTheLongRange_keepsItsPeriod() {
        Schedule s = Spec.parse("phase(cyclic(0, 1, up=4611686018427387904, down=4611686018427387903), 0.5)");
        long p = s.period().getAsLong();
        assertThat(p).isEqualTo(Long.MAX_VALUE);
        assertThat(s.at(p)).isEqualTo(s.at(0));
        assertThat(s.at(0)).isEqualTo(1);
    }

    @Test
    void anErrorInALongSpec_showsAWindowAroundTheColumn() {
        String spec = "constant(1) * ".repeat(150) + "constant(1)";
        SpecException e = rejected(spec);
        String[] lines = e.getMessage().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).hasSizeLessThanOrEqualTo(2 + 102);
        int caret = lines[2].indexOf('^');
        assertThat(lines[1].substring(caret)).startsWith("constant(1)"); // the call that opens level 101
    }

    private static int depth(Schedule s) {
        return s instanceof Then t ? 1 + Math.max(depth(t.first()), depth(t.next())) : 0;
    }

    /** A zero lr under a growing decay: lr·rate^k was 0·∞ = NaN once rate^k overflowed; it stays 0, as native step does. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            timm.StepLRScheduler(lr=0, decay_t=1, decay_rate=2)
            timm.MultiStepLRScheduler(lr=0, decay_t=[1, 2], decay_rate=1e300)
            timm.CosineLRScheduler(lr=0, t_initial=1, cycle_decay=2, cycle_limit=5000)
            """)
    void aZeroLrUnderADecayThatOverflows_staysZero(String spec) {
        assertThat(SpecOracle.check(spec)).isEmpty();
        Schedule s = Spec.parse(spec);
        for (long step : new long[] {0, 3, 1100, 4000, 1L << 40}) assertThat(s.at(step)).as("%s at %d", spec, step).isEqualTo(0.0);
        // timm's ranges are widened by a few ulps (Py.loose), so around 0 by a few subnormals
        assertThat(s.range().min()).isBetween(-1e-300, 0.0);
        assertThat(s.range().max()).isBetween(0.0, 1e-300);
    }
}
