package dev.anneal.dialect;

import dev.anneal.schedule.InvalidInputException;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import dev.anneal.spec.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schedule is a total, pure function of the step: across the families of every dialect (each family's own
 * example, closed-loop ones included), at() returns a finite value at every step of its run, the same value however
 * often and in whatever order it is asked. A run ends at duration() where there is one; an endless schedule is probed
 * far out. Where the framework itself raises (PyTorch past OneCycleLR's total_steps, or on CyclicLR's overflow), at()
 * fails the same way each time with a user error naming the step, as the reference tables pin.
 */
class TotalSchedulesTest {

    static Stream<Family> families() {
        return Stream.concat(Families.all().stream(), Families.dialects().stream().flatMap(d -> Families.dialect(d).stream()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void at_isTotalAndPure_onEveryStepOfTheRun(Family family) {
        Schedule s = Spec.parse(family.example(), 1000);
        long end = s.duration().orElse(Long.MAX_VALUE / 4);
        List<Long> steps = new ArrayList<>(LongStream.rangeClosed(0, Math.min(end, 2000)).boxed().toList());
        for (long k = 4096; k > 0 && k < end; k *= 4) steps.add(k);
        steps.add(end);
        String[] first = new String[steps.size()];
        for (int i = 0; i < steps.size(); i++) first[i] = valueAt(s, steps.get(i));
        for (int i = steps.size() - 1; i >= 0; i--) {
            assertThat(valueAt(s, steps.get(i))).as("%s at step %d, asked again", family.example(), steps.get(i)).isEqualTo(first[i]);
        }
    }

    /**
     * at(k), which must be finite; or, where the framework itself raises at k (PyTorch's OverflowError in CyclicLR's
     * triangular2 past cycle 1024), the failure, which must be a user error (exit 2) naming the step.
     */
    private static String valueAt(Schedule s, long step) {
        double v;
        try {
            v = s.at(step);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).as("%s fails at step %d", s, step).contains("step " + step + " ");
            return "fails: " + e.getMessage();
        }
        assertThat(Double.isFinite(v)).as("%s at step %d is %s", s, step, v).isTrue();
        return Double.toString(v);
    }
}
