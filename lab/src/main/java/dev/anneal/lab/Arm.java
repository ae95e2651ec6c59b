package dev.anneal.lab;

import java.util.Arrays;

/** One arm's metric over the seeds: the values, their mean and the standard error of the mean. */
public record Arm(String name, double[] values) {
    public Arm {
        if (values.length == 0) throw new IllegalArgumentException("arm '" + name + "' has no values");
        for (double v : values)
            if (!Double.isFinite(v)) throw new IllegalArgumentException("arm '" + name + "' has a non-finite value " + v);
        values = values.clone();
    }

    public int n() {
        return values.length;
    }

    public double mean() {
        double s = 0;
        for (double v : values) s += v;
        return s / values.length;
    }

    /** Sample standard deviation over √n; 0 for a single value. */
    public double se() {
        int n = values.length;
        if (n < 2) return 0;
        double m = mean(), ss = 0;
        for (double v : values) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (n - 1) / n);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arm a && name.equals(a.name) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + " " + Format.pm(mean(), se());
    }
}
