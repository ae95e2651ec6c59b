package dev.anneal.optim;

import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.GradientPipeline;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * An optimizer over {@code float[]} parameter blocks in named groups, reading every hyperparameter from a
 * {@link ScheduleSet} at the current step. Each {@link #step} call:
 * <ol>
 *   <li>reads the group's hyperparameters at the current step and checks them (a NaN or negative lr fails here,
 *       before anything changes);</li>
 *   <li>runs the {@link GradientPipeline} on the gradients (fp16 emulation, unscaling, non-finite check,
 *       clipping, loss-scale update), which may veto the update;</li>
 *   <li>applies the update rule ({@link Kernels}, PyTorch 1.13 operation order) unless vetoed;</li>
 *   <li>records the values in the {@link Trace} and advances the step.</li>
 * </ol>
 * A vetoed step leaves parameters and moments untouched and does not count as an update (Adam's bias correction
 * uses updates), but the schedules still advance: as in PyTorch's AMP recipe, where {@code scaler.step(optimizer)}
 * skips {@code optimizer.step()} and {@code scheduler.step()} runs every iteration. With gradient accumulation,
 * call {@code step} once per accumulated step, so schedules advance per optimizer step, never per micro-batch.
 * Not thread-safe.
 */
public final class Optimizer {

    /** A group with its hyperparameters (the set's, then the method's defaults). */
    private record Bound(ParameterGroup group, Hyperparameters hyperparameters) {}

    private final Method method;
    private final List<Bound> groups;
    private final List<float[]> blocks = new ArrayList<>();
    private final GradientPipeline pipeline;
    private final Trace trace = new Trace();
    private final float[][][] moments; // per block: SGD's momentum buffer, or Adam's m and v
    private final double[][] values;   // per group: the values of the step being taken
    private long step, updates;

