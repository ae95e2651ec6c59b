package dev.anneal.dialect.torch;

import dev.anneal.dialect.torch.TorchTables.Case;
import dev.anneal.dialect.torch.TorchTables.Rejected;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.anneal.dialect.torch.TorchTables.agrees;
import static dev.anneal.dialect.torch.TorchTables.mismatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Every step of every case of the tables PyTorch 1.13 wrote: anneal's values agree to 1e-9 relative. */
class TorchReferenceTest {

    static List<Case> cases() {
        return TorchTables.cases();
    }

    static List<Case> openLoop() {
        return cases().stream().filter(c -> c.metrics() == null).toList();
    }

    static List<Case> compound() {
        return cases().stream().filter(c -> c.spec().startsWith("torch.SequentialLR") || c.spec().startsWith("torch.ChainedScheduler")).toList();
    }

    static List<Case> withMomentum() {
        return cases().stream().filter(c -> c.momentum() != null).toList();
    }

    static List<Case> closedLoop() {
        return cases().stream().filter(c -> c.metrics() != null).toList();
    }

    static List<Case> raising() {
        return cases().stream().filter(c -> c.raisesAt() >= 0).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openLoop")
    void lr_agreesWithPyTorch_atEveryStep(Case c) {
        Schedule s = Spec.parse(c.spec());
        for (int i = 0; i < c.steps().length; i++) {
            long k = c.steps()[i];
            double actual = s.at(k);
            if (!agrees(c.lr()[i], actual)) fail(mismatch(c, "lr", k, c.lr()[i], actual));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withMomentum")
    void momentum_agreesWithPyTorch_atEveryStep(Case c) {
        Schedule momentum = ((Framework) Spec.parse(c.spec())).companions().get("momentum");
        assertThat(momentum).as("momentum companion of " + c.spec()).isNotNull();
        for (int i = 0; i < c.steps().length; i++) {
            long k = c.steps()[i];
            double actual = momentum.at(k);
            if (!agrees(c.momentum()[i], actual)) fail(mismatch(c, "momentum", k, c.momentum()[i], actual));
        }
    }

    /** SequentialLR and ChainedScheduler compute most values in closed form; the step-by-step replay must agree too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("compound")
    void replay_agreesWithPyTorch_atEveryStep(Case c) {
        Schedule s = Spec.parse(c.spec());
        for (int i = 0; i < c.steps().length; i++) {
            long k = c.steps()[i];
            double actual = s instanceof SequentialLR q ? q.replayAt(k) : ((ChainedScheduler) s).replayAt(k);
            if (!agrees(c.lr()[i], actual)) fail(mismatch(c, "replayed lr", k, c.lr()[i], actual));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedLoop")
    void plateau_agreesWithPyTorch_afterEveryMetric(Case c) {
        ReduceLROnPlateau s = (ReduceLROnPlateau) Spec.parse(c.spec());
        double[] metrics = Arrays.copyOfRange(c.metrics(), 1, c.metrics().length);
        double[] values = s.trace(metrics);
        assertThat(values).hasSize(c.lr().length);
        for (int k = 0; k < values.length; k++) {
            if (!agrees(c.lr()[k], values[k])) fail(mismatch(c, "lr", k, c.lr()[k], values[k]));
        }
    }

    /** Where PyTorch raises (OneCycleLR past total_steps, a division by 0), at() throws and names the step. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("raising")
    void raises_whereverPyTorchRaises(Case c) {
        Schedule s = Spec.parse(c.spec());
        assertThatThrownBy(() -> s.at(c.raisesAt())).as(c.spec() + " at step " + c.raisesAt() + " (PyTorch: " + c.raised() + ")")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step " + c.raisesAt());
        assertThat(c.steps()[c.steps().length - 1]).isEqualTo(c.raisesAt() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.anneal.dialect.torch.TorchTables#rejected")
    void rejected_whatPyTorchRejects(Rejected r) {
        assertThatThrownBy(() -> Spec.parse(r.spec())).as(r.spec() + " (PyTorch, at " + r.where() + ": " + r.message() + ")")
                .isInstanceOf(SpecException.class);
    }

    @Test
    void tables_coverEveryScheduler_withSeveralCases() {
        Map<String, Long> perFile = cases().stream().collect(Collectors.groupingBy(Case::file, Collectors.counting()));
        List<String> names = Torch.families().stream().map(f -> f.name().substring("torch.".length()) + ".tsv").toList();
        assertThat(perFile.keySet()).containsExactlyInAnyOrderElementsOf(names);
        perFile.forEach((file, n) -> assertThat(n).as(file).isGreaterThanOrEqualTo(4));
        for (Case c : cases()) assertThat(c.spec()).as(c.file()).startsWith("torch." + c.file().replace(".tsv", "("));
    }

    /** The tolerance needs no absolute floor because no reference value is subnormal (see TorchTables.agrees). */
    @Test
    void tables_holdNoSubnormalValues() {
        for (Case c : cases()) {
            for (double[] column : new double[][] {c.lr(), c.momentum()}) {
                if (column == null) continue;
                for (double v : column) assertThat(v == 0 || Math.abs(v) >= Double.MIN_NORMAL).as(c.spec() + ": " + v).isTrue();
            }
        }
    }
}
