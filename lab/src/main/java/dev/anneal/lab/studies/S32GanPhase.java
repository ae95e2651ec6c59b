package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.BilinearGame;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.optim.ScheduleSet;

import java.util.SplittableRandom;

/**
 * S32: a GAN as the bilinear game min_x max_y Σσᵢxᵢyᵢ, both players on one cyclical schedule with a per-player
 * phase offset (a two-group schedule set: the discriminator's lr is {@code phase(generator.lr, φ)}).
 */
public final class S32GanPhase implements Study {
    static final int DIM = 4, PERIOD = 100;
    static final double LO = 0.05, HI = 2.5;
    static final double[] OFFSETS = {0, 0.125, 0.25, 0.375, 0.5};

    @Override public String id() { return "S32"; }
    @Override public String title() { return "GAN as a bilinear game: phase-offset cyclical LRs"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "GAN as a bilinear min–max game: same-phase cyclical LRs for both players diverge or oscillate; a π phase offset stabilises.";
    }

    static int steps(Mode mode) {
        return mode.pick(3000, 800);
    }

    static String lr() {
        return "cyclic(" + LO + ", " + HI + ", up=" + PERIOD / 2 + ")";
    }

    @Override
    public String setup(Mode mode) {
        return "Bilinear game f(x, y) = Σᵢ σᵢ·xᵢ·yᵢ in " + DIM + " pairs, σᵢ uniform in [0.5, 1.5], (x, y) from N(0, 1) per seed; equilibrium at 0. "
                + "Both players run optim's SGD (x descends, y ascends) for " + steps(mode) + " steps; one schedule set with groups generator "
                + "(lr = " + lr() + ", period " + PERIOD + ") and discriminator (lr = phase(generator.lr, φ)); φ = 0 (same phase) and φ = ½ (π offset), "
                + "swept over φ ∈ {0, ⅛, ¼, ⅜, ½} for the figure. Two update orders: alternating (y sees the updated x, as GANs train; "
                + "a step is stable iff ηₓ·η_y·σ² < 4, so same-phase peaks 2.5²·σ² cross it and a π offset keeps ηₓ·η_y ≤ 1.275² below it for σ ≤ 1.5) "
                + "and simultaneous (radius grows by √(1 + ηₓη_yσ²) per step whatever the phase: no phase can stabilise it).";
    }

    @Override
    public String metric() {
        return "log10 of final distance from the equilibrium / initial distance (0 = neither grew nor shrank; 1 = tenfold growth).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("alternating, π offset", "alternating, same phase"), Rule.below("alternating, π offset", 1),
                Rule.lower("simultaneous, π offset", "simultaneous, same phase"));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Growth of the distance to equilibrium (log10) against the phase offset φ", "phase offset φ (periods)", "log10 final / initial distance");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] sigma = new double[DIM];
        for (int i = 0; i < DIM; i++) sigma[i] = 0.5 + rng.nextDouble();
        BilinearGame game = new BilinearGame(sigma);
        float[] x0 = new float[DIM], y0 = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            x0[i] = (float) rng.nextGaussian();
            y0[i] = (float) rng.nextGaussian();
        }
        Trial trial = new Trial();
        double[] alt = new double[OFFSETS.length], sim = new double[OFFSETS.length];
        for (int k = 0; k < OFFSETS.length; k++) {
            alt[k] = growth(game, x0, y0, OFFSETS[k], true, steps(mode));
            sim[k] = growth(game, x0, y0, OFFSETS[k], false, steps(mode));
        }
        int pi = OFFSETS.length - 1;
        trial.metric("alternating, same phase", alt[0]).metric("alternating, π offset", alt[pi])
                .metric("simultaneous, same phase", sim[0]).metric("simultaneous, π offset", sim[pi]);
        return trial.curve("alternating", new Curve(OFFSETS, alt)).curve("simultaneous", new Curve(OFFSETS, sim));
    }

    /**
     * log10(final / initial distance). The updates are linear in (x, y), so the pair is rescaled to unit distance
     * whenever it passes 10¹⁰ and the logs of the factors are summed: a divergence is measured, not capped.
     */
    static double growth(BilinearGame game, float[] x0, float[] y0, double offset, boolean alternating, int steps) {
        ScheduleSet players = ScheduleSet.builder().total(steps).group("generator", d -> d.set("lr", lr()))
                .group("discriminator", d -> d.set("lr", "phase(generator.lr, " + offset + ")")).build();
        float[] x = x0.clone(), y = y0.clone(), gx = new float[x.length], gy = new float[y.length];
        Scheduled gen = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", players.schedule("generator", "lr")), x);
        Scheduled dis = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", players.schedule("discriminator", "lr")), y);
        double start = game.distance(x, y), logGrowth = 0;
        for (int t = 0; t < steps; t++) {
            game.gradientX(y, gx);
            if (!alternating) game.gradientY(x, gy);
            gen.step(gx);
            if (alternating) game.gradientY(x, gy);
            for (int i = 0; i < gy.length; i++) gy[i] = -gy[i]; // the discriminator ascends
            dis.step(gy);
            double d = game.distance(x, y);
            if (d > 1e10) {
                logGrowth += Math.log10(d);
                for (int i = 0; i < x.length; i++) {
                    x[i] /= (float) d;
                    y[i] /= (float) d;
                }
            }
        }
        return logGrowth + Math.log10(game.distance(x, y) / start);
    }
}
