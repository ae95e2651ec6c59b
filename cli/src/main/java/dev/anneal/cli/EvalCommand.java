package dev.anneal.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.anneal.control.ClosedLoop;
import dev.anneal.control.Observation;
import dev.anneal.optim.control.Controlled;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Framework;
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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.Callable;
import java.util.function.LongToDoubleFunction;

/** {@code anneal eval SPEC}: the value of a schedule at each requested step (the contract in SPEC-LANGUAGE.md). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print a schedule's value at each step: step<TAB>value, one line per step.")
final class EvalCommand implements Callable<Integer> {

    enum Format { tsv, csv, json }

    @Parameters(index = "0", paramLabel = "SPEC|@SET", description = "A schedule spec, e.g. 'warmup(100, cosine(0.1, steps=900))', "
            + "or @FILE: a schedule set (.yaml, .yml or .json) whose hyperparameter --param names.")
    String specText;

    @Option(names = "--steps", paramLabel = "A:B|s1,s2,…",
            description = "Half-open range A:B, or a list of steps. Default: 0 to the end of a finite schedule, inclusive.")
    String steps;

    @Option(names = "--param", paramLabel = "lr|momentum|NAME|GROUP.NAME", defaultValue = "lr",
            description = "Which hyperparameter to print (default: ${DEFAULT-VALUE}); of a schedule set, any NAME it defines (GROUP.NAME with several groups).")
    String param;

    @Option(names = "--metrics", paramLabel = "v1,v2,…|@FILE",
            description = "Metrics fed to a closed-loop scheduler (torch.ReduceLROnPlateau): the i-th value is the metric of the i-th step(metric) call.")
    String metrics;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv (default), csv or json.")
    Format format;

    @Mixin
    SpecOptions specOptions;

    @Spec
    CommandSpec command;

    /** Number of values a closed-loop replay produced (0 for an open-loop schedule). */
    private int replayed;

    @Override
    public Integer call() {
        Schedule parsed = specText.startsWith("@") ? fromSet(Path.of(specText.substring(1))) : specOptions.parse(specText);
        LongToDoubleFunction values = parsed instanceof ClosedLoop<?> closedLoop ? replay(parsed, closedLoop)
                : specText.startsWith("@") ? parsed::at : select(parsed)::at;
        StepRange range = steps != null ? StepRange.parse(steps) : defaultRange(parsed);
        PrintWriter out = command.commandLine().getOut();
        try {
            write(values, range.steps().iterator(), out);
        } finally {
            out.flush();
        }
        return Main.OK;
    }

    /** The hyperparameter --param names in a schedule set file: NAME of its only group, or GROUP.NAME. */
    private Schedule fromSet(Path file) {
        if (metrics != null) throw new IllegalArgumentException("--metrics (" + metrics + "): a schedule set is open-loop and takes no metrics");
        ScheduleSet set;
        try {
            set = specOptions.total == null ? ScheduleSet.read(file) : ScheduleSet.read(file, specOptions.total);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("SPEC (@" + file + "): no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("SPEC (@" + file + ") cannot be read: " + e.getMessage());
        }
        int dot = param.indexOf('.');
        if (dot >= 0) return set.schedule(param.substring(0, dot), param.substring(dot + 1));
        if (set.groups().size() > 1) {
            throw new IllegalArgumentException("--param (" + param + ") must name a group too: the set has groups " + set.groups()
                    + ", e.g. --param " + set.groups().getFirst() + "." + param);
        }
        return set.schedule(set.groups().getFirst(), param);
    }

    /** The schedule --param names: lr itself, or one the scheduler drives beside it (momentum). */
    private Schedule select(Schedule schedule) {
        if (metrics != null) {
            throw new IllegalArgumentException("--metrics (" + metrics + "): " + schedule + " is open-loop and takes no metrics; "
                    + "--metrics feeds a closed-loop scheduler such as torch.ReduceLROnPlateau");
        }
        if (param.equals("lr")) return schedule;
        if (!param.equals("momentum")) throw new IllegalArgumentException("--param (" + param + ") must be lr or momentum");
        Map<String, Schedule> companions = schedule instanceof Framework f ? f.companions() : Map.of();
        Schedule momentum = companions.get(param);
        if (momentum == null) {
            throw new IllegalArgumentException("--param (momentum): " + schedule + " drives only lr; momentum comes from "
                    + "torch.CyclicLR or torch.OneCycleLR with cycle_momentum=True");
        }
        return momentum;
    }

    /** A closed-loop scheduler's values: its controller over its base, the value at step k following the first k metrics. */
    private LongToDoubleFunction replay(Schedule base, ClosedLoop<?> closedLoop) {
        if (!param.equals("lr")) throw new IllegalArgumentException("--param (" + param + "): " + specText + " drives only lr");
        if (metrics == null) {
            throw new IllegalArgumentException(specText.strip() + " is closed-loop: give the metric of each step with --metrics v1,v2,… or --metrics @FILE");
        }
        double[] trace = trace(new Controlled<>(base, 0, closedLoop.controller()), Metrics.parse(metrics));
        replayed = trace.length;
        return step -> {
            if (step >= trace.length) {
                throw new IllegalArgumentException("--steps (" + steps + "): step " + step + " needs " + step
                        + " metrics, but --metrics (" + metrics + ") gave " + (trace.length - 1));
            }
            return trace[(int) step];
        };
    }

    /** The rate before the first observation and after each one, one metric per step. */
    private static <S extends Record> double[] trace(Controlled<S> loop, double[] metrics) {
        double[] trace = new double[metrics.length + 1];
        Controlled.State<S> state = loop.start();
        trace[0] = loop.rate(state);
        for (int k = 0; k < metrics.length; k++) {
            state = loop.observe(state, Observation.metric(metrics[k])).state();
            trace[k + 1] = loop.rate(state);
        }
        return trace;
    }

    /** Without --steps: the steps a closed-loop trace covers, or 0 to the end of a finite schedule, inclusive. */
    private StepRange defaultRange(Schedule schedule) {
        if (replayed > 0) return StepRange.upTo(replayed);
        if (schedule.duration().isEmpty()) {
            throw new IllegalArgumentException("the schedule " + schedule + " never ends: give --steps A:B or a list of steps");
        }
        long d = schedule.duration().getAsLong();
        return StepRange.upTo(d == Long.MAX_VALUE ? d : d + 1);
    }

    private void write(LongToDoubleFunction schedule, PrimitiveIterator.OfLong steps, PrintWriter out) {
        try (JsonGenerator json = format == Format.json ? new JsonFactory().createGenerator(out) : null) {
            if (json != null) json.writeStartArray();
            if (format == Format.csv) out.println("step,value");
            while (steps.hasNext()) {
                long step = steps.nextLong();
                double value = schedule.applyAsDouble(step);
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
