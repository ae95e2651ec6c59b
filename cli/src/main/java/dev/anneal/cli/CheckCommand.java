package dev.anneal.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.anneal.analysis.Quantity;
import dev.anneal.analysis.SafetyCheck;
import dev.anneal.analysis.SafetyReport;
import dev.anneal.analysis.Section;
import dev.anneal.analysis.StepRun;
import dev.anneal.analysis.Verdict;
import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Schedule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** {@code anneal check SPEC}: the safety report. Exit 3 when UNSAFE, so that scripts can gate on it. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Is this schedule safe? Sums and the Robbins–Monro class, stability against λmax, warmup, batch rules, "
                + "AdamW shrinkage, and a verdict: SAFE, UNSAFE at steps a–b, or RISK: …",
                "Exit codes: 0 SAFE or RISK, 2 bad input, 3 UNSAFE."})
final class CheckCommand implements Callable<Integer> {
    static final int UNSAFE = 3;

    enum Mode { mean, sum }

    @Parameters(index = "0", paramLabel = "SPEC", description = "A schedule spec, e.g. 'cosine(0.5, steps=1000)'.")
    String specText;

    @Option(names = "--steps", paramLabel = "N", description = "Horizon: steps 0..N−1. Default: the schedule's duration.")
    Long steps;

    static final class Curvature {
        @Option(names = "--lambda-max", paramLabel = "L", description = "Top Hessian eigenvalue λmax (e.g. from power iteration).")
        Double lambdaMax;

        @Option(names = "--lambda-max-bound", paramLabel = "Λ",
                description = "Upper bound on λmax from initialisation: E‖x‖² of the inputs (d for d standardised features), "
                        + "the trace bound for a squared loss on a linear layer.")
        Double bound;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Curvature curvature;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "sgd|momentum|nesterov|adam|adamw",
            description = "Optimizer dynamics, by the names every command uses (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--momentum", paramLabel = "β", description = "Momentum β (adam, adamw: β₁). Default: the optimizer's (0.9).")
    Double momentum;

    @Option(names = "--grad-bound", paramLabel = "G", description = "Bound on the gradient norm, for the movement budget G·Σηₜ.")
    Double gradBound;

    @Option(names = "--distance", paramLabel = "D", description = "Distance to travel; needs --grad-bound.")
    Double distance;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size to scale to (with --base-batch).")
    Long batch;

    @Option(names = "--base-batch", paramLabel = "B0", description = "Batch size the schedule was tuned at.")
    Long baseBatch;

    @Option(names = "--accumulate", paramLabel = "K", defaultValue = "1", description = "Gradient accumulation steps (default 1).")
    long accumulate;

    @Option(names = "--accumulate-mode", paramLabel = "mean|sum", defaultValue = "mean",
            description = "How micro-batch gradients are combined; sum multiplies the rate by K (default: ${DEFAULT-VALUE}).")
    Mode accumulateMode;

