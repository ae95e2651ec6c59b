package dev.anneal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code anneal convert SPEC --to LANGUAGE}: the converted spec on stdout (exit 0), or why not on stderr (exit 2). */
class ConvertCommandTest {

    @Test
    void convert_torchToNative_printsTheNativeSpec() {
        Cli r = Cli.run("convert", "torch.StepLR(lr=0.1, step_size=30)", "--to", "native");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("step(0.1, every=30)" + System.lineSeparator());
        assertThat(r.err()).isEqualTo("checked: every step 0 … 10000, equal within 1e-12 relative" + System.lineSeparator());
    }

    @Test
    void convert_sourceThatRaisesPastItsEnd_saysWhichStepsWereNotCompared() {
        Cli r = Cli.run("convert", "torch.OneCycleLR(max_lr=0.1, total_steps=100)", "--to", "native");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("onecycle(0.1, steps=100) then constant(5.074647154757325E-5)");
        assertThat(r.err()).isEqualTo("checked: every step 0 … 10000, equal within 1e-12 relative (the source raises from step 101 on; "
                + "those steps are not compared)" + System.lineSeparator());
    }

    @Test
    void convert_nativeToTorch_writesASequentialLRThatHoldsTheFloor() {
        Cli r = Cli.run("convert", "cosine(0.1, steps=100, floor=0.001)", "--to", "torch");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("torch.SequentialLR(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=100, eta_min=0.001), "
                + "torch.MultiStepLR(milestones=[0], gamma=0.01)], milestones=[100])");
    }

    @Test
    void convert_dialectToDialect_goesThroughNative() {
        Cli r = Cli.run("convert", "keras.ExponentialDecay(0.1, 30, 0.5, staircase=True)", "--to", "optax");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("optax.exponential_decay(init_value=0.1, transition_steps=30, decay_rate=0.5, staircase=True)");
    }

    @Test
    void convert_longSchedule_reportsTheSampledCheck() {
        Cli r = Cli.run("convert", "linear(0, 0.1, steps=1000000)", "--to", "optax");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).startsWith("checked: ").contains("over 0 … 2000000 (all around each breakpoint)");
    }

    @Test
    void convert_impossible_exits2WithTheReason() {
        Cli r = Cli.run("convert", "cyclic(0.001, 0.1, up=10)", "--to", "keras");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("anneal convert: keras has no cyclical schedule" + System.lineSeparator());
    }

    @Test
    void convert_noNativeForm_exits2WithTheQuirk() {
        Cli r = Cli.run("convert", "torch.CosineAnnealingLR(lr=0.1, T_max=100)", "--to", "native");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("anneal convert: torch.CosineAnnealingLR(lr=0.1, T_max=100) has no native form: past T_max PyTorch's lr "
                + "climbs back to lr");
    }

    @Test
    void convert_candidateFailsTheCheck_exits2WithTheFirstDifferingStep() {
        Cli r = Cli.run("convert", "onecycle(0.1, steps=100)", "--to", "optax");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("anneal convert: no equivalent: the closest candidate, optax.cosine_onecycle_schedule(")
                .contains("at step 1 the source gives 0.004281378056590748 but the candidate gives 0.004262949022322882");
    }

    @Test
    void convert_unknownTarget_listsTheLanguages() {
        Cli r = Cli.run("convert", "constant(0.1)", "--to", "jax");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).isEqualTo("anneal: --to (jax) must be one of native, torch, hf, optax, keras, timm" + System.lineSeparator());
    }

    @Test
    void convert_withoutTo_isAUsageError() {
        Cli r = Cli.run("convert", "constant(0.1)");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Missing required option: '--to=native|torch|hf|optax|keras|timm'");
    }

    @Test
    void convert_badSpec_showsTheColumn() {
        Cli r = Cli.run("convert", "cosine(0.1, stepz=100)", "--to", "torch");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("anneal: ").contains("stepz").contains("^").doesNotContain("Exception");
    }
}
