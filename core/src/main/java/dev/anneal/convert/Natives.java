package dev.anneal.convert;

import dev.anneal.schedule.Clamp;
import dev.anneal.schedule.Counter;
import dev.anneal.schedule.Rescale;
import dev.anneal.schedule.Custom;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Phase;
import dev.anneal.schedule.Product;
import dev.anneal.schedule.Scaled;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Form;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Then;
import dev.anneal.schedule.Warmup;

import java.util.function.Function;

/** The native form of any schedule: framework leaves replaced by theirs, compositions rebuilt around them. */
final class Natives {
    private Natives() {}

    /** Whether the schedule is written in the native language throughout. */
    static boolean isNative(Schedule s) {
        return switch (s) {
            case Framework f -> false;
            case Custom c -> false;
            case Then t -> isNative(t.first()) && isNative(t.next());
            case Warmup w -> isNative(w.target());
            case Scaled x -> isNative(x.schedule());
            case Product p -> isNative(p.left()) && isNative(p.right());
            case Shift x -> isNative(x.schedule());
            case Phase x -> isNative(x.schedule());
            case Counter x -> isNative(x.schedule());
            case Clamp x -> isNative(x.schedule());
            case Rescale x -> isNative(x.schedule());
            default -> true;
        };
    }

    /** The native form, or why there is none. */
    static Form of(Schedule s) {
        if (isNative(s)) return Form.of(s);
        try {
            return switch (s) {
                case Portable p -> p.nativeForm();
                case Framework f -> Form.none(f.spec() + " has no native form");
                case Custom c -> Form.none(c.name() + " is defined in code and has no spec");
                case Then t -> both(t.first(), t.next(), Then::new);
                case Warmup w -> map(w.target(), x -> new Warmup(w.steps(), x));
                case Scaled x -> map(x.schedule(), y -> new Scaled(x.factor(), y));
                case Product p -> both(p.left(), p.right(), Product::new);
                case Shift x -> map(x.schedule(), y -> new Shift(y, x.by()));
                case Phase x -> map(x.schedule(), y -> new Phase(y, x.fraction()));
                case Counter x -> map(x.schedule(), Counter::new);
                case Clamp x -> map(x.schedule(), y -> new Clamp(y, x.min(), x.max()));
                case Rescale x -> map(x.schedule(), y -> new Rescale(y, x.min(), x.max()));
                default -> Form.of(s);
            };
        } catch (IllegalArgumentException e) {
            return Form.none("the native parts do not compose as the original does: " + e.getMessage());
        }
    }

    private static Form map(Schedule part, Function<Schedule, Schedule> rebuild) {
        Form form = of(part);
        return form instanceof Form.Found(Schedule x) ? Form.of(rebuild.apply(x)) : form;
    }

    private static Form both(Schedule a, Schedule b, java.util.function.BinaryOperator<Schedule> rebuild) {
        Form fa = of(a);
        if (!(fa instanceof Form.Found(Schedule x))) return fa;
        return map(b, y -> rebuild.apply(x, y));
    }
}
