package dev.anneal.spec;

import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Step;
import dev.anneal.schedule.Wsd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each default is defined once, on its record, and read by the language, the printer and the Java factories: a spec
 * that leaves a parameter out, the record built with the constant, and the factory are the same schedule, and it
 * prints without the parameter.
 */
class DefaultsTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> defaults() {
        return Stream.of(
                arguments("step(0.1, every=30)", new Step(0.1, 30, Step.GAMMA), Schedule.step(0.1, 30, 0.1)),
                arguments("multistep(0.1, at=[30, 80])", new MultiStep(0.1, List.of(30L, 80L), MultiStep.GAMMA),
                        Schedule.multistep(0.1, List.of(30L, 80L), 0.1)),
                arguments("inverse_time(0.1, k=0.01)", new InverseTime(0.1, 0.01, InverseTime.POWER), Schedule.inverseTime(0.1, 0.01, 1)),
                arguments("polynomial(0.1, steps=100)", new Polynomial(0.1, Polynomial.END, 100, Polynomial.POWER),
                        Schedule.polynomial(0.1, 0, 100, 1)),
                arguments("cosine(0.1, steps=100)", new Cosine(0.1, 100, Cosine.FLOOR), Schedule.cosine(0.1, 100)),
                arguments("sgdr(0.1, period=10)", new Sgdr(0.1, 10, Sgdr.MULT, Sgdr.FLOOR), Schedule.sgdr(0.1, 10, 1, 0)),
                arguments("cyclic(0.001, 0.1, up=10)", new Cyclic(0.001, 0.1, 10, 10, Cyclic.MODE, Cyclic.GAMMA),
                        Schedule.cyclic(0.001, 0.1, 10)),
                arguments("onecycle(0.1, steps=100)", new OneCycle(0.1, 100, OneCycle.PCT_START, OneCycle.DIV, OneCycle.FINAL_DIV,
                        OneCycle.ANNEAL, OneCycle.THREE_PHASE), Schedule.onecycle(0.1, 100)),
                arguments("wsd(0.1, warmup=10, stable=80, decay=10)", new Wsd(0.1, 10, 80, 10, Wsd.FLOOR, Wsd.SHAPE),
                        Schedule.wsd(0.1, 10, 80, 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void spec_record_andFactory_agreeOnTheDefaults(String spec, Schedule record, Schedule factory) {
        assertThat(Spec.parse(spec)).isEqualTo(record).isEqualTo(factory);
        assertThat(Spec.print(record)).isEqualTo(spec);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void signature_showsTheRecordsDefaults(String spec, Schedule record, Schedule factory) {
        Family family = Families.find(spec.substring(0, spec.indexOf('('))).orElseThrow();
        for (Param p : family.params()) {
            if (p.required() || p.fallback() == null) continue;
            String given = spec.substring(0, spec.length() - 1) + ", " + p.name() + "=" + p.signature().substring(p.name().length() + 1) + ")";
            assertThat(Spec.parse(given)).as("%s with its default written out", given).isEqualTo(record);
        }
    }
}
