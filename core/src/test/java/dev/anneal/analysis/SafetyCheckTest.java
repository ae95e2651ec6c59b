package dev.anneal.analysis;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;
import dev.anneal.optimizer.Roots;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verdict and the report's sections, end to end. */
class SafetyCheckTest {

    @Test
    void unstableCosine_unsafe_andTheAdvisedWarmupIsSafe() {
        SafetyReport r = SafetyCheck.of(Schedule.cosine(0.5, 1000), 1000).lambdaMax(10).run();
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.UNSAFE);
        assertThat(r.value("warmup", "warmup_steps")).contains(565L);
        Schedule fixed = Spec.parse((String) r.value("warmup", "fixed_spec").orElseThrow());
        assertThat(SafetyCheck.of(fixed, 1000).lambdaMax(10).run().verdict().kind()).isEqualTo(Verdict.Kind.SAFE);
    }

    @Test
    void noCurvature_risk() {
        SafetyReport r = SafetyCheck.of(Schedule.cosine(0.1, 100), 100).run();
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.RISK);
        assertThat(r.verdict().line()).contains("no λmax");
        assertThat(r.section("stability")).isEmpty();
    }

    @Test
    void adam_stableUnderFrozenPreconditioner_isStillRisk() {
        SafetyReport r = SafetyCheck.of(Schedule.cosine(0.001, 100), 100).lambdaMax(1000)
                .optimizer(new Dynamics(Method.ADAM, 0.9, 0)).run();
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.RISK);
        assertThat(r.verdict().line()).contains("adam: stability certified only for a frozen preconditioner");
        assertThat(r.section("stability").orElseThrow().notes()).anyMatch(n -> n.startsWith("not certified"));
        SafetyReport w = SafetyCheck.of(Schedule.cosine(0.001, 100), 100).lambdaMax(1000)
                .optimizer(new Dynamics(Method.ADAMW, 0.9, 0)).run();
        assertThat(w.verdict().line()).as("named as the user named it").contains("adamw: stability certified only");
    }

    @Test
    void everyQuantity_hasAFormula() {
        SafetyReport r = SafetyCheck.of(Spec.parse("warmup(100, cosine(0.1, steps=900))"), 1000).lambdaMax(10)
                .optimizer(new Dynamics(Method.MOMENTUM, 0.9, 0)).gradBound(1).distance(100).batch(1024, 256)
                .accumulate(4, true).weightDecay(0.1).run();
        assertThat(r.sections()).extracting(Section::key)
                .containsExactly("sums", "budget", "stability", "warmup", "batch", "weight_decay");
        r.sections().forEach(s -> s.quantities().forEach(q -> assertThat(q.formula()).as(q.key()).isNotBlank()));
        assertThat(r.verdict().risks()).anyMatch(x -> x.contains("premature freezing")).anyMatch(x -> x.contains("K = 4"));
    }

    @Test
    void distanceWithoutGradBound_rejected() {
        assertThatThrownBy(() -> SafetyCheck.of(Schedule.constant(0.1), 10).distance(5).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distance (5) needs a gradient bound");
    }

    @Test
    void badSettings_rejectedWithNameValueRule() {
        assertThatThrownBy(() -> SafetyCheck.of(Schedule.constant(0.1), 0)).hasMessage("steps (0) must be > 0");
        assertThatThrownBy(() -> SafetyCheck.of(Schedule.constant(0.1), 10).lambdaMax(Double.NaN))
                .hasMessage("lambda-max (NaN) must be > 0 and finite");
        assertThatThrownBy(() -> SafetyCheck.of(Schedule.constant(0.1), 10).weightDecay(-1))
                .hasMessage("weight-decay (-1) must be >= 0 and finite");
    }
}
