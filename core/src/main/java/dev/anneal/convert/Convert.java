package dev.anneal.convert;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Form;
import dev.anneal.spec.Spec;

/**
 * Converts a schedule between the native spec language and the framework dialects: to native through each record's
 * native form, from native through the target's conversion rules ({@link dev.anneal.spec.Dialect}), and between dialects through native. Every
 * conversion is checked on the numbers over the schedule's {@link Span} (within {@link Check#RELATIVE}) before it is
 * returned; a candidate that fails is reported with the first step where it differs, never returned.
 *
 * <p>Example: {@code convert(Spec.parse("torch.StepLR(lr=0.1, step_size=30)"), Target.NATIVE)} gives
 * {@code step(0.1, every=30)}.
 */
public final class Convert {
    private Convert() {}

    public static Conversion convert(Schedule source, Target target) {
        if (target.writes(source)) return verified(source, source);
        Form nativeForm = Natives.of(source);
        if (!(nativeForm instanceof Form.Found(Schedule n))) {
            return new Conversion.Impossible(Spec.print(source) + " has no native form"
                    + (target == Target.NATIVE ? "" : " (the way to " + target.spec() + ")") + ": " + ((Form.Missing) nativeForm).reason());
        }
        Conversion.Mismatch mismatch = null;
        String reason = null;
        for (Form candidate : target.translate(n)) {
            switch (candidate) {
                case Form.Found(Schedule c) -> {
                    Conversion result = verified(source, c, n);
                    if (result instanceof Conversion.Converted) return result;
                    if (mismatch == null) mismatch = (Conversion.Mismatch) result;
                }
                case Form.Missing(String why) -> reason = reason == null ? why : reason;
            }
        }
        return mismatch != null ? mismatch : new Conversion.Impossible(reason);
    }

    /** Whether {@code candidate} gives {@code source}'s numbers (within {@link Check#RELATIVE}) over the span of both. */
    public static Check compare(Schedule source, Schedule candidate) {
        return Equivalence.check(source, candidate, Span.of(source, candidate));
    }

    /** The candidate checked against the source over the span of both (and of the native form between them). */
    private static Conversion verified(Schedule source, Schedule candidate, Schedule... between) {
        Schedule[] all = new Schedule[between.length + 2];
        all[0] = source;
        all[1] = candidate;
        System.arraycopy(between, 0, all, 2, between.length);
        Check check = Equivalence.check(source, candidate, Span.of(all));
        return check.passed() ? new Conversion.Converted(candidate, check) : new Conversion.Mismatch(source, candidate, check);
    }
}
