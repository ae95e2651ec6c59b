package dev.anneal.sweep;

import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.task.Rugged;
import dev.anneal.lab.task.Task;
import dev.anneal.lab.train.Descent;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optimizer.Method;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A trial on one of the lab's tasks, trained by optim's optimizer under the trial's schedule set. Deterministic: the
 * start point comes from the seed and the gradient noise of step t from (seed, t) alone, so every trial with one
 * seed sees the same data order and a run to step n is the prefix of a longer run.
 *
 * <p>Tasks: {@code quadratic} (dimension, min, max: curvatures log-spaced), {@code rugged} (dimension, bowl, depth,
 * width); both take {@code noise} (σ of the gradient noise per coordinate, default 0) and {@code start} (σ of the
 * start point, default 1).
 */
public final class LabTrial {
    static final Set<String> TASKS = Set.of("quadratic", "rugged");

    private LabTrial() {}

    /** Runs {@code s}'s task under {@code set} (a schedule-set file read back, for a replay) for {@code budget} steps. */
    public static Outcome run(Setup s, ScheduleSet set, long budget) {
        Task task = task(s.task());
        double noise = number(s.task(), "noise", 0);
        float[] x = new float[task.dimension()];
        SplittableRandom start = new SplittableRandom(s.seed());
        double scale = number(s.task(), "start", 1);
        for (int i = 0; i < x.length; i++) x[i] = (float) (scale * start.nextGaussian());
        Optimizer optimizer = Optimizer.builder(Method.of(s.optimizer()), set).group("default", x).build();
        double[] curve = new double[(int) (budget / s.every()) + 1];
        float[] g = new float[x.length];
        List<float[]> gradients = List.of(g);
        curve[0] = task.loss(x);
        for (long t = 0; t < budget; t++) {
            task.gradient(x, g);
            if (noise > 0) {
                SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + t);
                for (int i = 0; i < g.length; i++) g[i] += (float) (noise * rng.nextGaussian());
            }
            optimizer.step(gradients);
            if ((t + 1) % s.every() == 0) {
                int k = (int) ((t + 1) / s.every());
                curve[k] = task.loss(x);
                if (Descent.diverged(curve[k])) {
                    java.util.Arrays.fill(curve, k, curve.length, Double.POSITIVE_INFINITY);
                    break;
                }
            }
        }
        return Outcome.of(curve, s.every());
    }

    static Task task(Map<String, String> p) {
        String name = p.getOrDefault("name", "");
        return switch (name) {
            case "quadratic" -> Quadratic.logSpaced((int) number(p, "dimension", 16), number(p, "min", 0.01), number(p, "max", 1));
            case "rugged" -> new Rugged((int) number(p, "dimension", 8), number(p, "bowl", 0.1), number(p, "depth", 1), number(p, "width", 1));
            default -> throw new IllegalArgumentException("task.name (" + name + ") must be one of " + String.join(", ", TASKS.stream().sorted().toList()));
        };
    }

    private static double number(Map<String, String> p, String key, double fallback) {
        String v = p.get(key);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task." + key + " (" + v + ") must be a number");
        }
    }
}
