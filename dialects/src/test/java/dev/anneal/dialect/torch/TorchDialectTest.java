package dev.anneal.dialect.torch;

import dev.anneal.control.Plateau;

import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;
import dev.anneal.spec.Family;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** The torch dialect's names, checks, messages, printing and native equivalents. */
class TorchDialectTest {

    /** Every spec of the reference tables, plus each family's example. */
    static Stream<String> specs() {
        return Stream.concat(TorchTables.cases().stream().map(TorchTables.Case::spec),
                Torch.families().stream().map(Family::example)).distinct();
    }

    // ---- the registry ------------------------------------------------------------------------------------------

    @Test
    void families_areEverySchedulerButLambdaLRAndMultiplicativeLR() {
        assertThat(Torch.families().stream().map(Family::name)).containsExactly("torch.StepLR", "torch.MultiStepLR",
                "torch.ConstantLR", "torch.LinearLR", "torch.ExponentialLR", "torch.PolynomialLR", "torch.CosineAnnealingLR",
                "torch.CosineAnnealingWarmRestarts", "torch.CyclicLR", "torch.OneCycleLR", "torch.SequentialLR",
                "torch.ChainedScheduler", "torch.ReduceLROnPlateau");
    }

    @Test
    void lambdaLR_isUnknown_andTheMessageListsTheTorchNames() {
        assertThat(reason("torch.LambdaLR(lr=0.1)")).startsWith("unknown schedule 'torch.LambdaLR'");
        assertThat(reason("torch.StepLr(lr=0.1, step_size=3)")).contains("did you mean 'torch.StepLR'?");
    }

