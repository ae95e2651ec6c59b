package dev.anneal.dialect;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import dev.anneal.spec.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schedule is a total, pure function of the step: across the families of every dialect (each family's own
 * example, closed-loop ones included), at() returns a finite value at every step of its run, the same value however
 * often and in whatever order it is asked. A run ends at duration() where there is one (PyTorch raises past
 * OneCycleLR's total_steps, and so does at(); the reference tables pin that); an endless schedule is probed far out.
 */
class TotalSchedulesTest {

    static List<Family> families() {
        return Families.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void at_isTotalAndPure_onEveryStepOfTheRun(Family family) {
        Schedule s = Spec.parse(family.example(), 1000);
        long end = s.duration().orElse(Long.MAX_VALUE / 4);
        List<Long> steps = new ArrayList<>(LongStream.rangeClosed(0, Math.min(end, 2000)).boxed().toList());
        for (long k = 4096; k > 0 && k < end; k *= 4) steps.add(k);
        steps.add(end);
        double[] first = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            first[i] = s.at(steps.get(i));
            assertThat(Double.isFinite(first[i])).as("%s at step %d is %s", family.example(), steps.get(i), first[i]).isTrue();
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            assertThat(s.at(steps.get(i))).as("%s at step %d, asked again", family.example(), steps.get(i)).isEqualTo(first[i]);
        }
    }
}