    private Optimizer(Method method, List<Bound> groups, GradConfig gradients) {
        this.method = method;
        this.groups = groups;
        this.pipeline = new GradientPipeline(gradients);
        groups.forEach(b -> blocks.addAll(b.group().blocks()));
        moments = new float[blocks.size()][2][];
        if (method.adaptive()) {
            for (int i = 0; i < blocks.size(); i++) {
                moments[i][0] = new float[blocks.get(i).length];
                moments[i][1] = new float[blocks.get(i).length];
            }
        }
        values = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) values[g] = new double[groups.get(g).hyperparameters().names().size()];
    }

    public static Builder builder(Method method, ScheduleSet schedules) {
        return new Builder(method, schedules);
    }

    public Method method() {
        return method;
    }

    /** Every parameter block, in group order: {@link #step}'s gradients align with this list. */
    public List<float[]> blocks() {
        return List.copyOf(blocks);
    }

    /** The step the next {@link #step} call reads the schedules at (steps taken so far, skipped ones included). */
    public long currentStep() {
        return step;
    }

    /** The gradient stage: its {@link GradientPipeline#scale()} is the loss scale for the next backward pass. */
    public GradientPipeline gradients() {
        return pipeline;
    }

    public Trace trace() {
        return trace;
    }

    /**
     * One optimizer step with gradients aligned with {@link #blocks()}; the pipeline unscales and clips them in
     * place. Returns the pipeline's verdict: {@link Verdict.Skip} when a gradient was not finite and nothing changed.
     */
    public Verdict step(List<float[]> gradients) {
        return step(gradients, DoubleUnaryOperator.identity());
    }

    /**
     * As {@link #step(List)}, with the rate of this step as an explicit input: {@code rate} maps each group's
     * scheduled lr to the lr applied (a controller's decision, a factor, a rate a study computes). The schedules stay
     * functions of the step; the value applied is checked and traced like a scheduled one.
     */
    public Verdict step(List<float[]> gradients, DoubleUnaryOperator rate) {
        // on every step: the messages are built only when a check fails
        if (gradients.size() != blocks.size()) {
            throw InvalidInputException.of("gradients (" + gradients.size() + " blocks) must have as many blocks as the parameters (" + blocks.size() + ")");
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (gradients.get(i).length != blocks.get(i).length) {
                throw InvalidInputException.of("gradients[" + i + "] (" + gradients.get(i).length + " values) must be as long as parameter block "
                        + i + " (" + blocks.get(i).length + " values)");
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Hyperparameters h = groups.get(g).hyperparameters();
            h.read(step, rate, values[g]);
            h.check(values[g], step);
        }
        Verdict verdict = pipeline.process(gradients);
        if (verdict.applies()) {
            updates++;
            int block = 0;
            for (int g = 0; g < groups.size(); g++) {
                Hyperparameters h = groups.get(g).hyperparameters();
                for (float[] p : groups.get(g).group().blocks()) {
                    h.update(values[g], updates, p, gradients.get(block), moments[block]);
                    block++;
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Bound b = groups.get(g);
            Map<String, Double> applied = new LinkedHashMap<>();
            List<String> names = b.hyperparameters().names();
            for (int i = 0; i < names.size(); i++) applied.put(names.get(i), values[g][i]);
            trace.add(new Trace.Row(step, b.group().name(), verdict.applies(), applied));
        }
        step++;
        return verdict;
    }

    /** A deep copy of the state: step, updates, moments and the gradient pipeline's state. */
    public OptimizerState state() {
        List<OptimizerState.Block> states = new ArrayList<>();
        int i = 0;
        for (Bound b : groups) {
            for (float[] p : b.group().blocks()) {
                states.add(new OptimizerState.Block(b.group().name(), p.length, copy(moments[i][0]), copy(moments[i][1])));
                i++;
            }
        }
        return new OptimizerState(method.key(), step, updates, states, pipeline.state());
    }

    /** Continues from a saved state; parameters are the caller's and must be restored alongside. */
    public void restore(OptimizerState saved) {
        Checks.argument(saved.method().equals(method.key()), "state method (" + saved.method() + ") must be " + method.key());
        Checks.argument(saved.blocks().size() == blocks.size(), "state blocks (" + saved.blocks().size()
                + ") must match the optimizer's parameter blocks (" + blocks.size() + ")");
        int i = 0;
        for (Bound b : groups) {
            for (float[] p : b.group().blocks()) {
                OptimizerState.Block s = saved.blocks().get(i);
                Checks.argument(s.group().equals(b.group().name()) && s.length() == p.length, "state block " + i + " (" + s.group()
                        + ", " + s.length() + " values) must match parameter block " + i + " (" + b.group().name() + ", " + p.length + " values)");
                Checks.argument((s.first() != null || !method.adaptive()) && (s.second() != null) == method.adaptive(),
                        "state block " + i + " must have the moments " + method.key() + " keeps");
                i++;
            }
        }
        pipeline.restore(saved.grad());
        for (i = 0; i < blocks.size(); i++) {
            moments[i][0] = copy(saved.blocks().get(i).first());
            moments[i][1] = copy(saved.blocks().get(i).second());
        }
        step = saved.step();
        updates = saved.updates();
    }

    private static float[] copy(float[] a) {
        return a == null ? null : a.clone();
    }

    /** Parameter groups, their schedules and the gradient stage. */
    public static final class Builder {
        private final Method method;
        private final ScheduleSet schedules;
        private final List<ParameterGroup> groups = new ArrayList<>();
        private GradConfig gradients;

        Builder(Method method, ScheduleSet schedules) {
            this.method = method;
            this.schedules = schedules;
        }

        public Builder group(ParameterGroup group) {
            groups.add(group);
            return this;
        }

        public Builder group(String name, float[]... blocks) {
            return group(ParameterGroup.of(name, blocks));
        }

        /** Clipping, loss scaling and fp16 emulation; the default only detects non-finite gradients. */
        public Builder gradients(GradConfig config) {
            Checks.setOnce("gradients", gradients, config);
            gradients = config;
            return this;
        }

        public Optimizer build() {
            Checks.argument(!groups.isEmpty(), "an optimizer needs at least one parameter group");
            List<String> names = groups.stream().map(ParameterGroup::name).toList();
            for (String g : schedules.groups()) {
                Checks.argument(names.contains(g), "schedule set group " + g + " has no parameter group (parameter groups: " + names + ")");
            }
            List<Bound> bound = new ArrayList<>();
            for (ParameterGroup g : groups) {
                Checks.argument(names.indexOf(g.name()) == names.lastIndexOf(g.name()), "parameter group " + g.name() + " is given twice");
                Checks.argument(schedules.groups().contains(g.name()), "parameter group " + g.name()
                        + " has no schedules: the set's groups are " + schedules.groups());
                bound.add(new Bound(g, Hyperparameters.of(method, schedules, g.name())));
            }
            return new Optimizer(method, bound, gradients == null ? GradConfig.plain() : gradients);
        }
    }
}