    // ---- printing and parsing -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void print_parsesBackToAnEqualRecord(String text) {
        Schedule s = Spec.parse(text);
        String printed = Spec.print(s);
        assertThat(Spec.parse(printed)).as(printed).isEqualTo(s);
        assertThat(Spec.print(Spec.parse(printed))).isEqualTo(printed);
        assertThat(s.toString()).isEqualTo(printed).isEqualTo(((Framework) s).spec());
        assertThat(printed).startsWith("torch.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.StepLR(lr=0.1, step_size=30, gamma=0.1)                        | torch.StepLR(lr=0.1, step_size=30)
            torch.StepLR(0.1, 30, 0.5)                                           | torch.StepLR(lr=0.1, step_size=30, gamma=0.5)
            torch.MultiStepLR(lr=1, milestones=[80, 30])                         | torch.MultiStepLR(lr=1.0, milestones=[80, 30])
            torch.ConstantLR(lr=0.05, factor=0.5, total_iters=5)                 | torch.ConstantLR(lr=0.05, factor=0.5)
            torch.LinearLR(lr=0.1, start_factor=0.1, end_factor=1, total_iters=10) | torch.LinearLR(lr=0.1, start_factor=0.1, total_iters=10)
            torch.CosineAnnealingLR(lr=0.1, T_max=100, eta_min=0)                | torch.CosineAnnealingLR(lr=0.1, T_max=100)
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2)          | torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2)
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, step_size_down=None, mode=triangular2) | torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10.0, mode='triangular2')
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, step_size_down=10) | torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10.0)
            torch.OneCycleLR(max_lr=0.1, epochs=4, steps_per_epoch=25, pct_start=1) | torch.OneCycleLR(max_lr=0.1, total_steps=100, pct_start=1.0)
            torch.OneCycleLR(max_lr=0.1, total_steps=100, epochs=None, anneal_strategy='linear', three_phase=true) | torch.OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='linear', three_phase=True)
            torch.ReduceLROnPlateau(lr=0.1, mode=max, patience=10, threshold_mode='abs') | torch.ReduceLROnPlateau(lr=0.1, mode='max', threshold_mode='abs')
            torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)], milestones=[10]) | torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)], milestones=[10])
            """)
    void print_isCanonicalPython(String text, String canonical) {
        assertThat(Spec.print(Spec.parse(text))).isEqualTo(canonical);
    }

    @Test
    void items_ofAList_carryTheOptimizersLr_andPrintWithoutIt() {
        SequentialLR s = (SequentialLR) Spec.parse("torch.SequentialLR(lr=0.5, schedulers=[torch.ExponentialLR(gamma=0.9), "
                + "torch.StepLR(step_size=2)], milestones=[3])");
        assertThat(s.schedulers()).containsExactly(new ExponentialLR(0.5, 0.9), new StepLR(0.5, 2, 0.1));
        assertThat(s.schedulers().get(0).item()).isEqualTo("torch.ExponentialLR(gamma=0.9)");
        // A record built in Java with another lr on an item is canonicalised to the optimizer's.
        assertThat(new SequentialLR(0.5, List.of(new ExponentialLR(7, 0.9), new StepLR(0.5, 2, 0.1)), List.of(3L))).isEqualTo(s);
    }

    // ---- checks and messages ------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.StepLR(lr=0.1, step_size=0)                                  | step_size (0) must be > 0
            torch.StepLR(lr=0.1, step_size=2.5)                                | step_size (2.5) must be a whole number
            torch.StepLR(lr=-0.1, step_size=3)                                 | lr (-0.1) must be >= 0 and finite
            torch.StepLR(lr=0.1, step_size=3, gamma=-1)                        | gamma (-1) must be >= 0 and finite
            torch.MultiStepLR(lr=0.1, milestones=[3, -1])                      | milestones[1] (-1) must be >= 0
            torch.ConstantLR(lr=0.1, factor=1.5)                               | factor (1.5) must be in [0, 1]
            torch.ConstantLR(lr=0.1, factor=-0.1)                              | factor (-0.1) must be in [0, 1]
            torch.ConstantLR(lr=0.1, total_iters=-1)                           | total_iters (-1) must be >= 0
            torch.LinearLR(lr=0.1, start_factor=1.5)                           | start_factor (1.5) must be in (0, 1]
            torch.LinearLR(lr=0.1, start_factor=0.0)                           | start_factor (0) must be in (0, 1]
            torch.LinearLR(lr=0.1, end_factor=1.5)                             | end_factor (1.5) must be in [0, 1]
            torch.ExponentialLR(lr=0.1)                                        | torch.ExponentialLR is missing gamma: torch.ExponentialLR([lr], gamma)
            torch.PolynomialLR(lr=0.1, power=-1)                               | power (-1) must be >= 0 and finite
            torch.CosineAnnealingLR(lr=0.1, T_max=0)                           | T_max (0) must be > 0
            torch.CosineAnnealingLR(lr=0.1, T_max=10, eta_min=-0.1)            | eta_min (-0.1) must be >= 0 and finite
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=0)                   | T_0 (0) must be > 0
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=0)        | T_mult (0) must be >= 1
            torch.CyclicLR(base_lr=0.01, max_lr=0.1, mode='sawtooth')          | mode (sawtooth) must be one of triangular, triangular2, exp_range
            torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=0)           | step_size_up (0) must be > 0 and finite
            torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_down=-1)        | step_size_down (-1) must be >= 0 and finite
            torch.CyclicLR(base_lr=0.01, max_lr=0.1, scale_mode='epochs')      | scale_mode (epochs) must be one of cycle, iterations
            torch.CyclicLR(base_lr=0.01, max_lr=0.1, gamma=0)                  | gamma (0) must be > 0 and finite
            torch.OneCycleLR(max_lr=0.1)                                       | torch.OneCycleLR needs total_steps, or epochs and steps_per_epoch (PyTorch: You must define either total_steps OR (epochs AND steps_per_epoch))
            torch.OneCycleLR(max_lr=0.1, total_steps=0)                        | total_steps (0) must be > 0
            torch.OneCycleLR(max_lr=0.1, total_steps=100, pct_start=1.5)       | pct_start (1.5) must be in [0, 1]
            torch.OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='exp') | anneal_strategy (exp) must be one of cos, linear
            torch.OneCycleLR(max_lr=0.1, epochs=0, steps_per_epoch=10)         | epochs (0) must be > 0
            torch.OneCycleLR(max_lr=0.1, epochs=3, steps_per_epoch=-1)         | steps_per_epoch (-1) must be > 0
            torch.OneCycleLR(max_lr=0.1, epochs=3)                             | torch.OneCycleLR needs steps_per_epoch with epochs, or total_steps instead
            torch.OneCycleLR(max_lr=0.1, total_steps=30, epochs=3)             | epochs (3) cannot be given with total_steps: give total_steps, or epochs and steps_per_epoch (PyTorch would ignore epochs)
            torch.OneCycleLR(max_lr=0.1, total_steps=100, div_factor=0.0)      | div_factor (0) must be > 0 and finite
            torch.OneCycleLR(max_lr=0.1, total_steps=10, pct_start=0.1)        | pct_start (0.1) makes the first phase 0 steps long (pct_start·total_steps = 1, total_steps 10): PyTorch divides by its length at step 0 (ZeroDivisionError)
            torch.OneCycleLR(lr=0.1, max_lr=0.1, total_steps=10)               | torch.OneCycleLR has no parameter 'lr'
            torch.CyclicLR(lr=0.1, base_lr=0.01, max_lr=0.1)                   | torch.CyclicLR has no parameter 'lr'
            torch.StepLR(step_size=30)                                         | torch.StepLR is missing lr (the optimizer's initial lr, written first): torch.StepLR(lr=0.1, step_size=30, gamma=0.1)
            torch.ReduceLROnPlateau(lr=0.1, factor=1.0)                        | factor (1) must be in [0, 1)
            torch.ReduceLROnPlateau(lr=0.1, mode='median')                     | mode (median) must be one of min, max
            torch.ReduceLROnPlateau(lr=0.1, threshold_mode='pct')              | threshold_mode (pct) must be one of rel, abs
            torch.ReduceLROnPlateau(lr=0.1, patience=-1)                       | patience (-1) must be >= 0
            torch.ReduceLROnPlateau(lr=0.1, cooldown=-2)                       | cooldown (-2) must be >= 0
            torch.ReduceLROnPlateau(lr=0.1, min_lr=-1)                         | min_lr (-1) must be >= 0 and finite
            torch.ReduceLROnPlateau(lr=0.1, eps=-1)                            | eps (-1) must be >= 0 and finite
            torch.ReduceLROnPlateau(lr=0.1, threshold=-1)                      | threshold (-1) must be >= 0 and finite
            torch.ReduceLROnPlateau(mode='min')                                | torch.ReduceLROnPlateau is missing lr
            torch.ChainedScheduler(lr=0.1, schedulers=[])                      | schedulers ([]) must name at least one scheduler
            torch.ChainedScheduler(lr=0.1, schedulers=torch.StepLR(step_size=3)) | schedulers expects a list of torch schedulers such as [torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)], found the schedule torch.StepLR(…)
            torch.ChainedScheduler(lr=0.1, schedulers=[3])                     | schedulers[0] expects a torch scheduler such as torch.StepLR(step_size=30), found the number 3
            torch.ChainedScheduler(lr=0.1, schedulers=[cosine(0.1, steps=10)])   | schedulers[0] (cosine) is not a torch scheduler: the items of torch.ChainedScheduler are torch.StepLR(…), torch.LinearLR(…), …
            torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=2), torch.ExponentialLR(gamma=0.9)], milestones=[]) | milestones ([]) must have one item fewer than schedulers: Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers 2 and the number of milestones to be equal to 0
            torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=2), torch.StepLR(step_size=3), torch.StepLR(step_size=4)], milestones=[10, 5]) | milestones ([10, 5]) must be in non-decreasing order
            torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(lr=0.1), torch.StepLR(step_size=3)], milestones=[5]) | schedulers[0] (torch.LinearLR) takes no lr: the items of torch.SequentialLR act on its optimizer, whose lr= is given once, before the list
            torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=3), torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=3)], milestones=[])], milestones=[5]) | schedulers[1] (torch.SequentialLR) cannot be an item of torch.SequentialLR
            torch.ChainedScheduler(lr=0.1, schedulers=[torch.ReduceLROnPlateau(lr=0.1)]) | schedulers[0] (torch.ReduceLROnPlateau) cannot be an item of torch.ChainedScheduler: its step() needs a metric
            torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=0), torch.StepLR(step_size=3)], milestones=[5]) | step_size (0) must be > 0
            torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step=3)], milestones=[]) | torch.StepLR has no parameter 'step'
            """)
    void invalid_isRejected_withNameValueAndRule(String text, String expected) {
        assertThat(reason(text)).startsWith(expected);
    }

    @Test
    void unknownArgument_listsTheAcceptedNames() {
        assertThat(reason("torch.StepLR(lr=0.1, step_size=30, decay=0.5)"))
                .isEqualTo("torch.StepLR has no parameter 'decay'; its parameters: torch.StepLR([lr], step_size, gamma=0.1)");
        assertThat(reason("torch.OneCycleLR(max_lr=0.1, total_step=100)")).contains("(did you mean 'total_steps'?)")
                .contains("torch.OneCycleLR(max_lr, [total_steps], [epochs], [steps_per_epoch], pct_start=0.3");
    }

    @Test
    void errors_pointAtTheOffendingArgument_evenInsideAList() {
        String text = "torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=0), torch.StepLR(step_size=3)], milestones=[5])";
        SpecException e = error(text);
        assertThat(text.substring(e.column() - 1)).startsWith("0), torch.StepLR(step_size=3)");
        String top = "torch.StepLR(lr=0.1, step_size=0)";
        assertThat(top.substring(error(top).column() - 1)).startsWith("step_size=0");
    }

    // ---- quirks that raise -------------------------------------------------------------------------------------

    @Test
    void oneCycle_pastTotalSteps_isAnErrorNamingTheStep() {
        Schedule s = Spec.parse("torch.OneCycleLR(max_lr=0.1, total_steps=100)");
        assertThat(s.at(100)).isEqualTo(s.at(100)); // step total_steps is still allowed (it extrapolates)
        assertThat(s.duration()).isEqualTo(OptionalLong.of(100));
        assertThatThrownBy(() -> s.at(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("torch.OneCycleLR(max_lr=0.1, total_steps=100): step 101 is past total_steps (100): PyTorch raises "
                        + "ValueError: Tried to step 102 times. The specified number of total steps is 100");
        assertThatThrownBy(() -> s.at(1_000_000)).hasMessageContaining("step 1000000 is past total_steps (100)");
        Schedule momentum = ((Framework) s).companions().get("momentum");
        assertThatThrownBy(() -> momentum.at(101)).hasMessageContaining("step 101 is past total_steps (100)");
    }

    @Test
    void oneCycle_pastTotalSteps_insideSequentialLR_namesBothSteps() {
        Schedule s = Spec.parse("torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=2), "
                + "torch.OneCycleLR(max_lr=1.0, total_steps=10)], milestones=[5])");
        s.at(15);
        assertThatThrownBy(() -> s.at(16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 16 is step 11 of schedulers[1]").hasMessageContaining("is past total_steps (10)");
    }

    @Test
    void constantLR_factorZero_raisesAtTotalIters() {
        Schedule s = Spec.parse("torch.ConstantLR(lr=0.1, factor=0.0, total_iters=3)");
        assertThat(s.at(2)).isZero();
        assertThatThrownBy(() -> s.at(3)).hasMessageContaining("step 3 divides the lr by factor (0) at total_iters");
        assertThatThrownBy(() -> s.at(4)).hasMessageContaining("step 4 is never reached: step 3 divides");
    }

    @Test
    void plateau_isItsControllerOverAConstantBase() {
        ReduceLROnPlateau s = (ReduceLROnPlateau) Spec.parse("torch.ReduceLROnPlateau(lr=0.1, patience=2)");
        assertThat(s.at(0)).isEqualTo(0.1);
        assertThat(s.at(3)).isEqualTo(0.1);
        assertThat(s.at(Long.MAX_VALUE)).isEqualTo(0.1);
        assertThat(s.controller()).isEqualTo(Plateau.defaults().withPatience(2));
        assertThat(s.trace(1, 1, 1, 1)).containsExactly(0.1, 0.1, 0.1, 0.1, 0.010000000000000002);
        assertThat(s.trace()).containsExactly(0.1);
    }

    @Test
    void replay_beyondItsLimit_isAClearError() {
        Schedule s = Spec.parse("torch.ChainedScheduler(lr=0.1, schedulers=[torch.CosineAnnealingWarmRestarts(T_0=5), "
                + "torch.ExponentialLR(gamma=0.9)])");
        assertThatThrownBy(() -> s.at(10_000_000_000L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 10000000000 is beyond the 10000000 steps Anneal replays");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedForms")
    void closedForms_areFiniteAtGiantSteps(String text) {
        Schedule s = Spec.parse(text);
        // Not Long.MAX_VALUE: the native sgdr that CosineAnnealingWarmRestarts delegates to loops forever there.
        for (long k : new long[] {1L << 40, 10_000_000_000L, 1L << 62}) assertThat(s.at(k)).as(text + " at " + k).isFinite();
    }

    static Stream<String> closedForms() {
        return Stream.of("torch.StepLR(lr=0.1, step_size=30)", "torch.MultiStepLR(lr=0.1, milestones=[3])",
                "torch.ConstantLR(lr=0.1)", "torch.LinearLR(lr=0.1)", "torch.ExponentialLR(lr=0.1, gamma=0.9)",
                "torch.PolynomialLR(lr=0.1)", "torch.CosineAnnealingLR(lr=0.1, T_max=100, eta_min=0.001)",
                "torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2)", "torch.CyclicLR(base_lr=0.01, max_lr=0.1)",
                "torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)], milestones=[10])",
                "torch.ChainedScheduler(lr=0.1, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2), torch.ExponentialLR(gamma=0.9)])");
    }

    // ---- the closed forms against PyTorch's recursion, far past the tables ------------------------------------

    /**
     * The closed forms against {@link Replay}, a step-by-step port of lr_scheduler.py that the tables validate:
     * spans much longer than the tables', 1e-9 relative at every step.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            torch.StepLR(lr=0.1, step_size=7, gamma=0.9)                                   | 5000
            torch.MultiStepLR(lr=0.1, milestones=[300, 10, 300, 2000], gamma=0.7)          | 3000
            torch.ConstantLR(lr=0.1, factor=0.3, total_iters=1000)                         | 3000
            torch.LinearLR(lr=0.1, start_factor=0.01, total_iters=4000)                    | 5000
            torch.LinearLR(lr=0.1, start_factor=0.7, end_factor=0.0, total_iters=3000)     | 4000
            torch.ExponentialLR(lr=0.1, gamma=0.9995)                                      | 20000
            torch.PolynomialLR(lr=0.1, total_iters=4000, power=3.0)                        | 5000
            torch.CosineAnnealingLR(lr=0.1, T_max=3000)                                    | 15000
            torch.CosineAnnealingLR(lr=0.1, T_max=777, eta_min=0.003)                      | 6000
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=50, T_mult=3, eta_min=0.001)      | 10000
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=333, step_size_down=100, mode='triangular2') | 8000
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=50, mode='exp_range', gamma=0.9995) | 8000
            torch.OneCycleLR(max_lr=0.1, total_steps=5000, three_phase=True)               | 5000
            """)
    void closedForm_agreesWithPyTorchsRecursion_overLongSpans(String text, int steps) {
        LrScheduler s = (LrScheduler) Spec.parse(text);
        double[] replayed = Replay.standalone(s, steps, false);
        for (int k = 0; k <= steps; k++) {
            if (!TorchTables.agrees(replayed[k], s.at(k))) fail(text + " at " + k + ": recursion " + replayed[k] + ", closed form " + s.at(k));
        }
    }

    /** SequentialLR and ChainedScheduler: closed form against the replay, for every pair of items. */
    @Test
    void compounds_agreeWithTheReplay_forEveryPairOfItems() {
        List<String> items = List.of("torch.StepLR(step_size=3, gamma=0.5)", "torch.MultiStepLR(milestones=[0, 4, 4, 9])",
                "torch.ConstantLR(factor=0.25, total_iters=4)", "torch.ConstantLR(factor=0.5, total_iters=0)",
                "torch.LinearLR(start_factor=0.2, end_factor=0.0, total_iters=6)", "torch.ExponentialLR(gamma=0.8)",
                "torch.PolynomialLR(total_iters=7, power=2.0)", "torch.CosineAnnealingLR(T_max=6)",
                "torch.CosineAnnealingLR(T_max=5, eta_min=0.02)", "torch.CosineAnnealingWarmRestarts(T_0=4, T_mult=2, eta_min=0.01)",
                "torch.CyclicLR(base_lr=0.01, max_lr=0.2, step_size_up=3, mode='triangular2')",
                "torch.OneCycleLR(max_lr=0.3, total_steps=60, three_phase=True)");
        int compared = 0;
        for (String a : items) {
            for (String b : items) {
                for (String text : new String[] {
                        "torch.SequentialLR(lr=0.1, schedulers=[" + a + ", " + b + "], milestones=[7])",
                        "torch.SequentialLR(lr=0.1, schedulers=[" + a + ", " + b + ", " + a + "], milestones=[5, 13])",
                        "torch.ChainedScheduler(lr=0.1, schedulers=[" + a + ", " + b + "])"}) {
                    Schedule s = Spec.parse(text);
                    for (long k = 0; k <= 40; k++) {
                        double closed = s.at(k);
                        double replayed = s instanceof SequentialLR q ? q.replayAt(k) : ((ChainedScheduler) s).replayAt(k);
                        if (!TorchTables.agrees(replayed, closed)) fail(text + " at " + k + ": replay " + replayed + ", anneal " + closed);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(12 * 12 * 3 * 41);
    }

    // ---- native equivalents -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void toNative_whereOffered_agreesOverTheSpan(String text) {
        Framework s = (Framework) Spec.parse(text);
        Optional<Schedule> nativeSchedule = s.toNative();
        if (nativeSchedule.isEmpty()) return;
        Schedule n = nativeSchedule.get();
        assertThat(n).isNotInstanceOf(Framework.class);
        assertThat(Spec.parse(Spec.print(n))).isEqualTo(n); // a native spec, printable and parseable
        long span = s.duration().isPresent() ? s.duration().getAsLong() : 3000;
        for (long k = 0; k <= Math.max(span, 300); k++) {
            double a, b = n.at(k);
            try {
                a = s.at(k);
            } catch (IllegalArgumentException e) {
                break; // past where PyTorch stops (OneCycleLR past total_steps)
            }
            if (!(a == b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)))) {
                fail(text + " at " + k + ": torch " + a + ", native " + n + " " + b);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.StepLR(lr=0.1, step_size=30, gamma=0.5)                     | step(0.1, every=30, gamma=0.5)
            torch.MultiStepLR(lr=0.1, milestones=[80, 30])                    | multistep(0.1, at=[30, 80])
            torch.MultiStepLR(lr=0.1, milestones=[])                          | constant(0.1)
            torch.ConstantLR(lr=0.1, factor=0.5, total_iters=4)               | multistep(0.05, at=[4], gamma=2)
            torch.ConstantLR(lr=0.1, factor=0.5, total_iters=0)               | constant(0.05)
            torch.LinearLR(lr=0.1, start_factor=0.5, total_iters=4)           | linear(0.05, 0.1, steps=4)
            torch.ExponentialLR(lr=0.1, gamma=0.9)                            | exponential(0.1, gamma=0.9)
            torch.PolynomialLR(lr=0.1, total_iters=10, power=2.0)             | polynomial(0.1, steps=10, power=2)
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2)       | sgdr(0.1, period=10, mult=2)
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, mode='triangular2') | cyclic(0.001, 0.1, up=10, mode=triangular2)
            torch.OneCycleLR(max_lr=0.1, total_steps=100)                     | onecycle(0.1, steps=100) then constant(5.074647154757325E-5)
            """)
    void toNative_isTheNativeFamily(String text, String expected) {
        assertThat(((Framework) Spec.parse(text)).toNative()).contains(Spec.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.CosineAnnealingLR(lr=0.1, T_max=100)                                  | past T_max it climbs back; cosine(…) holds
            torch.LinearLR(lr=0.1, start_factor=0.1, end_factor=0.0, total_iters=10)    | PyTorch ends at -2.2e-19, linear(…) at 0
            torch.ConstantLR(lr=0.1, factor=0.0, total_iters=3)                         | PyTorch raises at total_iters
            torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=2.5)                   | fractional step sizes
            torch.CyclicLR(base_lr=0.1, max_lr=0.01, step_size_up=5)                     | base_lr above max_lr
            torch.OneCycleLR(max_lr=0.1, total_steps=20, pct_start=0.0)                  | a first phase that ends before step 0
            torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=2), torch.StepLR(step_size=3)], milestones=[4]) | restarts
            """)
    void toNative_isAbsent_whereNoNativeFamilyIsExact(String text, String why) {
        assertThat(((Framework) Spec.parse(text)).toNative()).as(why).isEmpty();
    }

    @Test
    void oneCycle_native_isOnecycleThenItsStepTotalStepsValue() {
        OneCycleLR s = (OneCycleLR) Spec.parse("torch.OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='linear')");
        Then n = (Then) s.toNative().orElseThrow();
        assertThat(n.next().at(0)).isEqualTo(s.at(100)).isLessThan(s.minLr()); // linear extrapolates below min_lr
    }

    // ---- momentum -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.CyclicLR(base_lr=0.01, max_lr=0.1)                                     | true
            torch.CyclicLR(base_lr=0.01, max_lr=0.1, cycle_momentum=False)               | false
            torch.OneCycleLR(max_lr=0.1, total_steps=10)                                 | true
            torch.OneCycleLR(max_lr=0.1, total_steps=10, cycle_momentum=False)           | false
            torch.StepLR(lr=0.1, step_size=3)                                            | false
            torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=3), torch.CyclicLR(base_lr=0.01, max_lr=0.1)], milestones=[5]) | true
            torch.ChainedScheduler(lr=0.1, schedulers=[torch.StepLR(step_size=3)])       | false
            """)
    void momentum_isACompanion_onlyWhereASchedulerCyclesIt(String text, boolean cycles) {
        assertThat(((Framework) Spec.parse(text)).companions().containsKey("momentum")).isEqualTo(cycles);
    }

    // ---- the examples of the docs -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            torch.StepLR(lr=0.1, step_size=30)                                           | 29  | 0.1
            torch.StepLR(lr=0.1, step_size=30)                                           | 30  | 0.010000000000000002
            torch.MultiStepLR(lr=0.1, milestones=[30, 80])                               | 80  | 0.0010000000000000002
            torch.ConstantLR(lr=0.05, factor=0.5, total_iters=4)                         | 3   | 0.025
            torch.ConstantLR(lr=0.05, factor=0.5, total_iters=4)                         | 4   | 0.05
            torch.LinearLR(lr=0.1, start_factor=0.1, total_iters=10)                     | 0   | 0.010000000000000002
            torch.LinearLR(lr=0.1, start_factor=0.1, total_iters=10)                     | 5   | 0.05500000000000001
            torch.LinearLR(lr=0.1, start_factor=0.1, end_factor=0.0, total_iters=10)     | 10  | -2.220446049250312E-19
            torch.ExponentialLR(lr=1.0, gamma=0.5)                                       | 3   | 0.125
            torch.PolynomialLR(lr=0.001, total_iters=4)                                  | 1   | 0.00075
            torch.CosineAnnealingLR(lr=0.1, T_max=100)                                   | 100 | 0
            torch.CosineAnnealingLR(lr=0.1, T_max=100)                                   | 150 | 0.04999999999999999
            torch.CosineAnnealingLR(lr=0.1, T_max=100)                                   | 200 | 0.1
            torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10)                            | 10  | 0.1
            torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10)                   | 5   | 0.0505
            torch.OneCycleLR(max_lr=0.1, total_steps=100)                                | 0   | 0.004
            torch.OneCycleLR(max_lr=0.1, total_steps=100)                                | 29  | 0.1
            torch.OneCycleLR(max_lr=0.1, total_steps=100)                                | 99  | 0.0000004
            torch.OneCycleLR(max_lr=0.1, total_steps=100)                                | 98  | 0.0000507464715475788
            torch.OneCycleLR(max_lr=0.1, total_steps=100)                                | 100 | 0.0000507464715475788
            torch.SequentialLR(lr=0.1, schedulers=[torch.ExponentialLR(gamma=0.9), torch.ExponentialLR(gamma=0.5)], milestones=[5]) | 4 | 0.06561000000000002
            torch.SequentialLR(lr=0.1, schedulers=[torch.ExponentialLR(gamma=0.9), torch.ExponentialLR(gamma=0.5)], milestones=[5]) | 5 | 0.1
            torch.ChainedScheduler(lr=1.0, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2), torch.ExponentialLR(gamma=0.9)]) | 0 | 0.1
            torch.ChainedScheduler(lr=1.0, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2), torch.ExponentialLR(gamma=0.9)]) | 2 | 0.81
            torch.ChainedScheduler(lr=0.1, schedulers=[torch.CosineAnnealingWarmRestarts(T_0=5), torch.ExponentialLR(gamma=0.9)]) | 7 | 0.0589057647468726
            torch.ChainedScheduler(lr=0.1, schedulers=[torch.CosineAnnealingWarmRestarts(T_0=5), torch.ExponentialLR(gamma=0.9)]) | 5 | 0.09
            """)
    void docExamples_holdTheirNumbers(String text, long step, double expected) {
        double actual = Spec.parse(text).at(step);
        assertThat(TorchTables.agrees(expected, actual)).as(text + " at " + step + ": " + actual).isTrue();
    }

    @Test
    void docExamples_momentum() {
        Framework s = (Framework) Spec.parse("torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10)");
        assertThat(s.companions().get("momentum").at(5)).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.companions().get("momentum").at(10)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-15));
    }

    private static SpecException error(String text) {
        try {
            Spec.parse(text);
        } catch (SpecException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    private static String reason(String text) {
        return error(text).reason();
    }
}
