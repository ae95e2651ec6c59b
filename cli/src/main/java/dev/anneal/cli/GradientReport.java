package dev.anneal.cli;

import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Step;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.GradState;
import dev.anneal.optim.grad.LossScaling;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.schedule.Checks;

import java.io.PrintWriter;
import java.util.Locale;

/** What {@code train} and {@code find-lr} print about the gradient stage: skipped steps as they happen, then the counts. */
final class GradientReport {
    /** Skipped steps printed one a line, up to this many; the trace and the summary count them all. */
    private static final int SKIPS_PRINTED = 10;

    private GradientReport() {}

    /** Prints the step's reason when the pipeline skipped it (the first {@value #SKIPS_PRINTED} of a run). */
    static void skipped(PrintWriter out, Step s) {
        if (!(s.verdict() instanceof Verdict.Skip skip)) return;
        long skipped = s.gradients().skippedSteps();
        if (skipped <= SKIPS_PRINTED) out.printf(Locale.ROOT, "step %d: %s%n", s.step(), skip.reason());
        if (skipped == SKIPS_PRINTED) out.printf("(further skipped steps are counted in the trace and the summary)%n");
    }

    /** The counts over the whole run, a resumed run's earlier steps included. */
    static void summary(PrintWriter out, AnnealOptimizer optimizer) {
        GradState g = optimizer.gradientState();
        GradConfig c = optimizer.gradients();
        out.printf(Locale.ROOT, "gradients: %d steps, %d clipped, %d skipped (non-finite)", g.steps(), g.clippedSteps(), g.skippedSteps());
        if (c.fp16()) out.printf(Locale.ROOT, "; fp16: %d values overflowed, %d underflowed", g.halfOverflows(), g.halfUnderflows());
        if (!(c.lossScaling() instanceof LossScaling.Off)) {
            out.printf(Locale.ROOT, "; loss scale %s at the start, %s now", Checks.format((double) c.lossScaling().initScale()), Checks.format((double) g.scale()));
        }
        out.println();
    }
}
