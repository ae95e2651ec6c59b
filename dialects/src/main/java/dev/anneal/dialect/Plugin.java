package dev.anneal.dialect;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Dialect;
import dev.anneal.spec.Family;
import dev.anneal.spec.Form;

import java.util.List;

/** A dialect made of its families and the rules that write native schedules in it; subclasses name the three. */
public abstract class Plugin implements Dialect {
    private final String prefix;
    private final List<Family> families;
    private final Rules rules;

    protected Plugin(String prefix, List<Family> families, Rules rules) {
        this.prefix = prefix;
        this.families = List.copyOf(families);
        this.rules = rules;
    }

    @Override
    public final String prefix() {
        return prefix;
    }

    @Override
    public final List<Family> families() {
        return families;
    }

    @Override
    public final List<Form> write(Schedule nativeSchedule) {
        return rules.translate(nativeSchedule);
    }
}
