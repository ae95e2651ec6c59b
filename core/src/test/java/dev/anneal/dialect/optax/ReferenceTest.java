package dev.anneal.dialect.optax;

import dev.anneal.dialect.ReferenceTables;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Every case of every table in reference/optax/ agrees with the dialect at every listed step, to 1e-9 relative. */
class ReferenceTest {
    private static final List<ReferenceTables.Table> TABLES = ReferenceTables.read("optax");

    @TestFactory
    Stream<DynamicTest> reference_everyStepOfEveryCase_agrees() {
        return TABLES.stream().flatMap(t -> t.cases().stream())
                .map(c -> DynamicTest.dynamicTest(c.spec(), () -> check(c)));
    }

    @TestFactory
    Stream<DynamicTest> reference_configurationsTheFrameworkRejects_areRejected() {
        return TABLES.stream().flatMap(t -> t.errors().stream())
                .map(e -> DynamicTest.dynamicTest(e.spec(), () -> assertThatThrownBy(() -> Spec.parse(e.spec()))
                        .as("optax raises %s", e.message()).isInstanceOf(SpecException.class)));
    }

    @Test
    void reference_everyFamilyHasATableWithSeveralCases() {
        Set<String> tabled = new TreeSet<>();
        for (ReferenceTables.Table t : TABLES) {
            assertThat(t.cases()).as(t.file()).hasSizeGreaterThanOrEqualTo(2);
            tabled.add("optax." + t.file().replace(".tsv", ""));
        }
        assertThat(tabled).containsExactlyInAnyOrderElementsOf(Families.dialect("optax").stream().map(Family::name).toList());
    }

    static void check(ReferenceTables.Case c) {
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
