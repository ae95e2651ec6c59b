package dev.anneal.dialect;

import dev.anneal.convert.Check;
import dev.anneal.convert.Conversion;
import dev.anneal.convert.Convert;
import dev.anneal.convert.Target;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConvertTest {

    /** Converts and expects success; the values are compared again here, independently of the converter's check. */
    private static String converted(String source, Target to) {
        Schedule s = Spec.parse(source);
        Conversion c = Convert.convert(s, to);
        assertThat(c).as("%s --to %s: %s", source, to.spec(), c.message()).isInstanceOf(Conversion.Converted.class);
        Schedule result = ((Conversion.Converted) c).schedule();
        assertThat(Spec.parse(c.message())).as("the printed spec parses back").isEqualTo(result);
        for (long step = 0; step <= 3000 && defined(s, step); step++) {
            double expected = s.at(step), actual = result.at(step);
            assertThat(Math.abs(actual - expected)).as("step %d: %s gives %s, %s gives %s", step, source, expected, c.message(), actual)
                    .isLessThanOrEqualTo(1e-12 * Math.abs(expected) + 1e-18);
        }
        return c.message();
    }

    /** Whether the source has a value there (PyTorch's OneCycleLR raises past total_steps). */
    private static boolean defined(Schedule s, long step) {
        try {
            s.at(step);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String refused(String source, Target to) {
        Conversion c = Convert.convert(Spec.parse(source), to);
        assertThat(c).as("%s --to %s: %s", source, to.spec(), c.message()).isNotInstanceOf(Conversion.Converted.class);
        return c.message();
    }

    // ---- every dialect name to native ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            torch.StepLR(lr=0.1, step_size=30, gamma=0.5)                                   | step(0.1, every=30, gamma=0.5)
            torch.MultiStepLR(lr=0.1, milestones=[80, 30])                                  | multistep(0.1, at=[30, 80])
            torch.ConstantLR(lr=0.1, factor=0.5, total_iters=4)                             | multistep(0.05, at=[4], gamma=2)
            torch.LinearLR(lr=0.1, start_factor=0.5, total_iters=10)                        | linear(0.05, 0.1, steps=10)
            torch.ExponentialLR(lr=0.1, gamma=0.9)                                          | exponential(0.1, gamma=0.9)
            torch.PolynomialLR(lr=0.1, total_iters=100, power=2.0)                          | polynomial(0.1, steps=100, power=2)
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2, eta_min=0.01)        | sgdr(0.1, period=10, mult=2, floor=0.01)
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, mode='triangular2')  | cyclic(0.001, 0.1, up=10, mode=triangular2)
            torch.OneCycleLR(max_lr=0.1, total_steps=100)                                   | onecycle(0.1, steps=100) then constant(5.074647154757325E-5)
            torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10), torch.ExponentialLR(gamma=0.9)], milestones=[10]) | linear(0.010000000000000002, 0.1, steps=10) then exponential(0.1, gamma=0.9)
            torch.SequentialLR(lr=0.1, schedulers=[torch.OneCycleLR(max_lr=0.5, total_steps=50), torch.ExponentialLR(gamma=0.9)], milestones=[51]) | onecycle(0.5, steps=50) then linear(0.0010084224754842283, 0.0010084224754842283, steps=1) then exponential(0.02, gamma=0.9)
            torch.SequentialLR(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=90), torch.MultiStepLR(milestones=[0], gamma=0.1)], milestones=[90]) | cosine(0.1, steps=90) then multistep(0.1, at=[0])
            torch.ChainedScheduler(lr=1.0, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2), torch.ExponentialLR(gamma=0.9)]) | multistep(0.1, at=[2], gamma=10) * exponential(1, gamma=0.9)
            hf.get_constant_schedule(lr=0.001)                                              | constant(0.001)
            hf.get_constant_schedule_with_warmup(lr=0.001, num_warmup_steps=100)            | warmup(100, constant(0.001))
            hf.get_linear_schedule_with_warmup(lr=0.001, num_warmup_steps=100, num_training_steps=1000) | warmup(100, linear(0.001, 0, steps=900))
            hf.get_cosine_with_hard_restarts_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100) | warmup(10, cosine(0.001, steps=90))
            hf.get_polynomial_decay_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100, lr_end=1e-05, power=2.0) | warmup(10, polynomial(0.001, end=1.0E-5, steps=90, power=2))
            hf.get_inverse_sqrt_schedule(lr=0.001, num_warmup_steps=100)                    | warmup(100, inverse_time(0.001, k=0.01, power=0.5))
            hf.get_wsd_schedule(lr=0.001, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70) | wsd(0.001, warmup=10, stable=70, decay=20, shape=cosine)
            optax.constant_schedule(value=0.1)                                              | constant(0.1)
            optax.linear_schedule(init_value=0.0, end_value=0.01, transition_steps=10, transition_begin=5) | linear(0, 0, steps=5) then linear(0, 0.01, steps=10)
            optax.polynomial_schedule(init_value=1.0, end_value=0.01, power=2, transition_steps=100) | polynomial(1, end=0.01, steps=100, power=2)
            optax.exponential_decay(init_value=0.1, transition_steps=100, decay_rate=0.5, staircase=True) | step(0.1, every=100, gamma=0.5)
            optax.cosine_decay_schedule(init_value=0.01, decay_steps=60, alpha=0.5)         | cosine(0.01, steps=60, floor=0.005)
            optax.warmup_constant_schedule(init_value=0.0, peak_value=0.1, warmup_steps=100) | linear(0, 0.1, steps=100)
            optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=100) | linear(0, 1, steps=10) then cosine(1, steps=90)
            optax.warmup_exponential_decay_schedule(init_value=0.0, peak_value=0.1, warmup_steps=10, transition_steps=50, decay_rate=0.5) | linear(0, 0.1, steps=10) then exponential(0.1, half_life=50)
            optax.sgdr_schedule(cosine_kwargs=[{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 5, 'decay_steps': 20}, {'init_value': 0.0, 'peak_value': 0.5, 'warmup_steps': 5, 'decay_steps': 40}]) | linear(0, 1, steps=5) then cosine(1, steps=15) then linear(0, 0.5, steps=5) then cosine(0.5, steps=35)
            optax.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={100: 0.5, 200: 0.1}) | linear(0.1, 0.1, steps=100) then linear(0.05, 0.05, steps=100) then constant(0.005000000000000001)
            optax.piecewise_interpolate_schedule(interpolate_type='linear', init_value=1.0, boundaries_and_scales={4: 0.1, 8: 0.01}) | linear(1, 0.1, steps=4) then linear(0.1, 0.001, steps=4) then constant(0.001)
            optax.linear_onecycle_schedule(transition_steps=100, peak_value=0.1)            | linear(0.004, 0.1, steps=30) then linear(0.1, 0.004, steps=55) then linear(0.004, 4.0000000000000003E-7, steps=15) then constant(4.0000000000000003E-7)
            optax.cosine_onecycle_schedule(transition_steps=100, peak_value=0.1)            | cosine(0.004, steps=30, floor=0.1) then cosine(0.1, steps=70, floor=4.0E-7) then constant(4.0E-7)
            optax.join_schedules(schedules=[optax.linear_schedule(init_value=0.0, end_value=0.01, transition_steps=10), optax.cosine_decay_schedule(init_value=0.01, decay_steps=60)], boundaries=[10]) | linear(0, 0.01, steps=10) then cosine(0.01, steps=60)
            keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=1000, decay_rate=0.96, staircase=True) | step(0.1, every=1000, gamma=0.96)
            keras.PiecewiseConstantDecay(boundaries=[100, 200], values=[0.1, 0.05, 0.001]) | linear(0.1, 0.1, steps=101) then linear(0.05, 0.05, steps=100) then constant(0.001)
            keras.PolynomialDecay(initial_learning_rate=0.1, decay_steps=1000, end_learning_rate=0.01, power=0.5) | polynomial(0.1, end=0.01, steps=1000, power=0.5)
            keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5) | inverse_time(0.1, k=0.05)
            keras.CosineDecay(initial_learning_rate=0.0, decay_steps=90, warmup_target=0.1, warmup_steps=10) | linear(0, 0.1, steps=10) then cosine(0.1, steps=90)
            keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=100)     | sgdr(0.1, period=100, mult=2)
            timm.CosineLRScheduler(lr=0.1, t_initial=100, lr_min=0.001)                     | cosine(0.1, steps=100, floor=0.001)
            timm.PolyLRScheduler(lr=0.1, t_initial=100, power=2.0)                          | polynomial(0.1, steps=100, power=2)
            timm.StepLRScheduler(lr=0.1, decay_t=30, decay_rate=0.5, warmup_t=5)            | linear(0, 0.1, steps=5) then step(0.1, every=30, gamma=0.5)
            timm.MultiStepLRScheduler(lr=0.1, decay_t=[30, 80], decay_rate=0.1)             | multistep(0.1, at=[30, 80])
            """)
    void toNative_dialectName_givesTheNativeFamily(String source, String expected) {
        assertThat(converted(source, Target.NATIVE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            torch.CosineAnnealingLR(lr=0.1, T_max=100)  | torch.CosineAnnealingLR(lr=0.1, T_max=100) has no native form: past T_max PyTorch's lr climbs back to lr and keeps oscillating with period 2·T_max, and no native family rises again after a cosine; cosine(lr, steps=T_max, floor=eta_min) agrees only up to step T_max
            torch.ReduceLROnPlateau(lr=0.1, factor=0.5) | torch.ReduceLROnPlateau(lr=0.1, factor=0.5) has no native form: torch.ReduceLROnPlateau is closed-loop: its lr depends on the metrics passed to step(metric), not on the step alone
            hf.get_cosine_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100) | hf.get_cosine_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100) has no native form: the cosine goes on past num_training_steps (with num_cycles 0.5 it climbs back to lr by 2·num_training_steps − num_warmup_steps), and no native family rises again after a cosine
            hf.get_cosine_with_min_lr_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr=1e-05) | hf.get_cosine_with_min_lr_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr=1.0E-5) has no native form: the cosine goes on past num_training_steps (with num_cycles 0.5 it climbs back to lr by 2·num_training_steps − num_warmup_steps), and no native family rises again after a cosine
            hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr_rate=0.1) | hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr_rate=0.1) has no native form: the cosine goes on past num_training_steps (with num_cycles 0.5 it climbs back to lr by 2·num_training_steps − num_warmup_steps), and no native family rises again after a cosine
            keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, staircase=True) | keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, staircase=True) has no native form: staircase=True holds each value for decay_steps steps; native inverse_time changes at every step
            keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=100, m_mul=0.5) | keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=100, m_mul=0.5) has no native form: m_mul (0.5) lowers each restart's peak; native sgdr restarts at the same value
            keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=10, t_mul=3.0) | keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=10, t_mul=3.0) has no native form: Keras finds the cycle through logarithms in floating point, and at step 1210 they put it in a different cycle than the exact count: 0.0 where sgdr gives 0.1
            torch.SequentialLR(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=90), torch.StepLR(step_size=5)], milestones=[95]) | torch.SequentialLR(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=90), torch.StepLR(step_size=5)], milestones=[95]) has no native form: schedulers[0] (torch.CosineAnnealingLR(T_max=90)) has no native form: past T_max PyTorch's lr climbs back to lr and keeps oscillating with period 2·T_max, and no native family rises again after a cosine; cosine(lr, steps=T_max, floor=eta_min) agrees only up to step T_max
            timm.TanhLRScheduler(lr=0.1, t_initial=100) | timm.TanhLRScheduler(lr=0.1, t_initial=100) has no native form: no native family follows a tanh curve
            torch.LinearLR(lr=0.1, end_factor=0.0, total_iters=3) | torch.LinearLR(lr=0.1, end_factor=0.0, total_iters=3) has no native form: end_factor 0 leaves PyTorch's lr at a rounding residue (1.2335811384723962E-18) from step total_iters on, where linear(…) reaches 0
            """)
    void toNative_withoutNativeForm_saysPreciselyWhy(String source, String message) {
        assertThat(refused(source, Target.NATIVE)).isEqualTo(message);
    }

    @Test
    void toNative_coversEveryDialectName() {
        Set<String> tested = new TreeSet<>();
        for (String table : Stream.of("toNative_dialectName_givesTheNativeFamily", "toNative_withoutNativeForm_saysPreciselyWhy").toList()) {
            try {
                CsvSource csv = ConvertTest.class.getDeclaredMethod(table, String.class, String.class).getAnnotation(CsvSource.class);
                csv.textBlock().lines().map(l -> l.substring(0, l.indexOf('(')).strip()).forEach(tested::add);
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
        Set<String> names = Families.dialects().stream().flatMap(d -> Families.dialect(d).stream()).map(Family::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).containsAll(names);
    }

    // ---- native to each dialect --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} --to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            constant(0.1)                          | torch | torch.ConstantLR(lr=0.1, factor=1.0, total_iters=0)
            step(0.1, every=30, gamma=0.5)         | torch | torch.StepLR(lr=0.1, step_size=30, gamma=0.5)
            multistep(0.1, at=[10, 20])            | torch | torch.MultiStepLR(lr=0.1, milestones=[10, 20])
            exponential(0.1, gamma=0.99)           | torch | torch.ExponentialLR(lr=0.1, gamma=0.99)
            linear(0.05, 0.1, steps=10)            | torch | torch.LinearLR(lr=0.1, start_factor=0.5, total_iters=10)
            polynomial(0.1, steps=100, power=2)    | torch | torch.PolynomialLR(lr=0.1, total_iters=100, power=2.0)
            cosine(0.1, steps=100, floor=0.01)     | torch | torch.SequentialLR(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=100, eta_min=0.01), torch.MultiStepLR(milestones=[0], gamma=0.09999999999999999)], milestones=[100])
            sgdr(0.1, period=10, mult=2)           | torch | torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2)
            cyclic(0.001, 0.1, up=10, down=5)      | torch | torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10.0, step_size_down=5.0, cycle_momentum=False)
            onecycle(0.1, steps=100)               | torch | torch.SequentialLR(lr=0.004, schedulers=[torch.OneCycleLR(max_lr=0.1, total_steps=100, cycle_momentum=False), torch.MultiStepLR(milestones=[0], gamma=9.999999999999999E-5)], milestones=[100])
            linear(0.01, 0.1, steps=10) then cosine(0.1, steps=90) | torch | torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.09999999999999999, total_iters=10), torch.CosineAnnealingLR(T_max=90), torch.MultiStepLR(milestones=[0], gamma=0.0)], milestones=[10, 100])
            constant(0.1)                          | hf    | hf.get_constant_schedule(lr=0.1)
            warmup(100, constant(0.1))             | hf    | hf.get_constant_schedule_with_warmup(lr=0.1, num_warmup_steps=100)
            warmup(10, linear(0.1, 0, steps=90))   | hf    | hf.get_linear_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100)
            warmup(10, cosine(0.1, steps=90))      | hf    | hf.get_cosine_with_hard_restarts_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100)
            cosine(0.1, steps=100, floor=0.01)     | hf    | hf.get_wsd_schedule(lr=0.1, num_warmup_steps=0, num_decay_steps=100, num_stable_steps=0, min_lr_ratio=0.09999999999999999)
            polynomial(0.1, end=0.01, steps=100, power=2) | hf | hf.get_polynomial_decay_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=100, lr_end=0.01, power=2.0)
            warmup(100, inverse_time(0.1, k=0.01, power=0.5)) | hf | hf.get_inverse_sqrt_schedule(lr=0.1, num_warmup_steps=100)
            inverse_sqrt(0.1)                      | hf    | hf.get_inverse_sqrt_schedule(lr=0.1, num_warmup_steps=0, timescale=1)
            wsd(0.1, warmup=10, stable=80, decay=10, shape=sqrt) | hf | hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=10, num_stable_steps=80, decay_type='1-sqrt')
            constant(0.1)                          | optax | optax.constant_schedule(value=0.1)
            linear(0, 0.1, steps=100)              | optax | optax.linear_schedule(init_value=0.0, end_value=0.1, transition_steps=100)
            polynomial(0.1, end=0.01, steps=100, power=2) | optax | optax.polynomial_schedule(init_value=0.1, end_value=0.01, power=2.0, transition_steps=100)
            exponential(0.1, gamma=0.99)           | optax | optax.exponential_decay(init_value=0.1, transition_steps=1, decay_rate=0.99)
            exponential(0.1, half_life=100)        | optax | optax.exponential_decay(init_value=0.1, transition_steps=100, decay_rate=0.5)
            step(0.1, every=30, gamma=0.5)         | optax | optax.exponential_decay(init_value=0.1, transition_steps=30, decay_rate=0.5, staircase=True)
            multistep(0.1, at=[10, 20, 20])        | optax | optax.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={10: 0.1, 20: 0.010000000000000002})
            cosine(0.1, steps=100, floor=0.01)     | optax | optax.cosine_decay_schedule(init_value=0.1, decay_steps=100, alpha=0.09999999999999999)
            warmup(10, cosine(0.1, steps=90))      | optax | optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=0.1, warmup_steps=10, decay_steps=100)
            cosine(0.1, steps=100) then constant(0.01) | optax | optax.join_schedules(schedules=[optax.cosine_decay_schedule(init_value=0.1, decay_steps=100), optax.constant_schedule(value=0.01)], boundaries=[100])
            wsd(0.1, warmup=10, stable=80, decay=10) | optax | optax.join_schedules(schedules=[optax.linear_schedule(init_value=0.0, end_value=0.1, transition_steps=10), optax.linear_schedule(init_value=0.1, end_value=0.1, transition_steps=80), optax.linear_schedule(init_value=0.1, end_value=0.0, transition_steps=10)], boundaries=[10, 90])
            constant(0.1)                          | keras | keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=1, decay_rate=1.0)
            exponential(0.1, gamma=0.99)           | keras | keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=1, decay_rate=0.99)
            step(0.1, every=30, gamma=0.5)         | keras | keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=30, decay_rate=0.5, staircase=True)
            multistep(0.1, at=[10, 20, 20])        | keras | keras.PiecewiseConstantDecay(boundaries=[9, 19], values=[0.1, 0.010000000000000002, 1.0000000000000003E-4])
            inverse_time(0.1, k=0.01)              | keras | keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=1, decay_rate=0.01)
            linear(0.1, 0.01, steps=100)           | keras | keras.PolynomialDecay(initial_learning_rate=0.1, decay_steps=100, end_learning_rate=0.01)
            polynomial(0.1, end=0.01, steps=100, power=2) | keras | keras.PolynomialDecay(initial_learning_rate=0.1, decay_steps=100, end_learning_rate=0.01, power=2.0)
            cosine(0.1, steps=100, floor=0.01)     | keras | keras.CosineDecay(initial_learning_rate=0.1, decay_steps=100, alpha=0.09999999999999999)
            warmup(10, cosine(0.1, steps=90))      | keras | keras.CosineDecay(initial_learning_rate=0.0, decay_steps=90, warmup_target=0.1, warmup_steps=10)
            sgdr(0.1, period=10, mult=1, floor=0.01) | keras | keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=10, t_mul=1.0, alpha=0.09999999999999999)
            """)
    void fromNative_supportedShape_isWrittenInTheDialect(String source, String to, String expected) {
        assertThat(converted(source, Target.of(to))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            constant(0.1)
            step(0.1, every=30, gamma=0.5)
            multistep(0.1, at=[10, 20])
            exponential(0.1, gamma=0.99)
            linear(0.1, 0.01, steps=100)
            polynomial(0.1, steps=100, power=2)
            cosine(0.1, steps=100, floor=0.01)
            warmup(10, cosine(0.1, steps=90))
            sgdr(0.1, period=10, mult=2)
            cyclic(0.001, 0.1, up=10)
            onecycle(0.1, steps=100)
            wsd(0.1, warmup=10, stable=80, decay=10)
            inverse_sqrt(0.1)
            linear(0.05, 0.1, steps=10) then exponential(0.1, gamma=0.9)
            """)
    void roundTrip_toEachDialectAndBack_keepsTheValues(String source) {
        int converted = 0;
        for (Target to : Target.all().stream().filter(t -> t != Target.NATIVE).toList()) {
            if (!(Convert.convert(Spec.parse(source), to) instanceof Conversion.Converted there)) continue;
            converted++;
            String back = converted(there.message(), Target.NATIVE);
            Schedule original = Spec.parse(source), returned = Spec.parse(back);
            for (long step = 0; step <= 3000; step++) {
                assertThat(Check.agree(original.at(step), returned.at(step), 1)).as("%s via %s: %s at %d", source, to.spec(), back, step).isTrue();
            }
        }
        assertThat(converted).as("%s converts to some dialect", source).isPositive();
    }

    // ---- dialect to dialect, through native ------------------------------------------------------------------

    @ParameterizedTest(name = "{0} --to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            torch.StepLR(lr=0.1, step_size=30, gamma=0.5)  | keras | keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=30, decay_rate=0.5, staircase=True)
            keras.CosineDecay(initial_learning_rate=0.0, decay_steps=90, warmup_target=0.1, warmup_steps=10) | optax | optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=0.1, warmup_steps=10, decay_steps=100)
            optax.join_schedules(schedules=[optax.constant_schedule(0.1), optax.cosine_decay_schedule(init_value=0.1, decay_steps=90)], boundaries=[10]) | torch | torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=1.0, total_iters=10), torch.CosineAnnealingLR(T_max=90), torch.MultiStepLR(milestones=[0], gamma=0.0)], milestones=[10, 100])
            hf.get_wsd_schedule(lr=0.001, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70) | optax | optax.join_schedules(schedules=[optax.linear_schedule(init_value=0.0, end_value=0.001, transition_steps=10), optax.linear_schedule(init_value=0.001, end_value=0.001, transition_steps=70), optax.cosine_decay_schedule(init_value=0.001, decay_steps=20)], boundaries=[10, 80])
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2) | keras | keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=10)
            torch.StepLR(lr=0.1, step_size=30)             | torch | torch.StepLR(lr=0.1, step_size=30)
            """)
    void dialectToDialect_goesThroughNative(String source, String to, String expected) {
        assertThat(converted(source, Target.of(to))).isEqualTo(expected);
    }

    // ---- impossible conversions ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} --to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cyclic(0.001, 0.1, up=10)                | keras | keras has no cyclical schedule
            cyclic(0.001, 0.1, up=10)                | optax | optax has no cyclical schedule
            inverse_sqrt(0.1)                        | torch | torch has no inverse square-root decay
            step(0.1, every=30)                      | hf    | hf has no step decay
            warmup(10, cosine(0.1, steps=90))        | torch | torch.LinearLR cannot start at 0.0: start_factor must be in (0, 1], so torch has no linear ramp from 0
            sgdr(0.1, period=10)                     | optax | optax.sgdr_schedule runs a fixed list of cycles and then holds; sgdr(0.1, period=10) restarts forever
            polynomial(0.1, end=0.01, steps=10)      | torch | torch.PolynomialLR decays to 0, not to end (0.01)
            linear(0.1, 0.1, steps=10) then exponential(0.1, gamma=0.9) | keras | keras has no way to join schedules (no join_schedules, no SequentialLR); its one composition is CosineDecay's linear warmup into a cosine
            inverse_sqrt(0.1)                        | keras | keras.InverseTimeDecay has power 1; an inverse square root has power 0.5
            torch.CosineAnnealingLR(lr=0.1, T_max=100) | keras | torch.CosineAnnealingLR(lr=0.1, T_max=100) has no native form (the way to keras): past T_max PyTorch's lr climbs back to lr and keeps oscillating with period 2·T_max, and no native family rises again after a cosine; cosine(lr, steps=T_max, floor=eta_min) agrees only up to step T_max
            """)
    void impossible_saysPreciselyWhy(String source, String to, String message) {
        Conversion c = Convert.convert(Spec.parse(source), Target.of(to));
        assertThat(c).isInstanceOf(Conversion.Impossible.class);
        assertThat(c.message()).isEqualTo(message);
    }

    @Test
    void mismatch_reportsTheFirstDifferingStepInsteadOfAWrongSpec() {
        // optax's onecycle peaks at step int(pct_start·T) = 30, PyTorch's one step earlier: they part at step 1.
        Conversion c = Convert.convert(Spec.parse("onecycle(0.1, steps=100)"), Target.of("optax"));
        assertThat(c).isInstanceOf(Conversion.Mismatch.class);
        Check.Difference d = ((Conversion.Mismatch) c).check().difference().orElseThrow();
        assertThat(d.step()).isEqualTo(1);
        assertThat(c.message()).startsWith("no equivalent: the closest candidate, optax.cosine_onecycle_schedule(transition_steps=100, peak_value=0.1), "
                + "differs: at step 1 the source gives 0.004281378056590748 but the candidate gives 0.004262949022322882");
    }

    @Test
    void native_toNative_isItself() {
        assertThat(converted("warmup(10, cosine(0.1, steps=90)) then constant(0.001)", Target.NATIVE))
                .isEqualTo("warmup(10, cosine(0.1, steps=90)) then constant(0.001)");
    }

    @Test
    void composition_withADialectInside_convertsTheDialectPart() {
        assertThat(converted("0.5 * torch.StepLR(lr=0.1, step_size=10)", Target.NATIVE)).isEqualTo("0.5 * step(0.1, every=10)");
    }
}
