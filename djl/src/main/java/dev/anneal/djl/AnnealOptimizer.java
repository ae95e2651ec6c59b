package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.anneal.schedule.Schedule;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DJL {@link Optimizer} whose every hyperparameter (lr, momentum, β1, β2, eps, weight decay) is an Anneal
 * {@link Schedule}, per parameter group, with PyTorch's update rules (torch.optim SGD, Adam, AdamW), global-norm
 * gradient clipping and gradient accumulation.
 *
 * <p>In a training loop call {@link #step(List)} after each backward pass: it accumulates micro-batches, clips by
 * the global norm, applies one update at the optimizer's step and zeroes the gradients. Inside DJL's own
 * {@code Trainer}, {@link #update} applies each parameter's update at that parameter's own step (as PyTorch's
 * per-parameter {@code state["step"]}); a parameter gets the group that {@code step} assigned it, or else the last
 * group. Clipping and accumulation need {@code step}.
 */
public final class AnnealOptimizer extends Optimizer {
    private static final int FORMAT = 1;

    private final Rule rule;
    private final List<Group> groups;
    private final List<Map<Hyper, Schedule>> schedules = new ArrayList<>();
    private final double clipNorm;
    private final int accumulate;
    private final boolean measureGradNorm;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Integer> groupOf = new HashMap<>();
    private long step;
    private int pending;
    private double lastGradNorm = Double.NaN;
    private double lrFactor = 1;

    /** Per parameter: its update count (PyTorch's {@code state["step"]}) and buffers. */
    private static final class State {
        long count;
        NDArray first, second; // momentum buffer, or Adam's m and v
    }

    private AnnealOptimizer(Builder b) {
        super(b);
        if (b.rule == null) throw new IllegalArgumentException("rule (null) must be given");
        if (b.groups.isEmpty()) throw new IllegalArgumentException("groups (none) must include at least one");
        this.rule = b.rule;
        this.groups = List.copyOf(b.groups);
        for (Group g : groups) schedules.add(g.complete(rule));
        this.clipNorm = b.clipNorm;
        this.accumulate = b.accumulate;
        this.measureGradNorm = b.measureGradNorm;
    }

    public static Builder builder(Rule rule) {
        return new Builder(rule);
    }

    public Rule rule() {
        return rule;
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

    /** The values the update at {@code step} reads, as trace columns: {@code lr}, …, or {@code group.lr}, … */
    public Map<String, Double> hyperparameters(long step) {
        Map<String, Double> columns = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String prefix = groups.size() == 1 ? "" : groups.get(i).name() + ".";
            for (Map.Entry<Hyper, Schedule> e : schedules.get(i).entrySet()) {
                double value = e.getValue().at(step);
                columns.put(prefix + e.getKey().key(), e.getKey() == Hyper.LR ? value * lrFactor : value);
            }
        }
        return columns;
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
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> grads = new ArrayList<>(parameters.size());
            for (Parameter p : parameters) if (p.requiresGradient()) grads.add(p.getArray().getGradient());
            double scale = 1.0 / pending;
            if (clipNorm > 0 || measureGradNorm) scale *= clipScale(grads, scale);
            if (scale != 1.0) for (NDArray g : grads) g.muli((float) scale);
            List<Map<Hyper, Double>> values = valuesAt(step);
            int k = 0;
            for (Parameter p : parameters) {
                if (!p.requiresGradient()) continue;
                NDArray grad = grads.get(k++);
                int group = groupOf.computeIfAbsent(p.getId(), id -> groupIndex(p));
                apply(p.getId(), p.getArray(), grad, values.get(group));
                if (rule.usesMomentumBuffer()) grad.subi(grad); // DJL's Adam kernel zeroes the gradient itself
            }
        }
        step++;
        pending = 0;
        return true;
    }

    /** PyTorch's clip_grad_norm_: the factor min(1, maxNorm / (norm + 1e-6)) for the gradients times {@code scale}. */
    private double clipScale(List<NDArray> grads, double scale) {
        double sum = 0;
        for (NDArray g : grads) sum += g.square().sum().getFloat();
        double norm = Math.sqrt(sum) * scale;
        lastGradNorm = norm;
        if (!Double.isFinite(norm)) {
            throw new Diverged("gradient norm is " + norm + " at step " + step + ": the update was not applied");
        }
        return clipNorm > 0 ? Math.min(1.0, clipNorm / (norm + 1e-6)) : 1.0;
    }

    /** DJL's per-parameter entry point (used by DJL's {@code Trainer}); reads the schedules at the parameter's own count. */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long count = states.containsKey(parameterId) ? states.get(parameterId).count : 0;
            apply(parameterId, weight, grad, valuesAt(count).get(groupOf.getOrDefault(parameterId, groups.size() - 1)));
        }
    }

    /** Each group's hyperparameters at step {@code at}, checked. */
    private List<Map<Hyper, Double>> valuesAt(long at) {
        List<Map<Hyper, Double>> values = new ArrayList<>(groups.size());
        for (Map<Hyper, Schedule> group : schedules) {
            Map<Hyper, Double> v = new EnumMap<>(Hyper.class);
            for (Map.Entry<Hyper, Schedule> e : group.entrySet()) {
                double value = e.getValue().at(at);
                v.put(e.getKey(), e.getKey().check(e.getKey() == Hyper.LR ? value * lrFactor : value, at));
            }
            values.add(v);
        }
        return values;
    }

    private int groupIndex(Parameter p) {
        for (int i = 0; i < groups.size(); i++) if (groups.get(i).members().test(p)) return i;
        throw new IllegalArgumentException("parameter " + p.getName() + " is in no group: end the groups with one that accepts every parameter");
    }

    /** One parameter's update, in PyTorch's operation order. Temporaries belong to the caller's NDScope. */
    private void apply(String id, NDArray w, NDArray g, Map<Hyper, Double> h) {
        State s = states.computeIfAbsent(id, k -> new State());
        s.count++;
        float lr = h.get(Hyper.LR).floatValue(), wd = h.get(Hyper.WEIGHT_DECAY).floatValue();
        if (rule.usesMomentumBuffer()) {
            float mu = h.get(Hyper.MOMENTUM).floatValue();
            NDArray d = wd != 0 ? g.add(w.mul(wd)) : g;
            if (mu != 0) {
                if (s.first == null) s.first = keep(d.duplicate());
                else s.first.muli(mu).addi(d);
                d = rule == Rule.NESTEROV ? d.add(s.first.mul(mu)) : s.first;
            }
            w.subi(d.mul(lr));
            return;
        }
        double b1 = h.get(Hyper.BETA1), b2 = h.get(Hyper.BETA2);
        if (s.first == null) {
            s.first = keep(w.zerosLike());
            s.second = keep(w.zerosLike());
        }
        double bc1 = 1 - Math.pow(b1, s.count), bc2Sqrt = Math.sqrt(1 - Math.pow(b2, s.count));
        // PyTorch: w −= lr/bc1 · m / (sqrt(v)/bc2Sqrt + eps), which is (lr·bc2Sqrt/bc1) · m / (sqrt(v) + eps·bc2Sqrt):
        // the form of DJL's fused kernel (one native call instead of ten). It also zeroes w's gradient.
        w.getNDArrayInternal().adamUpdate(new NDList(w, g, s.first, s.second), new NDList(w), lr, (float) (lr * bc2Sqrt / bc1),
                wd, 1f, -1f, (float) b1, (float) b2, (float) (h.get(Hyper.EPS) * bc2Sqrt), false, rule == Rule.ADAMW);
    }

    private static NDArray keep(NDArray state) {
        NDScope.unregister(state);
        return state;
    }

    // ---- checkpoints -----------------------------------------------------------------------------------------

    /** Writes the step, each parameter's count and buffers, keyed by the parameter's name in {@code parameters}. */
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
            writeArray(out, s == null ? null : s.first);
            writeArray(out, s == null ? null : s.second);
        }
    }

    /** Restores what {@link #save} wrote, onto the parameters of the same names; buffers go to {@code manager}. */
    public void load(DataInputStream in, Map<String, Parameter> parameters, NDManager manager) throws IOException {
        if (in.readInt() != FORMAT) throw new IOException("not an Anneal optimizer checkpoint (format " + FORMAT + ")");
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
            s.first = readArray(in, manager);
            s.second = readArray(in, manager);
            states.put(p.getId(), s);
        }
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array == null ? new byte[0] : array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        byte[] bytes = in.readNBytes(in.readInt());
        return bytes.length == 0 ? null : NDArray.decode(manager, bytes);
    }

    /** Groups, rule, clipping and accumulation. DJL's own rescale, clip and weight-decay settings are not read. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final Rule rule;
        private final List<Group> groups = new ArrayList<>();
        private double clipNorm;
        private int accumulate = 1;
        private boolean measureGradNorm;

        private Builder(Rule rule) {
            this.rule = rule;
        }

        /** Adds a group; parameters go to the first group that accepts them. */
        public Builder group(Group group) {
            groups.add(group);
            return this;
        }

        /** One group for every parameter. */
        public Builder schedules(Map<Hyper, Schedule> schedules) {
            return group(Group.all(schedules));
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
            throw new UnsupportedOperationException("weightDecays: schedule weight_decay in the group instead");
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
