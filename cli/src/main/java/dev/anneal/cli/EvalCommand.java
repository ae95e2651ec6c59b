package dev.anneal.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.anneal.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.PrimitiveIterator;
import java.util.concurrent.Callable;

/** {@code anneal eval SPEC}: the value of a schedule at each requested step (the contract in SPEC-LANGUAGE.md). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print a schedule's value at each step: step<TAB>value, one line per step.")
final class EvalCommand implements Callable<Integer> {

    enum Format { tsv, csv, json }

    @Parameters(index = "0", paramLabel = "SPEC", description = "A schedule spec, e.g. 'warmup(100, cosine(0.1, steps=900))'.")
    String specText;

    @Option(names = "--steps", paramLabel = "A:B|s1,s2,…",
            description = "Half-open range A:B, or a list of steps. Default: 0 to the end of a finite schedule, inclusive.")
    String steps;

    @Option(names = "--param", paramLabel = "lr|momentum", defaultValue = "lr",
            description = "Which hyperparameter to print (default: ${DEFAULT-VALUE}).")
    String param;

    @Option(names = "--metrics", paramLabel = "v1,v2,…|@FILE",
            description = "Metrics fed to a ReduceLROnPlateau scheduler (torch dialect).")
    String metrics;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv (default), csv or json.")
    Format format;

    @Mixin
    SpecOptions specOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        checkDialectOptions();
        Schedule schedule = specOptions.parse(specText);
        StepRange range = steps != null ? StepRange.parse(steps) : StepRange.upTo(end(schedule));
        PrintWriter out = command.commandLine().getOut();
        try {
            write(schedule, range.steps().iterator(), out);
        } finally {
            out.flush();
        }
        return Main.OK;
    }

    /** --param momentum and --metrics belong to the framework dialects' schedulers, which native specs are not. */
    private void checkDialectOptions() {
        switch (param) {
            case "lr" -> { }
            case "momentum" -> throw new IllegalArgumentException("--param (momentum) needs a scheduler that cycles momentum "
                    + "(torch.CyclicLR, torch.OneCycleLR with cycle_momentum=True); native specs define only lr");
            default -> throw new IllegalArgumentException("--param (" + param + ") must be lr or momentum");
        }
        if (metrics != null) {
            throw new IllegalArgumentException("--metrics (" + metrics + ") feeds torch.ReduceLROnPlateau; "
                    + "native specs are open-loop and take no metrics");
        }
    }

    private static long end(Schedule schedule) {
        if (schedule.duration().isEmpty()) {
            throw new IllegalArgumentException("the schedule " + schedule + " never ends: give --steps A:B or a list of steps");
        }
        long d = schedule.duration().getAsLong();
        return d == Long.MAX_VALUE ? d : d + 1;
    }

    private void write(Schedule schedule, PrimitiveIterator.OfLong steps, PrintWriter out) {
        try (JsonGenerator json = format == Format.json ? new JsonFactory().createGenerator(out) : null) {
            if (json != null) json.writeStartArray();
            if (format == Format.csv) out.println("step,value");
            while (steps.hasNext()) {
                long step = steps.nextLong();
                double value = schedule.at(step);
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("the schedule's value at step " + step + " is " + value
                            + " (it overflows a double); evaluate fewer steps or bound it with clamp(…, max=…)");
                }
                if (json != null) {
                    json.writeStartObject();
                    json.writeNumberField("step", step);
                    json.writeNumberField("value", value);
                    json.writeEndObject();
                } else {
                    out.print(step);
                    out.print(format == Format.csv ? ',' : '\t');
                    out.println(Double.toString(value));
                }
            }
            if (json != null) {
                json.writeEndArray();
                json.flush();
                out.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
