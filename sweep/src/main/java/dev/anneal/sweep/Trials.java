package dev.anneal.sweep;

import dev.anneal.optim.ScheduleSet;

import java.util.Map;

/** The trial kinds, chosen by {@code task.name}: the lab's tasks ({@link LabTrial}) and {@code fashion-mnist} ({@link FashionMnistTrial}). */
public final class Trials {
    private Trials() {}

    /** Checks {@code task} names a known kind with valid parameters; the error names the key. */
    public static void check(Map<String, String> task) {
        if (FashionMnistTrial.NAME.equals(task.get("name"))) FashionMnistTrial.check(task);
        else LabTrial.task(task);
    }

    /** Runs {@code s}'s task under {@code set} for {@code budget} steps. */
    public static Outcome run(Setup s, ScheduleSet set, long budget) {
        return FashionMnistTrial.NAME.equals(s.task().get("name")) ? FashionMnistTrial.run(s, set, budget) : LabTrial.run(s, set, budget);
    }

    static Outcome run(Setup s, long budget) {
        return run(s, ScheduleSet.parse(s.scheduleSetYaml()), budget);
    }
}