    @Option(names = "--weight-decay", paramLabel = "λ",
            description = "Weight decay λ: θ ← θ·(1 − ηₜλ); adamw applies it decoupled (default there: 0.01), which lowers its stability limit.")
    Double weightDecay;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    SpecOptions specOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        if (steps != null && steps <= 0) throw new IllegalArgumentException("--steps (" + steps + ") must be > 0");
        Schedule schedule = specOptions.parse(specText, steps == null ? OptionalLong.empty() : OptionalLong.of(steps));
        long horizon = horizon(schedule);
        SafetyReport report = configure(SafetyCheck.of(schedule, horizon)).run();
        PrintWriter out = command.commandLine().getOut();
        if (json) writeJson(schedule, horizon, report, out);
        else writeText(schedule, horizon, report, out);
        out.flush();
        return report.verdict().kind() == Verdict.Kind.UNSAFE ? UNSAFE : Main.OK;
    }

    /** The check visits every step of the horizon (about 0.25 µs each): this bound keeps it to a few seconds. */
    static final long MAX_HORIZON = 10_000_000;

    private long horizon(Schedule schedule) {
        if (steps != null) {
            if (steps > MAX_HORIZON) throw new IllegalArgumentException("--steps (" + steps + ") must be at most " + MAX_HORIZON + ": the check visits every step");
            return steps;
        }
        OptionalLong d = schedule.duration();
        if (d.isEmpty()) throw new IllegalArgumentException("the schedule " + schedule + " never ends: give the horizon with --steps N");
        if (d.getAsLong() > MAX_HORIZON) {
            throw new IllegalArgumentException("the schedule lasts " + d.getAsLong() + " steps, more than the check's horizon limit of "
                    + MAX_HORIZON + ": give a shorter horizon with --steps N");
        }
        return Math.max(d.getAsLong(), 1);
    }

    private SafetyCheck configure(SafetyCheck check) {
        if (curvature != null && curvature.lambdaMax != null) check.lambdaMax(flag("--lambda-max", curvature.lambdaMax));
        if (curvature != null && curvature.bound != null) check.lambdaMaxBound(flag("--lambda-max-bound", curvature.bound));
        check.optimizer(optimizer());
        if (gradBound != null) check.gradBound(flag("--grad-bound", gradBound));
        if (distance != null) {
            if (gradBound == null) throw new IllegalArgumentException("--distance (" + distance + ") needs --grad-bound G: the budget is G·Σηₜ");
            check.distance(flag("--distance", distance));
        }
        if ((batch == null) != (baseBatch == null)) {
            throw new IllegalArgumentException("--batch and --base-batch go together: the rules scale the rate by B/B0");
        }
        if (batch != null) {
            if (batch <= 0) throw new IllegalArgumentException("--batch (" + batch + ") must be > 0");
            if (baseBatch <= 0) throw new IllegalArgumentException("--base-batch (" + baseBatch + ") must be > 0");
            check.batch(batch, baseBatch);
        }
        if (accumulate <= 0) throw new IllegalArgumentException("--accumulate (" + accumulate + ") must be > 0");
        check.accumulate(accumulate, accumulateMode == Mode.sum);
        if (weightDecay != null) check.weightDecay(weightDecay);
        return check;
    }

    /** The method's stability model, at its own defaults where no flag gives a value. */
    private Dynamics optimizer() {
        Method method = Method.of(optimizer, "--optimizer");
        if (weightDecay != null && (!(weightDecay >= 0) || weightDecay.isInfinite())) {
            throw new IllegalArgumentException("--weight-decay (" + weightDecay + ") must be >= 0 and finite");
        }
        double decay = weightDecay != null ? weightDecay : method.defaults().get("weight_decay");
        if (method == Method.SGD) {
            if (momentum != null) throw new IllegalArgumentException("--momentum (" + momentum + ") needs --optimizer momentum, nesterov, adam or adamw");
            return new Dynamics(method, 0, decay);
        }
        double beta = momentum == null ? method.defaults().get(method.momentumName()) : momentum;
        if (!(beta >= 0 && beta < 1)) throw new IllegalArgumentException("--momentum (" + beta + ") must be in [0, 1)");
        return method.dynamics(beta, decay);
    }

    /** A positive finite flag value, or a message quoting the flag. */
    private static double flag(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " (" + value + ") must be > 0 and finite");
        return value;
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private static void writeText(Schedule schedule, long horizon, SafetyReport report, PrintWriter out) {
        Verdict verdict = report.verdict();
        out.println(verdict.line());
        if (verdict.kind() != Verdict.Kind.RISK) for (String risk : verdict.risks()) out.println("also RISK: " + risk);
        out.println();
        out.println("schedule: " + schedule + "   horizon: " + horizon + " steps");
        for (Section s : report.sections()) {
            out.println();
            out.println("== " + s.title());
            int width = s.quantities().stream().mapToInt(q -> q.label().length()).max().orElse(0);
            for (Quantity q : s.quantities()) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %-14s  %s%n", q.label(), q.text(), q.formula());
            }
            for (String note : s.notes()) out.println("  ! " + note);
        }
    }

    /** {"verdict": {...}, "sections": {key: {key: {"value": v, "formula": f}}}}; ∞ as "Infinity", unknown as null. */
    private static void writeJson(Schedule schedule, long horizon, SafetyReport report, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schedule", schedule.toString());
            g.writeNumberField("steps", horizon);
            Verdict v = report.verdict();
            g.writeObjectFieldStart("verdict");
            g.writeStringField("kind", v.kind().name());
            g.writeStringField("line", v.line());
            g.writeArrayFieldStart("unstable");
            for (StepRun r : v.unstable()) {
                g.writeStartArray();
                g.writeNumber(r.first());
                g.writeNumber(r.last());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumberField("unstable_steps", v.unstableSteps());
            g.writeArrayFieldStart("risks");
            for (String r : v.risks()) g.writeString(r);
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("sections");
            for (Section s : report.sections()) {
                g.writeObjectFieldStart(s.key());
                for (Quantity q : s.quantities()) {
                    g.writeObjectFieldStart(q.key());
                    g.writeFieldName("value");
                    writeValue(g, q.value());
                    g.writeStringField("formula", q.formula());
                    g.writeEndObject();
                }
                g.writeArrayFieldStart("notes");
                for (String n : s.notes()) g.writeString(n);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case Double d when d.isNaN() -> g.writeNull();
            case Double d when d.isInfinite() -> g.writeString(d > 0 ? "Infinity" : "-Infinity");
            case Double d -> g.writeNumber(d);
            case Long l -> g.writeNumber(l);
            case Boolean b -> g.writeBoolean(b);
            default -> g.writeString(String.valueOf(value));
        }
    }
}
