package dev.anneal.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.anneal.optim.Hyperparameters;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.schedule.Schedule;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DJL {@link Optimizer} that reads every hyperparameter from an Anneal {@link ScheduleSet}, per parameter group,
 * with optim's update rules, names, defaults and range checks ({@link Hyperparameters}, PyTorch's torch.optim
 * semantics), global-norm gradient clipping and gradient accumulation.
 *
 * <p>Groups claim parameters by glob patterns over their paths in the block ({@link Claim}); {@link #assign} gives
 * each parameter its group (DJL's {@link Parameter} does not know its path). A set with one group needs no claims.
 * In a training loop call {@link #step(List)} after each backward pass: it accumulates micro-batches, clips by the
 * global norm, applies one update at the optimizer's step and zeroes the gradients. Inside DJL's own
 * {@code Trainer}, {@link #update} applies each parameter's update at that parameter's own step (as PyTorch's
 * per-parameter {@code state["step"]}). The update runs optim's kernels on the parameter's memory, read and
 * written in place, so it needs float32 parameters of the PyTorch engine on the CPU.
 */
public final class AnnealOptimizer extends Optimizer {
    private static final int FORMAT = 2;

    private final Rule rule;
    private final ScheduleSet schedules;
    private final List<Hyperparameters> groups;
    private final List<Claim> claims;
    private final double clipNorm;
    private final int accumulate;
    private final boolean measureGradNorm;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final List<State> pendingStates = new ArrayList<>();
    private final double[][] values;
    private long step;
    private int pending;
    private double lastGradNorm = Double.NaN;
    private double lrFactor = 1;

    /** Per parameter: its update count (PyTorch's {@code state["step"]}), moments, and scratch copies of weight and gradient. */
    private static final class State {
        long count;
        final float[][] moments = new float[2][]; // momentum buffer, or Adam's m and v
        float[] weight, grad;
        ByteBuffer gradMemory;
        NDArray array;
        boolean gradChecked;
    }

    private AnnealOptimizer(Builder b) {
        super(b);
        this.rule = b.rule;
        this.schedules = b.schedules;
        this.groups = new ArrayList<>();
        for (String name : b.schedules.groups()) {
            Map<String, Schedule> own = new LinkedHashMap<>(b.schedules.group(name));
            rule.defaults().forEach((n, v) -> own.putIfAbsent(n, Schedule.constant(v)));
            Hyperparameters h = Hyperparameters.of(rule.method(), name, own);
            if (!h.unread().isEmpty()) {
                throw new IllegalArgumentException("groups." + name + "." + h.unread().getFirst() + " is not a hyperparameter of " + rule.key()
                        + " (it reads " + String.join(", ", Hyperparameters.readBy(rule.method())) + ")");
            }
            groups.add(h);
        }
        this.claims = claims(b.claims, b.schedules.groups());
        this.values = new double[groups.size()][];
        for (int i = 0; i < groups.size(); i++) values[i] = new double[groups.get(i).names().size()];
        this.clipNorm = b.clipNorm;
        this.accumulate = b.accumulate;
        this.measureGradNorm = b.measureGradNorm;
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

    public static Builder builder(Rule rule, ScheduleSet schedules) {
        return new Builder(rule, schedules);
    }

    /** The file's schedules and claims. */
    public static Builder builder(Rule rule, ScheduleFile file) {
        return new Builder(rule, file.schedules()).claims(file.claims());
    }

    public Rule rule() {
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

    /** Updates applied so far: the step whose hyperparameters the next update reads. */
    public long step() {
        return step;
    }

    /** The global gradient norm (of the mean gradient, before clipping) at the last update; NaN unless clipping or measuring. */
    public double lastGradNorm() {
        return lastGradNorm;
    }

    /** The factor a controller applies to every group's scheduled lr from the next update on (1 by default). */
    public double learningRateFactor() {
        return lrFactor;
    }

    /** Sets the factor a controller applies to every group's scheduled lr from the next update on. */
    public void scaleLearningRate(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) throw new IllegalArgumentException("lr factor (" + factor + ") must be >= 0 and finite");
        lrFactor = factor;
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

    /** The values the update at {@code step} reads, as trace columns: {@code lr}, …, or {@code group.lr}, … */
    public Map<String, Double> hyperparameters(long step) {
        Map<String, Double> columns = new LinkedHashMap<>();
        for (Hyperparameters h : groups) {
            double[] v = new double[h.names().size()];
            read(h, step, v);
            for (int i = 0; i < v.length; i++) columns.put(column(h, i), v[i]);
        }
        return columns;
    }

    private String column(Hyperparameters h, int i) {
        return groups.size() == 1 ? h.names().get(i) : h.group() + "." + h.names().get(i);
    }

    /** The group's values at {@code at}, lr times the controller's factor. */
    private void read(Hyperparameters h, long at, double[] into) {
        h.read(at, into);
        into[h.index("lr")] *= lrFactor;
    }

    /**
     * Adds one micro-batch's gradients (already in the parameters' gradient arrays); on every
     * {@code accumulate}-th call applies the update with their mean. Returns whether it updated.
     */
    public boolean step(List<Parameter> parameters) {
        if (++pending < accumulate) return false;
        return flush(parameters);
    }

    /** Applies the update with the micro-batches accumulated so far, if any (for the end of an epoch). */
    public boolean flush(List<Parameter> parameters) {
        if (pending == 0) return false;
        valuesAt(step);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            pendingStates.clear();
            for (Parameter p : parameters) {
                if (!p.requiresGradient()) continue;
                State s = state(p.getId(), p.getArray());
                readGradient(s, p.getArray().getGradient(), p.getName());
                pendingStates.add(s);
            }
            double scale = 1.0 / pending;
            if (clipNorm > 0 || measureGradNorm) scale *= clipScale(pendingStates, scale);
            int k = 0;
            for (Parameter p : parameters) {
                if (!p.requiresGradient()) continue;
                State s = pendingStates.get(k++);
                if (scale != 1.0) scale(s.grad, (float) scale);
                apply(s, group(p.getId()));
            }
        }
        step++;
        pending = 0;
        return true;
    }

    /** PyTorch's clip_grad_norm_: the factor min(1, maxNorm / (norm + 1e-6)) for the gradients times {@code scale}. */
    private double clipScale(List<State> pending, double scale) {
        double sum = 0;
        for (State s : pending) for (float g : s.grad) sum += (double) g * g;
        double norm = Math.sqrt(sum) * scale;
        lastGradNorm = norm;
        if (!Double.isFinite(norm)) {
            throw new Diverged("gradient norm is " + norm + " at step " + step + ": the update was not applied");
        }
        return clipNorm > 0 ? Math.min(1.0, clipNorm / (norm + 1e-6)) : 1.0;
    }

    private static void scale(float[] g, float by) {
        for (int i = 0; i < g.length; i++) g[i] *= by;
    }

    /** DJL's per-parameter entry point (used by DJL's {@code Trainer}); reads the schedules at the parameter's own count. */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        State s = state(parameterId, weight);
        int group = group(parameterId);
        double[] v = values[group];
        read(groups.get(group), s.count, v);
        groups.get(group).check(v, s.count);
        readGradient(s, grad, parameterId);
        apply(s, group);
    }

    private int group(String parameterId) {
        Integer group = groupOf.get(parameterId);
        if (group != null) return group;
        if (groups.size() == 1) return 0;
        throw new IllegalStateException("parameter " + parameterId + " has no group: call assign(block.getParameters().toMap()) before training");
    }

    /** Each group's hyperparameters at step {@code at} into {@link #values}, checked before any parameter changes. */
    private void valuesAt(long at) {
        for (int i = 0; i < groups.size(); i++) {
            read(groups.get(i), at, values[i]);
            groups.get(i).check(values[i], at);
        }
    }

    private State state(String id, NDArray weight) {
        State s = states.computeIfAbsent(id, k -> new State());
        if (s.array != weight) { // a new array (first use, or parameters loaded): check it and size the scratch copies
            requireOwnMemory(weight, "parameter " + id);
            s.gradChecked = false;
            int n = Math.toIntExact(weight.size());
            if (s.weight == null || s.weight.length != n) {
                s.weight = new float[n];
                s.grad = new float[n];
            }
            s.array = weight;
        }
        return s;
    }

    private static void readGradient(State s, NDArray grad, String name) {
        if (!s.gradChecked) requireOwnMemory(grad, name + "'s gradient");
        s.gradChecked = true;
        s.gradMemory = memory(grad, name + "'s gradient");
        s.gradMemory.asFloatBuffer().get(0, s.grad);
    }

    /** One parameter's update with optim's kernels on copies of its weight and gradient; then the gradient is zeroed. */
    private void apply(State s, int group) {
        s.count++;
        ByteBuffer weight = memory(s.array, "parameter");
        weight.asFloatBuffer().get(0, s.weight);
        // The scalar kernels: the same bits as the Vector API ones, but C2 compiles them within a few steps, while the
        // vector Adam runs slowly until C2 has inlined the Vector API (MLP, 157 to 628 steps: about half the time).
        groups.get(group).update(KernelImpl.SCALAR, values[group], s.count, s.weight, s.grad, s.moments);
        weight.asFloatBuffer().put(0, s.weight);
        MemorySegment.ofBuffer(s.gradMemory).fill((byte) 0);
    }

    /** The array's memory, which the update reads and writes in place ({@link #requireOwnMemory} checked it is not a copy). */
    private static ByteBuffer memory(NDArray a, String what) {
        if (a.getDataType() != DataType.FLOAT32 || !Device.cpu().equals(a.getDevice())
                || !"PyTorch".equals(a.getManager().getEngine().getEngineName())) {
            throw new IllegalStateException(what + " must be a float32 array of the PyTorch engine on the CPU (it is "
                    + a.getDataType() + " on " + a.getDevice() + " in " + a.getManager().getEngine().getEngineName() + ")");
        }
        return a.toByteBuffer(true);
    }

    /**
     * PyTorch's engine gives a contiguous array's own memory, the same at every call, and a non-contiguous one's
     * as a fresh contiguous copy, which writing would not reach: two calls tell them apart.
     */
    private static void requireOwnMemory(NDArray a, String what) {
        long first = MemorySegment.ofBuffer(memory(a, what)).address();
        long second = MemorySegment.ofBuffer(memory(a, what)).address();
        if (first != second) throw new IllegalStateException(what + " must be contiguous: the update writes its memory in place");
    }

    // ---- checkpoints -----------------------------------------------------------------------------------------

    /** Writes the step, each parameter's count and moments, keyed by the parameter's name in {@code parameters}. */
    public void save(DataOutputStream out, Map<String, Parameter> parameters) throws IOException {
        if (pending != 0) throw new IllegalStateException("pending (" + pending + ") micro-batches must be flushed before saving");
        out.writeInt(FORMAT);
        out.writeUTF(rule.key());
        out.writeLong(step);
        out.writeInt(parameters.size());
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            State s = states.get(e.getValue().getId());
            out.writeUTF(e.getKey());
            out.writeLong(s == null ? 0 : s.count);
            writeFloats(out, s == null ? null : s.moments[0]);
            writeFloats(out, s == null ? null : s.moments[1]);
        }
    }

    /** Restores what {@link #save} wrote, onto the parameters of the same names ({@code manager} is not used since format 2). */
    public void load(DataInputStream in, Map<String, Parameter> parameters, NDManager manager) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) throw new IOException("not an Anneal optimizer checkpoint of format " + FORMAT + " (found " + format + ")");
        String saved = in.readUTF();
        if (!saved.equals(rule.key())) throw new IOException("checkpoint is for " + saved + ", not " + rule.key());
        step = in.readLong();
        pending = 0;
        states.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            Parameter p = parameters.get(name);
            if (p == null) throw new IOException("checkpoint has parameter " + name + ", which the model lacks");
            State s = new State();
            s.count = in.readLong();
            s.moments[0] = readFloats(in);
            s.moments[1] = readFloats(in);
            states.put(p.getId(), s);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values == null) return;
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
        bytes.asFloatBuffer().put(values);
        out.write(bytes.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        float[] values = new float[n];
        ByteBuffer.wrap(in.readNBytes(n * Float.BYTES)).asFloatBuffer().get(values);
        return values;
    }

    /** Rule, schedules, claims, clipping and accumulation. DJL's own rescale, clip and weight-decay settings are not read. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final Rule rule;
        private final ScheduleSet schedules;
        private final List<Claim> claims = new ArrayList<>();
        private double clipNorm;
        private int accumulate = 1;
        private boolean measureGradNorm;

        private Builder(Rule rule, ScheduleSet schedules) {
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

        /** Scales the gradients so their global L2 norm is at most {@code maxNorm} (PyTorch's clip_grad_norm_). */
        public Builder clipNorm(double maxNorm) {
            if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) throw new IllegalArgumentException("clipNorm (" + maxNorm + ") must be > 0 and finite");
            this.clipNorm = maxNorm;
            return this;
        }

        /** Applies one update per {@code microBatches} calls of {@code step}, with the mean gradient. */
        public Builder accumulate(int microBatches) {
            if (microBatches < 1) throw new IllegalArgumentException("accumulate (" + microBatches + ") must be >= 1");
            this.accumulate = microBatches;
            return this;
        }

        /** Measures the global gradient norm at every update (for a gradient-norm controller), clipping or not. */
        public Builder measureGradNorm() {
            this.measureGradNorm = true;
            return this;
        }

        @Override
        public Builder setRescaleGrad(float rescaleGrad) {
            throw new UnsupportedOperationException("rescaleGrad: scale the loss instead; AnnealOptimizer averages accumulated gradients itself");
        }

        @Override
        public Builder optWeightDecays(float weightDecays) {
            throw new UnsupportedOperationException("weightDecays: schedule weight_decay in the schedule set instead");
        }

        @Override
        public Builder optClipGrad(float clipGrad) {
            throw new UnsupportedOperationException("clipGrad: use clipNorm (global L2 norm) instead");
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
