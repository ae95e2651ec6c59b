package dev.anneal.djl;

import ai.djl.nn.Block;
import dev.anneal.optim.Regularizers;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.function.Function;

/**
 * What a {@link Model}'s regularizers read from a schedule set, at the {@link StepClock}'s step: {@code dropout}
 * and {@code bn_momentum} per parameter group (a layer takes the group of the parameters just before it), and
 * {@code label_smoothing} and {@code augment} for the whole run (so every group must give them the same
 * definition: put them under {@code defaults}). Names a set leaves out take their unscheduled values (no dropout,
 * no smoothing, no augmentation, PyTorch's BatchNorm momentum 0.1), with which the network trains exactly as
 * one without these parts.
 */
public final class Regularization {
    private final StepClock clock = new StepClock();
    private final ScheduleSet set;
    private final Function<String, String> groupOf;
    private final long seed;
    private int layers;

    /** {@code set}'s values; {@code groupOf} gives the group that claims a parameter path. */
    public Regularization(ScheduleSet set, Function<String, String> groupOf, long seed) {
        this.set = set;
        this.groupOf = groupOf;
        this.seed = seed;
        for (String name : List.of(Regularizers.LABEL_SMOOTHING, Regularizers.AUGMENT)) global(name);
    }

    /** Every name at its unscheduled value: the plain network. */
    public static Regularization none(long seed) {
        return new Regularization(ScheduleSet.builder().build(), path -> "default", seed);
    }

    public StepClock clock() {
        return clock;
    }

    /** A dropout layer after the parameter at {@code path}, reading that parameter's group's rate. */
    public ScheduledDropout dropout(String path) {
        return new ScheduledDropout(clock, ScheduledValue.of(set, groupOf.apply(path), Regularizers.DROPOUT), seed, ++layers);
    }

    /** A BatchNorm layer after the parameter at {@code path}, reading that parameter's group's momentum. */
    public ScheduledBatchNorm batchNorm(String path) {
        return new ScheduledBatchNorm(clock, ScheduledValue.of(set, groupOf.apply(path), Regularizers.BN_MOMENTUM));
    }

    public LabelSmoothingLoss loss() {
        return new LabelSmoothingLoss(clock, global(Regularizers.LABEL_SMOOTHING));
    }

    public Augmentation augmentation() {
        return new Augmentation(clock, global(Regularizers.AUGMENT), seed);
    }

    /** A name that applies to the whole batch: the same definition in every group. */
    private ScheduledValue global(String name) {
        List<String> groups = set.groups();
        Schedule first = set.group(groups.getFirst()).get(name);
        for (String g : groups) {
            Schedule s = set.group(g).get(name);
            if (!String.valueOf(s).equals(String.valueOf(first))) {
                throw new IllegalArgumentException("groups." + g + "." + name + " (" + s + ") differs from groups." + groups.getFirst() + "." + name
                        + " (" + first + "): " + name + " applies to the whole batch; define it once under defaults");
            }
        }
        return first == null ? ScheduledValue.fixed(name, Regularizers.range(name).orElseThrow().unscheduled())
                : new ScheduledValue(groups.size() == 1 ? "groups." + groups.getFirst() + "." + name : "defaults." + name, name, first);
    }

    /** The path of {@code block}'s first parameter as a child {@code name} of a sequential block: {@code 01Linear_weight}. */
    static String firstParameter(String name, Block block) {
        return name + "_" + block.getParameters().keys().getFirst();
    }
}
