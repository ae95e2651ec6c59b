package dev.anneal.optim;

import dev.anneal.optim.kernel.AdamScalars;
import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.optimizer.Hyperparameter;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InvalidInputException;
import dev.anneal.schedule.Schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * One parameter group's hyperparameters for a {@link Method} (core's one definition of each optimizer): the group's
 * schedules, then the method's defaults for the names it leaves out (alphabetically), in a fixed order. Values are
 * read at a step into an array and checked against the method's ranges (PyTorch's) before anything uses them.
 * Shared by every optimizer over a {@link ScheduleSet} (optim's {@link Optimizer}, the DJL optimizer).
 */
public final class Hyperparameters {
    private final Method method;
    private final String group;
    private final String path; // groups.NAME.: the key path every message names a value by
    private final List<String> names;
    private final Schedule[] schedules;
    private final int lr, weightDecay, momentum, dampening, beta1, beta2, eps; // -1 where the method does not read it

    private Hyperparameters(Method method, String group, String[] names, Schedule[] schedules) {
        this.method = method;
        this.group = group;
        this.path = "groups." + group + ".";
        this.names = List.of(names);
        this.schedules = schedules;
        lr = this.names.indexOf("lr");
        weightDecay = this.names.indexOf("weight_decay");
        momentum = this.names.indexOf("momentum");
        dampening = this.names.indexOf("dampening");
        beta1 = this.names.indexOf("beta1");
        beta2 = this.names.indexOf("beta2");
        eps = this.names.indexOf("eps");
    }

    /**
     * {@code group}'s {@code schedules} with {@code method}'s defaults appended. Fails when lr is neither
     * scheduled nor defaulted (SGD has no default lr, as in PyTorch).
     */
    public static Hyperparameters of(Method method, String group, Map<String, Schedule> schedules) {
        Map<String, Schedule> all = new LinkedHashMap<>(schedules);
        new TreeMap<>(method.defaults()).forEach((n, v) -> all.putIfAbsent(n, Schedule.constant(v)));
        Checks.argument(all.containsKey("lr"), "groups." + group + ".lr is required by " + method.key() + " and not defined");
        return new Hyperparameters(method, group, all.keySet().toArray(String[]::new), all.values().toArray(Schedule[]::new));
    }

    /** {@code group}'s schedules in {@code set}, with the method's defaults. */
    public static Hyperparameters of(Method method, ScheduleSet set, String group) {
        return of(method, group, set.group(group));
    }

    /** The names a method reads, alphabetically. */
    public static List<String> readBy(Method method) {
        return List.copyOf(new TreeSet<>(method.hyperparameters().stream().map(Hyperparameter::name).toList()));
    }

    public Method method() {
        return method;
    }

    public String group() {
        return group;
    }

    /** Every name, in value order: the group's own, then the method's defaults. */
    public List<String> names() {
        return names;
    }

    public Schedule schedule(int index) {
        return schedules[index];
    }

    /** Where {@code name}'s value sits in {@link #read}'s array. */
    public int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(path + name + " is not defined; group " + group + " has " + names);
        return i;
    }

    /** The group's names that neither the method nor the network reads ({@link Regularizers}): a typo, or a name of another method. */
    public List<String> unread() {
        List<String> read = readBy(method);
        return names.stream().filter(n -> !read.contains(n) && !Regularizers.isRegularizer(n)).toList();
    }

    /** This, unless a name is {@link #unread}: then an error naming it and what the method reads. */
    public Hyperparameters requireRead() {
        List<String> unread = unread();
        if (!unread.isEmpty()) {
            throw new IllegalArgumentException(path + unread.getFirst() + " is not a hyperparameter of " + method.key()
                    + " (it reads " + String.join(", ", readBy(method)) + ")");
        }
        return this;
    }

    /**
     * Every value at {@code step} into {@code values}, lr mapped by {@code rate} (the step's rate input: a controller's
     * decision, or the identity), unchecked: {@link #check} what is applied.
     */
    public void read(long step, DoubleUnaryOperator rate, double[] values) {
        for (int i = 0; i < schedules.length; i++) values[i] = schedules[i].at(step);
        values[lr] = rate.applyAsDouble(values[lr]);
    }

    /**
     * Rejects a value outside the method's range (PyTorch's checks), naming it, its value, the rule and the step:
     * {@code groups.head.lr (-0.1) must be >= 0 and finite (step 2)}.
     */
    public void check(double[] values, long step) {
        try {
            check(values);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(e).atStep(step);
        }
    }

    private void check(double[] v) {
        method.check(path, name -> v[index(name)]);
    }

    /**
     * One block's update with {@link #read}'s values (checked), in PyTorch's operation order ({@link Kernels}, whose implementation {@link KernelImpl#best()} picks). {@code moments}
     * holds the block's momentum buffer (SGD) or m and v (Adam), created here on first use; {@code updates} counts
     * the block's applied updates, this one included (Adam's bias correction). {@code g} may be changed.
     */
    public void update(double[] v, long updates, float[] p, float[] g, float[][] moments) {
        update(KernelImpl.best(), v, updates, p, g, moments);
    }

    /** As {@link #update(double[], long, float[], float[], float[][])}, with the kernels of {@code kernels} (all give the same bits). */
    public void update(KernelImpl kernels, double[] v, long updates, float[] p, float[] g, float[][] moments) {
        double rate = v[lr], decay = v[weightDecay];
        switch (method) {
            case SGD, MOMENTUM, NESTEROV -> {
                double mu = v[momentum];
                boolean start = mu != 0 && moments[0] == null;
                if (start) moments[0] = new float[p.length];
                kernels.sgd(p, g, moments[0], 0, p.length, (float) rate, (float) mu, (float) v[dampening], (float) decay,
                        method == Method.NESTEROV, start);
            }
            case ADAM, ADAMW, ADAM_NO_BIAS_CORRECTION -> {
                if (moments[0] == null) moments[0] = new float[p.length];
                if (moments[1] == null) moments[1] = new float[p.length];
                kernels.adam(p, g, moments[0], moments[1], 0, p.length,
                        AdamScalars.of(rate, decay, method.decoupled(), v[beta1], v[beta2], v[eps], updates, method.biasCorrection()));
            }
        }
    }
}
