package dev.anneal.dialect.keras;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Dialect;
import dev.anneal.spec.Family;
import dev.anneal.spec.Form;

import java.util.List;

/** The keras. dialect, as the service loader finds it. */
public final class KerasDialect implements Dialect {
    private static final KerasRules RULES = new KerasRules();

    @Override
    public String prefix() {
        return "keras";
    }

    @Override
    public List<Family> families() {
        return Keras.families();
    }

    @Override
    public List<Form> write(Schedule nativeSchedule) {
        return RULES.translate(nativeSchedule);
    }
}
