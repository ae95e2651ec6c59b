package dev.anneal.dialect.optax;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Dialect;
import dev.anneal.spec.Family;
import dev.anneal.spec.Form;

import java.util.List;

/** The optax. dialect, as the service loader finds it. */
public final class OptaxDialect implements Dialect {
    private static final OptaxRules RULES = new OptaxRules();

    @Override
    public String prefix() {
        return "optax";
    }

    @Override
    public List<Family> families() {
        return Optax.families();
    }

    @Override
    public List<Form> write(Schedule nativeSchedule) {
        return RULES.translate(nativeSchedule);
    }
}
