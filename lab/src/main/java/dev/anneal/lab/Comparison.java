package dev.anneal.lab;

/**
 * Two arms that share their seeds, compared seed by seed: the differences {@code dᵢ = bᵢ − aᵢ} (positive where arm
 * {@code a} is lower), their mean, standard error and sign count. Arms run on the same seed share data, noise and
 * initialisation, so the per-seed difference removes what they share; comparing the two means as if independent
 * would not.
 *
 * @param lower     seeds where {@code a} is strictly lower than {@code b}
 * @param separable false when on every seed the arms differ by no more than {@link #RESOLUTION} of their size: the
 *                  setup cannot tell them apart, whatever the standard error says
 */
public record Comparison(String a, String b, double mean, double se, int lower, int n, boolean separable) {
    /** Relative difference below which two values count as the same (0.1%). */
    public static final double RESOLUTION = 1e-3;

    /** The paired comparison of {@code a} against {@code b}; both must hold one value per seed, in seed order. */
    public static Comparison of(Arm a, Arm b) {
        double[] x = a.values(), y = b.values();
        if (x.length != y.length)
            throw new IllegalArgumentException("arms '" + a.name() + "' (" + x.length + " seeds) and '" + b.name() + "' (" + y.length + " seeds) must share their seeds");
        double[] d = new double[x.length];
        int lower = 0;
        boolean separable = false;
        for (int i = 0; i < x.length; i++) {
            d[i] = y[i] - x[i];
            if (x[i] < y[i]) lower++;
            separable |= Math.abs(d[i]) > RESOLUTION * Math.max(Math.abs(x[i]), Math.abs(y[i]));
        }
        Arm diff = new Arm(b.name() + " − " + a.name(), d);
        return new Comparison(a.name(), b.name(), diff.mean(), diff.se(), lower, x.length, separable);
    }

    /** {@code b − a per seed: 0.41 ± 0.05, a lower in 8/8 seeds}. */
    public String describe() {
        return "'" + b + "' − '" + a + "' per seed: " + Format.pm(mean, se) + ", '" + a + "' lower in " + lower + "/" + n + " seeds";
    }
}
