package dev.anneal.cli;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Result;
import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;

import java.util.List;
import java.util.Map;

/**
 * The lab's studies as runs of the store, children of the lab run: each with its claim (configuration key
 * {@code claim}, which the dashboard shows), its verdict (an event), every
 * arm's mean metric over the seeds (final metrics) and its seed-averaged curves whose x are steps (series).
 */
final class LabRuns {
    private LabRuns() {}

    static void record(Recording lab, List<Result> results, Map<String, String> config) {
        if (!lab.on()) return;
        for (Result r : results) {
            NewRun study = NewRun.of(RunKind.LAB, r.study().id() + " " + r.study().title())
                    .withConfig(config).withConfig(Map.of("study", r.study().id(), "millis", Long.toString(r.millis()),
                            "claim", r.study().claim()));
            try (Recorder rec = lab.child(study)) {
                r.table().ifPresent(t -> t.arms().forEach(arm -> rec.metric(arm.name(), arm.mean())));
                r.curves().forEach((name, curve) -> {
                    if (stepsOnX(curve)) {
                        for (int i = 0; i < curve.x().length; i++) rec.record(name, (long) curve.x()[i], curve.y()[i]);
                    }
                });
                r.judgement().ifPresent(j -> rec.event(0, "verdict", j.verdict().label() + ": " + j.reason()));
                if (r.error().isPresent()) rec.fail(r.error().get());
                else rec.finish();
            }
        }
    }

    /** Whether a curve's x are steps (whole, not negative, increasing): other curves are figures, not traces. */
    private static boolean stepsOnX(Curve c) {
        for (int i = 0; i < c.x().length; i++) {
            double x = c.x()[i];
            if (x < 0 || x != Math.rint(x) || (i > 0 && x <= c.x()[i - 1])) return false;
        }
        return true;
    }
}
