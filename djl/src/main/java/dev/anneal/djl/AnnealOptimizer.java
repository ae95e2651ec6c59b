package dev.anneal.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.anneal.optim.Hyperparameters;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.GradState;
import dev.anneal.optim.grad.GradientAccumulator;
import dev.anneal.optim.grad.GradientPipeline;
import dev.anneal.optim.grad.LossScaleUnderflow;
import dev.anneal.optim.grad.LossScaling;
import dev.anneal.optim.grad.Reduction;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Schedule;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A DJL {@link Optimizer} that is a thin adapter from NDArrays to optim: every hyperparameter from an Anneal
 * {@link ScheduleSet} per parameter group ({@link Hyperparameters}: names, defaults, range checks, PyTorch's update
 * rules and kernels), optim's gradient stage ({@link GradientAccumulator}, then the {@link GradientPipeline}:
 * half-precision emulation, loss scaling, the non-finite guard, clipping) and optim's state format
 * ({@link OptimizerState}). It copies each parameter's weight and gradient out of the PyTorch array, runs optim
 * on the copies and writes the weight back; that is all it does itself.
 *
 * <p>Two ways to train:
 * <ul>
 *   <li>{@link #step(List)} after each backward pass, with every parameter: the whole model's step. Micro-batches
 *       accumulate, the pipeline sees all gradients at once (global clip norm, global non-finite check: a step
 *       with an inf or NaN gradient is skipped whole and reported in {@link #lastVerdict()}), the loss scale for the
 *       next backward pass is {@link #lossScale()}.</li>
 *   <li>DJL's own {@code Trainer}, which calls {@link #update} one parameter at a time, each at its own update count
 *       (PyTorch's per-parameter {@code state["step"]}). Clipping by value and fp16 emulation work there; a global
 *       clip norm, accumulation and loss scaling need the whole model and are refused (see
 *       {@link Builder#forTrainer()}), and a non-finite gradient stops training ({@link Diverged}) since the step
 *       cannot be skipped whole. A controller's rate is an input of {@link #step(List, DoubleUnaryOperator)}, which
 *       DJL's Trainer never calls: closed-loop control runs with the whole model's step, as {@link Training} does.</li>
 * </ul>
 * Groups claim parameters by glob patterns over their paths in the block ({@link Claim}); {@link #assign} gives each
 * parameter its group. The update needs float32 parameters of the PyTorch engine on the CPU.
 */
public final class AnnealOptimizer extends Optimizer {
    private final Method rule;
    private final ScheduleSet schedules;
    private final List<Hyperparameters> groups;
    private final List<Claim> claims;
    private final GradientPipeline pipeline;
    private final GradientAccumulator accumulator; // null without accumulation
    private final String perParameterRefusal;      // why update() cannot be used, or null
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final double[][] values;       // per group: the values of the last whole-model step
    private final double[][] perParameter; // per group: the values of update()'s parameter
    private long step, updates;
    private Verdict lastVerdict;

    /** Per parameter: its update count, moments, and copies of weight, gradient and (accumulating) step gradient. */
    private static final class State {
        long count;
        float[][] moments = new float[2][]; // momentum buffer, or Adam's m and v
        float[] weight, grad, stepGrad;
        NDArray array;
        String id;
        boolean gradChecked;
    }

    private AnnealOptimizer(Builder b) {
        super(b);
        this.rule = b.rule;
        this.schedules = b.schedules;
        this.groups = new ArrayList<>();
        for (String name : b.schedules.groups()) {
            Map<String, Schedule> own = new LinkedHashMap<>(b.schedules.group(name));
            // A method's non-zero momentum default comes right after the set's own names: the trace's column order.
            double momentum = rule.defaults().getOrDefault("momentum", 0.0);
            if (momentum != 0) own.putIfAbsent("momentum", Schedule.constant(momentum));
            groups.add(Hyperparameters.of(rule, name, own).requireRead());
        }
        this.claims = claims(b.claims, b.schedules.groups());
        this.values = new double[groups.size()][];
        this.perParameter = new double[groups.size()][];
        for (int i = 0; i < groups.size(); i++) {
            values[i] = new double[groups.get(i).names().size()];
            perParameter[i] = new double[groups.get(i).names().size()];
        }
        this.pipeline = new GradientPipeline(b.gradients);
        int accumulate = b.accumulate == null ? 1 : b.accumulate;
        this.accumulator = accumulate > 1 ? new GradientAccumulator(accumulate, b.reduction) : null;
        this.perParameterRefusal = perParameterRefusal(b.gradients, accumulate);
        if (b.forTrainer && perParameterRefusal != null) throw new IllegalArgumentException(perParameterRefusal);
    }

    /** Why DJL's per-parameter {@code update} cannot run this configuration, or null when it can. */
    private static String perParameterRefusal(GradConfig gradients, int accumulate) {
        String whole = gradients.clipping() instanceof Clipping.ByNorm ? "clipping by the global norm"
                : accumulate > 1 ? "gradient accumulation"
                : !(gradients.lossScaling() instanceof LossScaling.Off) ? "loss scaling (its skip of a whole step on overflow)"
                : null;
        return whole == null ? null : whole + " needs the whole model's gradients at once, and DJL's Trainer calls update() one parameter "
                + "at a time: train with step(parameters) after each backward pass instead";
    }

    private static List<Claim> claims(List<Claim> given, List<String> groups) {
        if (given.isEmpty() && groups.size() == 1) return List.of(Claim.of(groups.getFirst(), "*"));
        for (Claim c : given) {
            if (!groups.contains(c.group())) throw new IllegalArgumentException("claim " + c + ": the schedule set has no group " + c.group() + " (groups: " + groups + ")");
        }
        for (String g : groups) {
            if (given.stream().noneMatch(c -> c.group().equals(g))) throw new IllegalArgumentException("group " + g + " claims no parameters: give it a pattern");
        }
        return List.copyOf(given);
    }

    public static Builder builder(Method rule, ScheduleSet schedules) {
        return new Builder(rule, schedules);
    }

    /** The file's schedules and claims. */
    public static Builder builder(Method rule, ScheduleFile file) {
        return new Builder(rule, file.schedules()).claims(file.claims());
    }

    public Method rule() {
        return rule;
    }

    /** The schedule set, the network's names (dropout, …) included. */
    public ScheduleSet schedules() {
        return schedules;
    }

    /** The group that claims the parameter at {@code path} (the first claim that matches), as {@link #assign} gives it. */
    public String groupClaiming(String path) {
        for (Claim c : claims) if (c.matches(path)) return c.group();
        throw new IllegalArgumentException("parameter " + path + " is claimed by no group (claims: " + claims
                + "): add its path to a pattern, or end with a group that claims \"*\"");
    }

    /** Steps taken (applied or skipped): the step whose hyperparameters the next update reads. */
    public long step() {
        return step;
    }

    /** The gradient stage's settings. */
    public GradConfig gradients() {
        return pipeline.config();
    }

    /** The gradient stage's counters and loss scale so far. */
    public GradState gradientState() {
        return pipeline.state();
    }

    /** The loss scale the next backward pass must multiply the loss by (1 without loss scaling). */
    public float lossScale() {
        return pipeline.scale();
    }

    /** What the pipeline decided at the last step; null before the first. */
    public Verdict lastVerdict() {
        return lastVerdict;
    }

    /** The global gradient norm (of the reduced gradient, before clipping) at the last step; NaN before it or when it was skipped. */
    public double lastGradNorm() {
        return lastVerdict instanceof Verdict.Apply a ? a.normBefore() : Double.NaN;
    }

    /**
     * Gives each trainable parameter, by its path in the block ({@code block.getParameters().toMap()}), the first
     * group whose claim matches. A parameter no group claims, or a group that claims none, is an error.
     */
    public void assign(Map<String, Parameter> byPath) {
        Map<String, Integer> assigned = new HashMap<>();
        int[] counts = new int[groups.size()];
        for (Map.Entry<String, Parameter> e : byPath.entrySet()) {
            if (!e.getValue().requiresGradient()) continue;
            int group = groupIndex(groupClaiming(e.getKey()));
            assigned.put(e.getValue().getId(), group);
            counts[group]++;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new IllegalArgumentException("group " + groups.get(i).group() + " claims no parameter: its patterns match none of "
                        + byPath.keySet() + " (or an earlier group took them)");
            }
        }
        groupOf.clear();
        groupOf.putAll(assigned);
    }

    private int groupIndex(String name) {
        for (int i = 0; i < groups.size(); i++) if (groups.get(i).group().equals(name)) return i;
        throw new IllegalStateException(name);
    }

    /** The scheduled values at {@code step}, as trace columns: {@code lr}, …, or {@code group.lr}, … */
    public Map<String, Double> hyperparameters(long step) {
        return hyperparameters(step, DoubleUnaryOperator.identity());
    }

    /** The values the update at {@code step} applies with {@code rate} (as {@link #step(List, DoubleUnaryOperator)} takes it). */
    public Map<String, Double> hyperparameters(long step, DoubleUnaryOperator rate) {
        double[][] v = new double[groups.size()][];
        for (int i = 0; i < groups.size(); i++) {
            v[i] = new double[groups.get(i).names().size()];
            groups.get(i).read(step, rate, v[i]);
        }
        return columns(v);
    }

    /** The values the last whole-model step (taken or skipped by {@link #step(List, DoubleUnaryOperator)} or {@link #flush}) applied, as {@link #hyperparameters(long)} gives them. */
    public Map<String, Double> lastHyperparameters() {
        if (lastVerdict == null) throw new IllegalStateException("no step taken yet");
        return columns(values);
    }

    /** Trace columns: {@code lr}, …, or {@code group.lr}, … with several groups. */
    private Map<String, Double> columns(double[][] v) {
        Map<String, Double> columns = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            Hyperparameters h = groups.get(g);
            for (int i = 0; i < v[g].length; i++) columns.put(groups.size() == 1 ? h.names().get(i) : h.group() + "." + h.names().get(i), v[g][i]);
        }
        return columns;
    }

    // ---- the whole model's step --------------------------------------------------------------------------------

    /**
     * Takes one micro-batch's gradients (already in the parameters' gradient arrays, which it zeroes); on every
     * {@code accumulate}-th call runs the pipeline and, unless it vetoes, the update. Returns whether a step was
     * taken (applied or skipped: see {@link #lastVerdict()}).
     */
    public boolean step(List<Parameter> parameters) {
        return step(parameters, DoubleUnaryOperator.identity());
    }

    /**
     * As {@link #step(List)}, with the rate as an explicit input of the step, as optim's
     * {@link dev.anneal.optim.Optimizer#step(List, DoubleUnaryOperator)} takes it: {@code rate} maps each group's
     * scheduled lr to the lr applied (a controller's decision). The values applied are checked like scheduled ones.
     * This is how a controller drives real training; DJL's per-parameter {@link #update} has no such input.
     */
    public boolean step(List<Parameter> parameters, DoubleUnaryOperator rate) {
        List<State> trained = read(parameters);
        if (accumulator != null && !accumulator.add(grads(trained, false), grads(trained, true))) return false;
        return take(trained, rate);
    }

    /** Takes a step with the micro-batches accumulated so far, if any (the end of an epoch); false when none are pending. */
    public boolean flush(List<Parameter> parameters) {
        return flush(parameters, DoubleUnaryOperator.identity());
    }

    /** As {@link #flush(List)}, at the explicit {@code rate} of {@link #step(List, DoubleUnaryOperator)}. */
    public boolean flush(List<Parameter> parameters, DoubleUnaryOperator rate) {
        if (accumulator == null || accumulator.pending() == 0) return false;
        List<State> trained = states(parameters);
        accumulator.flush(grads(trained, true));
        return take(trained, rate);
    }

    /** Copies each trained parameter's gradient out and zeroes it (PyTorch adds the next backward pass to it). */
    private List<State> read(List<Parameter> parameters) {
        List<State> trained = states(parameters);
        int i = 0;
        for (Parameter p : parameters) {
            if (p.requiresGradient()) readGradient(trained.get(i++), p.getArray().getGradient(), p.getName());
        }
        return trained;
    }

    private List<State> states(List<Parameter> parameters) {
        List<State> trained = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!p.requiresGradient()) continue;
            trained.add(state(p.getId(), p.getArray()));
        }
        return trained;
    }

    private List<float[]> grads(List<State> trained, boolean step) {
        List<float[]> out = new ArrayList<>(trained.size());
        for (State s : trained) out.add(step ? s.stepGrad : s.grad);
        return out;
    }

    /** Checks every group's values, runs the pipeline on the step's gradients, and applies the update unless it vetoes. */
    private boolean take(List<State> trained, DoubleUnaryOperator rate) {
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).read(step, rate, values[i]);
            groups.get(i).check(values[i], step);
        }
        lastVerdict = process(grads(trained, accumulator != null));
        if (lastVerdict.applies()) {
            updates++;
            for (State s : trained) apply(s, accumulator != null ? s.stepGrad : s.grad);
        }
        step++;
        return true;
    }

    // ---- DJL's per-parameter update ----------------------------------------------------------------------------

    /** DJL's per-parameter entry point (used by DJL's {@code Trainer}); reads the schedules at the parameter's own count. */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        if (perParameterRefusal != null) throw new IllegalStateException(perParameterRefusal);
        State s = state(parameterId, weight);
        int group = group(parameterId);
        double[] v = perParameter[group];
        groups.get(group).read(s.count, DoubleUnaryOperator.identity(), v);
        groups.get(group).check(v, s.count);
        readGradient(s, grad, parameterId);
        Verdict verdict = pipeline.process(List.of(s.grad)); // no loss scaling here (refused above), so no underflow
        if (verdict instanceof Verdict.Skip skip) {
            throw new Diverged("parameter " + parameterId + "'s gradient holds " + skip.nonFinite() + " non-finite values (the first is " + skip.value()
                    + ") at its update " + s.count + ": DJL's Trainer updates one parameter at a time, so the step cannot be skipped whole;"
                    + " this parameter was left unchanged");
        }
        s.count++;
        applyKernel(s, groups.get(group), v, s.grad);
    }

    /** The pipeline's verdict; a loss scale that underflowed ends training as a divergence, which callers report. */
    private Verdict process(List<float[]> grads) {
        try {
            return pipeline.process(grads);
        } catch (LossScaleUnderflow e) {
            throw new Diverged(e.getMessage() + ", at step " + step);
        }
    }

    private int group(String parameterId) {
        Integer group = groupOf.get(parameterId);
        if (group != null) return group;
        if (groups.size() == 1) return 0;
        throw new IllegalStateException("parameter " + parameterId + " has no group: call assign(block.getParameters().toMap()) before training");
    }

    // ---- copies in and out of PyTorch's memory ------------------------------------------------------------------

    private State state(String id, NDArray weight) {
        State s = states.computeIfAbsent(id, k -> new State());
        if (s.array != weight) { // a new array (first use, or parameters loaded): check it and size the copies
            requireOwnMemory(weight, "parameter " + id);
            s.gradChecked = false;
            int n = Math.toIntExact(weight.size());
            if (s.weight == null || s.weight.length != n) {
                s.weight = new float[n];
                s.grad = new float[n];
                s.stepGrad = new float[n];
            }
            s.array = weight;
        }
        s.id = id;
        return s;
    }

    private static void readGradient(State s, NDArray grad, String name) {
        if (!s.gradChecked) requireOwnMemory(grad, name + "'s gradient");
        s.gradChecked = true;
        ByteBuffer memory = memory(grad, name, "'s gradient");
        memory.asFloatBuffer().get(0, s.grad);
        MemorySegment.ofBuffer(memory).fill((byte) 0);
    }

    private void apply(State s, float[] grad) {
        s.count = updates;
        int group = group(s.id);
        applyKernel(s, groups.get(group), values[group], grad);
    }

    /** One parameter's update at its group's values {@code v} with optim's kernels on a copy of its weight, written back. */
    private static void applyKernel(State s, Hyperparameters h, double[] v, float[] grad) {
        ByteBuffer weight = memory(s.array, "parameter", "");
        weight.asFloatBuffer().get(0, s.weight);
        // The scalar kernels: the same bits as the Vector API ones, but C2 compiles them within a few steps, while the
        // vector Adam runs slowly until C2 has inlined the Vector API (MLP, 157 to 628 steps: about half the time).
        h.update(KernelImpl.SCALAR, v, s.count, s.weight, grad, s.moments);
        weight.asFloatBuffer().put(0, s.weight);
    }

    /**
     * The array's memory, which the update reads and writes in place ({@link #requireOwnMemory} checked it is not a
     * copy); the error names it {@code what + part} (joined only then: this runs for every parameter at every step).
     */
    private static ByteBuffer memory(NDArray a, String what, String part) {
        if (a.getDataType() != DataType.FLOAT32 || !Device.cpu().equals(a.getDevice())
                || !"PyTorch".equals(a.getManager().getEngine().getEngineName())) {
            throw new IllegalStateException(what + part + " must be a float32 array of the PyTorch engine on the CPU (it is "
                    + a.getDataType() + " on " + a.getDevice() + " in " + a.getManager().getEngine().getEngineName() + ")");
        }
        return a.toByteBuffer(true);
    }

    /**
     * PyTorch's engine gives a contiguous array's own memory, the same at every call, and a non-contiguous one's
     * as a fresh contiguous copy, which writing would not reach: two calls tell them apart.
     */
    private static void requireOwnMemory(NDArray a, String what) {
        long first = MemorySegment.ofBuffer(memory(a, what, "")).address();
        long second = MemorySegment.ofBuffer(memory(a, what, "")).address();
        if (first != second) throw new IllegalStateException(what + " must be contiguous: the update writes its memory in place");
    }

    // ---- state --------------------------------------------------------------------------------------------------

    /**
     * optim's state of this optimizer over {@code parameters} (by path, in the block's order): step, updates, each
     * trained parameter's moments in its group, and the gradient stage's counters and loss scale.
     */
    public OptimizerState state(Map<String, Parameter> parameters) {
        if (accumulator != null && accumulator.pending() != 0) {
            throw new IllegalStateException("pending (" + accumulator.pending() + ") micro-batches must be flushed before saving");
        }
        List<OptimizerState.Block> blocks = new ArrayList<>();
        long count = -1;
        for (Parameter p : parameters.values()) {
            if (!p.requiresGradient()) continue;
            State s = states.get(p.getId());
            long c = s == null ? 0 : s.count;
            if (count >= 0 && c != count) {
                throw new IllegalStateException("parameters were updated unequal times (" + count + " and " + c + "): save between steps");
            }
            count = c;
            blocks.add(new OptimizerState.Block(groups.get(group(p.getId())).group(), Math.toIntExact(p.getArray().size()),
                    s == null ? null : copy(s.moments[0]), s == null ? null : copy(s.moments[1])));
        }
        // DJL's Trainer counts updates on each parameter (all equal, checked above); the whole model's step counts them here
        long applied = Math.max(updates, Math.max(count, 0));
        return new OptimizerState(rule.key(), Math.max(step, applied), applied, blocks, pipeline.state());
    }

    /** Continues from {@link #state}; the parameters (restored alongside) must be the same, in the same order. */
    public void restore(OptimizerState saved, Map<String, Parameter> parameters) {
        if (!saved.method().equals(rule.key())) {
            throw new IllegalArgumentException("optimizer state is for " + saved.method() + ", not " + rule.key());
        }
        List<Parameter> trained = parameters.values().stream().filter(Parameter::requiresGradient).toList();
        if (saved.blocks().size() != trained.size()) {
            throw new IllegalArgumentException("optimizer state has " + saved.blocks().size() + " parameters, the model " + trained.size());
        }
        Map<String, State> restored = new HashMap<>();
        for (int i = 0; i < trained.size(); i++) {
            Parameter p = trained.get(i);
            OptimizerState.Block b = saved.blocks().get(i);
            String group = groups.get(group(p.getId())).group();
            if (!b.group().equals(group) || b.length() != p.getArray().size()) {
                throw new IllegalArgumentException("optimizer state block " + i + " (" + b.group() + ", " + b.length() + " values) does not match parameter "
                        + p.getName() + " (" + group + ", " + p.getArray().size() + " values)");
            }
            if (saved.updates() > 0 && rule.adaptive() && (b.first() == null || b.second() == null)) {
                throw new IllegalArgumentException("optimizer state block " + i + " lacks the moments " + rule.key() + " keeps");
            }
            State s = new State();
            s.count = saved.updates();
            s.moments = new float[][] {copy(b.first()), copy(b.second())};
            restored.put(p.getId(), s);
        }
        pipeline.restore(saved.grad());
        states.clear();
        states.putAll(restored);
        step = saved.step();
        updates = saved.updates();
        lastVerdict = null;
    }

    private static float[] copy(float[] a) {
        return a == null ? null : a.clone();
    }

    /** Method, schedules, claims and the gradient stage. DJL's own rescale, clip and weight-decay settings are refused. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final Method rule;
        private final ScheduleSet schedules;
        private final List<Claim> claims = new ArrayList<>();
        private GradConfig gradients = GradConfig.plain();
        private Integer accumulate; // null until given: 1
        private Reduction reduction = Reduction.MEAN;
        private boolean forTrainer;

        private Builder(Method rule, ScheduleSet schedules) {
            if (rule == null) throw new IllegalArgumentException("rule (null) must be given");
            if (schedules == null) throw new IllegalArgumentException("schedules (null) must be given");
            this.rule = rule;
            this.schedules = schedules;
        }

        /** Group {@code group} takes the parameters whose path matches one of {@code patterns}, unless an earlier claim took them. */
        public Builder claim(String group, String... patterns) {
            return claims(List.of(Claim.of(group, patterns)));
        }

        public Builder claims(List<Claim> more) {
            claims.addAll(more);
            return this;
        }

        /** Clipping, loss scaling and fp16 emulation, as optim's pipeline does them (the default only guards against non-finite gradients). */
        public Builder gradients(GradConfig config) {
            if (config == null) throw new IllegalArgumentException("gradients (null) must be given");
            this.gradients = config;
            return this;
        }

        /** Scales the gradients so their global L2 norm is at most {@code maxNorm} (PyTorch's clip_grad_norm_). */
        public Builder clipNorm(double maxNorm) {
            Clipping clipping = Clipping.byNorm(maxNorm); // a bad value first, then a second setting
            Checks.setOnce("clipNorm", gradients.clipping() instanceof Clipping.ByNorm earlier ? earlier.maxNorm() : null, maxNorm);
            return gradients(gradients.withClipping(clipping));
        }

        /** One step per {@code microBatches} calls of {@code step}, with their mean gradient. */
        public Builder accumulate(int microBatches) {
            return accumulate(microBatches, Reduction.MEAN);
        }

        /** One step per {@code microBatches} calls of {@code step}, their gradients reduced by {@code reduction}. */
        public Builder accumulate(int microBatches, Reduction reduction) {
            if (microBatches < 1) throw new IllegalArgumentException("accumulate (" + microBatches + ") must be >= 1");
            if (reduction == null) throw new IllegalArgumentException("reduction (null) must be given");
            Checks.setOnce("accumulate", accumulate, microBatches);
            this.accumulate = microBatches;
            this.reduction = reduction;
            return this;
        }

        /** The optimizer will run inside DJL's {@code Trainer} ({@link #update}): whole-model settings fail at build. */
        public Builder forTrainer() {
            this.forTrainer = true;
            return this;
        }

        @Override
        public Builder setRescaleGrad(float rescaleGrad) {
            throw new UnsupportedOperationException("rescaleGrad: scale the loss instead; AnnealOptimizer reduces accumulated gradients itself");
        }

        @Override
        public Builder optWeightDecays(float weightDecays) {
            throw new UnsupportedOperationException("weightDecays: schedule weight_decay in the schedule set instead");
        }

        @Override
        public Builder optClipGrad(float clipGrad) {
            throw new UnsupportedOperationException("clipGrad: use gradients(GradConfig) with Clipping.byValue or byNorm instead");
        }

        @Override
        protected Builder self() {
            return this;
        }

        public AnnealOptimizer build() {
            return new AnnealOptimizer(this);
        }
    }
}
