package dev.anneal.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A small sweep of one parameter that a verdict is sensitive to (a margin within 20% of its threshold, or a
 * parameter on a knife edge). The runner judges every variant on the same seeds, and the report shows the verdict
 * at each value beside the study's own, so that a reader sees how far the verdict carries.
 */
public record Sweep(String parameter, List<Point> points) {
    public Sweep {
        if (points.isEmpty()) throw new IllegalArgumentException("sweep of " + parameter + " needs at least one value");
        points = List.copyOf(points);
    }

    /** One value of the parameter and the study run with it. */
    public record Point(String value, Study study) {}

    /** The verdict at one value. */
    public record Outcome(String value, Verdict verdict, String reason) {}

    /** {@code variant(v)} for each of {@code values}. */
    public static Sweep of(String parameter, DoubleFunction<Study> variant, double... values) {
        List<Point> points = new ArrayList<>();
        for (double v : values) points.add(new Point(Format.num(v), variant.apply(v)));
        return new Sweep(parameter, points);
    }
}
