package dev.anneal.cli;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import picocli.CommandLine.Option;

import java.util.OptionalLong;

/** Options shared by the commands that read specs. */
final class SpecOptions {
    @Option(names = "--total", paramLabel = "N", description = "Total steps, for step counts written as percentages (5%%).")
    Long total;

    Schedule parse(String text) {
        return parse(text, OptionalLong.empty());
    }

    /** Parses with --total, or {@code fallbackTotal} when --total was not given. */
    Schedule parse(String text, OptionalLong fallbackTotal) {
        if (total != null && total <= 0) throw new IllegalArgumentException("--total (" + total + ") must be > 0");
        return Spec.parse(text, total != null ? OptionalLong.of(total) : fallbackTotal);
    }
}
