package dev.anneal.optim;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A spec means the same in a schedule set as anywhere else: both go through core's binder. */
class SetBindingPropertiesTest {

    @Property(tries = 300)
    void percentages_giveIdenticalValues_inASetAndOnTheirOwn(@ForAll @IntRange(min = 0, max = 1000) int tenthsA,
                                                             @ForAll @IntRange(min = 0, max = 1000) int tenthsB,
                                                             @ForAll @IntRange(min = 1, max = 5000) int total,
                                                             @ForAll @IntRange(min = 0, max = 3) int shape) {
        String a = String.format(Locale.ROOT, "%d.%d%%", tenthsA / 10, tenthsA % 10);
        String b = String.format(Locale.ROOT, "%d.%d%%", tenthsB / 10, tenthsB % 10);
        String spec = switch (shape) {
            case 0 -> "warmup(" + a + ", constant(1.0))";
            case 1 -> "warmup(" + a + ", cosine(0.5, steps=" + b + "))";
            case 2 -> "shift(linear(0.1, 0.0, steps=" + b + "), by=" + a + ")";
            default -> "step(0.1, 0.5, every=" + (tenthsB == 0 ? "1" : b) + ") then constant(0.01)";
        };
        Schedule alone;
        try {
            alone = Spec.parse(spec, total);
        } catch (IllegalArgumentException e) {
            // A spec the binder rejects (a zero-step period, say) is rejected in a set too, with the same reason.
            String reason = e.getMessage();
            assertThatThrownBy(() -> set(spec, total))
                    .hasMessageContaining(reason.lines().findFirst().orElseThrow());
            return;
        }
        Schedule inSet = set(spec, total);
        for (long t = 0; t <= total + 1; t++) assertThat(inSet.at(t)).as("%s at step %d of %d", spec, t, total).isEqualTo(alone.at(t));
    }

    /** The same with the inner schedule named: {@code lr: warmup(a, base)} and {@code base: cosine(…)}. */
    @Property(tries = 200)
    void aReference_bindsLikeTheTextItNames(@ForAll @IntRange(min = 1, max = 1000) int tenthsA,
                                            @ForAll @IntRange(min = 10, max = 1000) int tenthsB,
                                            @ForAll @IntRange(min = 1000, max = 5000) int total) {
        String a = String.format(Locale.ROOT, "%d.%d%%", tenthsA / 10, tenthsA % 10);
        String inner = String.format(Locale.ROOT, "cosine(0.5, steps=%d.%d%%)", tenthsB / 10, tenthsB % 10);
        Schedule alone = Spec.parse("warmup(" + a + ", " + inner + ")", total);
        Schedule named = ScheduleSet.builder().total(total).defaults(d -> d.set("base", inner).set("lr", "warmup(" + a + ", base)"))
                .build().schedule("default", "lr");
        for (long t = 0; t <= total + 1; t++) assertThat(named.at(t)).as("step %d of %d", t, total).isEqualTo(alone.at(t));
    }

    private static Schedule set(String spec, long total) {
        return ScheduleSet.builder().total(total).defaults(d -> d.set("lr", spec)).build().schedule("default", "lr");
    }
}
