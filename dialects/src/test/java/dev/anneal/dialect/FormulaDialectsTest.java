package dev.anneal.dialect;

import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every record of the hf., optax., keras. and timm. dialects must do, checked on the cases of their reference tables
 * (reference/DIALECT/*.tsv, written from the frameworks' formulas): agree with the table at every listed step to
 * 1e-9 relative and stay within their range, reject what the framework rejects, print back to an equal record, and
 * have a native form that agrees to 1e-12 where they offer one. (The torch. dialect has its own tables, from PyTorch
 * itself: TorchReferenceTest.)
 */
class FormulaDialectsTest {

    /** The dialects, by the framework the tables come from. */
    private static final Map<String, String> FRAMEWORKS = Map.of("hf", "transformers", "optax", "optax", "keras", "Keras", "timm", "timm");

    private static Stream<DynamicNode> perDialect(Function<String, Stream<? extends DynamicNode>> tests) {
        return FRAMEWORKS.keySet().stream().sorted().map(d -> DynamicContainer.dynamicContainer(d, tests.apply(d)));
    }

    private static Stream<ReferenceTables.Case> cases(String dialect) {
        return ReferenceTables.read(dialect).stream().flatMap(t -> t.cases().stream());
    }

    @TestFactory
    Stream<DynamicNode> reference_everyStepOfEveryCase_agrees() {
        return perDialect(d -> cases(d).map(c -> DynamicTest.dynamicTest(c.spec(), () -> agrees(c))));
    }

    @TestFactory
    Stream<DynamicNode> reference_configurationsTheFrameworkRejects_areRejected() {
        return perDialect(d -> ReferenceTables.read(d).stream().flatMap(t -> t.errors().stream())
                .map(e -> DynamicTest.dynamicTest(e.spec(), () -> assertThatThrownBy(() -> Spec.parse(e.spec()))
                        .as("%s raises %s", FRAMEWORKS.get(d), e.message()).isInstanceOf(SpecException.class))));
    }

    @TestFactory
    Stream<DynamicNode> reference_everyFamilyHasATableWithSeveralCases() {
        return perDialect(d -> Stream.of(DynamicTest.dynamicTest(d, () -> {
            Set<String> tabled = new TreeSet<>();
            for (ReferenceTables.Table t : ReferenceTables.read(d)) {
                assertThat(t.cases()).as(t.file()).hasSizeGreaterThanOrEqualTo(2);
                tabled.add(d + "." + t.file().replace(".tsv", ""));
            }
            assertThat(tabled).containsExactlyInAnyOrderElementsOf(Families.dialect(d).stream().map(Family::name).toList());
        })));
    }

    @TestFactory
    Stream<DynamicNode> print_parsesBackToAnEqualRecord() {
        return perDialect(d -> cases(d).map(c -> DynamicTest.dynamicTest(c.spec(), () -> {
            Framework s = (Framework) Spec.parse(c.spec());
            String printed = Spec.print(s);
            assertThat(printed).isEqualTo(s.spec()).isEqualTo(s.toString());
            assertThat(Spec.parse(printed)).isEqualTo(s);
            assertThat(Spec.print(Spec.parse(printed))).isEqualTo(printed);
        })));
    }

    @TestFactory
    Stream<DynamicNode> toNative_agreesAtEveryTabledStep() {
        return perDialect(d -> cases(d).filter(c -> ((Framework) Spec.parse(c.spec())).toNative().isPresent())
                .map(c -> DynamicTest.dynamicTest(c.spec(), () -> {
                    Framework s = (Framework) Spec.parse(c.spec());
                    Schedule n = s.toNative().orElseThrow();
                    assertThat(n).isNotInstanceOf(Framework.class);
                    for (long step : c.steps()) {
                        double expected = s.at(step), actual = n.at(step);
                        assertThat(Math.abs(actual - expected)).as("step %d: %s gives %s, %s gives %s", step, s, expected, n, actual)
                                .isLessThanOrEqualTo(1e-12 * Math.abs(expected));
                    }
                })));
    }

    @TestFactory
    Stream<DynamicNode> range_holdsEveryTabledValue() {
        return perDialect(d -> cases(d).map(c -> DynamicTest.dynamicTest(c.spec(), () -> {
            Schedule s = Spec.parse(c.spec());
            for (int i = 0; i < c.steps().length; i++) {
                assertThat(c.values()[i]).as("%s at %d in %s", c.spec(), c.steps()[i], s.range())
                        .isBetween(s.range().min() - 1e-15, s.range().max() + 1e-15);
            }
        })));
    }

    @TestFactory
    Stream<DynamicNode> families_examplesParse_andEveryParameterIsDocumented() {
        return perDialect(d -> Families.dialect(d).stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            assertThat(f.name()).startsWith(d + ".");
            assertThat(Spec.parse(f.example())).isInstanceOf(Framework.class);
            f.params().forEach(p -> assertThat(p.doc()).as(f.name() + "." + p.name()).isNotBlank());
        })));
    }

    @TestFactory
    Stream<DynamicNode> steps_beforeZeroReadAsZero_andFarStepsStayFinite() {
        return perDialect(d -> Families.dialect(d).stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            Schedule s = Spec.parse(f.example());
            assertThat(s.at(-5)).isEqualTo(s.at(0));
            assertThat(s.at(Long.MAX_VALUE)).isFinite();
            assertThat(s.at(10_000_000_000L)).isFinite();
        })));
    }

    private static void agrees(ReferenceTables.Case c) {
        Schedule s = Spec.parse(c.spec());
        assertThat(s).isInstanceOf(Framework.class);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < c.steps().length; i++) {
            double actual = s.at(c.steps()[i]);
            if (!ReferenceTables.agrees(c.values()[i], actual)) {
                wrong.add("step " + c.steps()[i] + ": expected " + c.values()[i] + ", actual " + actual);
            }
        }
        if (!wrong.isEmpty()) {
            fail(c + (c.note() == null ? "" : " (" + c.note() + ")") + " disagrees at " + wrong.size() + " of "
                    + c.steps().length + " steps:\n" + wrong.stream().limit(10).collect(Collectors.joining("\n")));
        }
    }
}
