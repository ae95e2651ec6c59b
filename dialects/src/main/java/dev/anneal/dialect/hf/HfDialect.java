package dev.anneal.dialect.hf;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Dialect;
import dev.anneal.spec.Family;
import dev.anneal.spec.Form;

import java.util.List;

/** The hf. dialect, as the service loader finds it. */
public final class HfDialect implements Dialect {
    private static final HfRules RULES = new HfRules();

    @Override
    public String prefix() {
        return "hf";
    }

    @Override
    public List<Family> families() {
        return Hf.families();
    }

    @Override
    public List<Form> write(Schedule nativeSchedule) {
        return RULES.translate(nativeSchedule);
    }
}
