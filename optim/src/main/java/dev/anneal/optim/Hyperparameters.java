package dev.anneal.optim;

import dev.anneal.optim.kernel.AdamScalars;
import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.optimizer.Hyperparameter;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InvalidInputException;
import dev.anneal.schedule.Schedule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One parameter group's hyperparameters for a {@link Method} (core's one definition of each optimizer): the group's
 * schedules, then the method's defaults for the names it leaves out (alphabetically), in a fixed order. Values are
 * read at a step into an array and checked against the method's ranges (PyTorch's) before anything uses them.
 * Shared by every optimizer over a {@link ScheduleSet} (optim's {@link Optimizer}, the DJL optimizer).
 */
public final class Hyperparameters {
    private final Method method;
    private final String group;
    private final String[] names;
    private final Schedule[] schedules;
    private final int lr, weightDecay, momentum, dampening, beta1, beta2, eps; // -1 where the method does not read it

    private Hyperparameters(Method method, String group, String[] names, Schedule[] schedules) {
        this.method = method;
        this.group = group;
        this.names = names;
        this.schedules = schedules;
        List<String> list = List.of(names);
        lr = list.indexOf("lr");
        weightDecay = list.indexOf("weight_decay");
        momentum = list.indexOf("momentum");
        dampening = list.indexOf("dampening");
        beta1 = list.indexOf("beta1");
        beta2 = list.indexOf("beta2");
        eps = list.indexOf("eps");
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
        return List.of(names);
    }

    public Schedule schedule(int index) {
        return schedules[index];
    }

    /** Where {@code name}'s value sits in {@link #at}'s array. */
    public int index(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        throw new IllegalArgumentException("groups." + group + "." + name + " is not defined; group " + group + " has " + names());
    }

    /** The group's names that neither the method nor the network reads ({@link Regularizers}): a typo, or a name of another method. */
    public List<String> unread() {
        List<String> read = readBy(method);
        return Arrays.stream(names).filter(n -> !read.contains(n) && !Regularizers.isRegularizer(n)).toList();
    }

    /** Every value at {@code step}, checked. */
    public double[] at(long step) {
        double[] values = new double[names.length];
        read(step, values);
        check(values, step);
        return values;
    }

    /** Every value at {@code step} into {@code values}, unchecked (a caller that adjusts lr checks after). */
    public void read(long step, double[] values) {
        for (int i = 0; i < names.length; i++) values[i] = schedules[i].at(step);
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
        method.check("groups." + group + ".", name -> v[index(name)]);
    }

    /**
     * One block's update with {@link #at}'s values, in PyTorch's operation order ({@link Kernels}, whose implementation {@link KernelImpl#best()} picks). {@code moments}
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
