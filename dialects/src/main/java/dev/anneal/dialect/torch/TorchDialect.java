package dev.anneal.dialect.torch;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Dialect;
import dev.anneal.spec.Family;
import dev.anneal.spec.Form;

import java.util.List;

/** The torch. dialect, as the service loader finds it. */
public final class TorchDialect implements Dialect {
    private static final TorchRules RULES = new TorchRules();

    @Override
    public String prefix() {
        return "torch";
    }

    @Override
    public List<Family> families() {
        return Torch.families();
    }

    @Override
    public List<Form> write(Schedule nativeSchedule) {
        return RULES.translate(nativeSchedule);
    }
}
