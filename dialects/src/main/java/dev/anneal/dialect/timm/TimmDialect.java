package dev.anneal.dialect.timm;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Dialect;
import dev.anneal.spec.Family;
import dev.anneal.spec.Form;

import java.util.List;

/** The timm. dialect, as the service loader finds it. */
public final class TimmDialect implements Dialect {
    private static final TimmRules RULES = new TimmRules();

    @Override
    public String prefix() {
        return "timm";
    }

    @Override
    public List<Family> families() {
        return Timm.families();
    }

    @Override
    public List<Form> write(Schedule nativeSchedule) {
        return RULES.translate(nativeSchedule);
    }
}
