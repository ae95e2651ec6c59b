package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.FederatedQuadratics;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;

import java.util.SplittableRandom;

/**
 * S37: federated averaging over heterogeneous clients that do different amounts of local work per round, each on
 * one cyclical schedule with its own period and phase (one schedule set, a group per client). The server's update
 * to first order is −(1/K)·Σₖ Wₖ·∇Lₖ with Wₖ the client's summed rate in the round; with dₖ = ∇Lₖ − ∇L the
 * drift term is Σₖ Wₖdₖ. Three ways to pick periods and phases: all the same, random, and a design rule that
 * minimises Σ_rounds ‖Σₖ Wₖ,r·dₖ‖².
 */
public final class S37FederatedPhases implements Study {
    static final int CLIENTS = 8, DIM = 4, TICKS = 16, PERIOD = 64, PHASES = 8;
    static final int[] PERIODS = {PERIOD / 2, PERIOD, 2 * PERIOD};
    static final double LO = 0.01, HI = 0.2, NOISE = 0.1;

    @Override public String id() { return "S37"; }
    @Override public String title() { return "Federated clients: staggered and designed LR phases"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "Federated learning with heterogeneous clients: staggered LR phases across clients reduce client drift versus synchronised phases; "
                + "choosing periods and phases so that Σ_k W_k d_k ≈ 0 removes the drift's first-order effect.";
    }

    static int rounds(Mode mode) {
        return mode.pick(200, 60);
    }

    static String lr(int period, double phase) {
        return "phase(cyclic(" + LO + ", " + HI + ", up=" + period / 2 + "), " + phase + ")";
    }

    @Override
    public String setup(Mode mode) {
        return CLIENTS + " clients with heterogeneous quadratics Lₖ = ½·Σ hₖᵢ(xᵢ − cₖᵢ)² in " + DIM + " coordinates (hₖᵢ log-uniform in [0.5, 2], "
                + "cₖᵢ ~ N(0, 1)); client k does τₖ local SGD steps per round (τₖ uniform in 4…16, fixed per seed: unequal local work) with "
                + "gradient noise N(0, " + NOISE + "²), the server averages, " + rounds(mode) + " rounds of " + TICKS + " clock ticks. Client lr = "
                + lr(PERIOD, 0) + " with its own period and phase (one schedule set, a group per client). Arms: synchronised (period " + PERIOD
                + ", phase 0 for all), staggered (period " + PERIOD + ", phases uniform random), designed (period from {32, 64, 128} and phase from "
                + PHASES + " values per client, chosen by coordinate descent, 3 sweeps, to minimise Σ_rounds ‖Σₖ Wₖ,r·dₖ‖², dₖ = ∇Lₖ(x₀) − ∇L(x₀) "
                + "measured at the start, Wₖ,r = the client's summed rate over its τₖ steps in round r).";
    }

    @Override
    public String metric() {
        return "client drift: distance of the global model from the global minimiser x*, mean over the last 25% of rounds (lower is better); "
                + "and the design objective √(mean_r ‖Σₖ Wₖ,r dₖ‖²) of each arm's schedules.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("staggered (random phases)", "synchronised"), Rule.lower("designed (Σ W·d ≈ 0)", "synchronised"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Distance of the global model from x* (mean over seeds)", "round", "‖x − x*‖");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        FederatedQuadratics task = FederatedQuadratics.random(CLIENTS, DIM, 0.5, 2, 1, rng);
        int[] tau = new int[CLIENTS];
        for (int k = 0; k < CLIENTS; k++) tau[k] = 4 + rng.nextInt(13);
        float[] x0 = new float[DIM];
        double[][] d = drifts(task, x0);
        int rounds = rounds(mode);
        int[] syncP = new int[CLIENTS], randP = new int[CLIENTS];
        double[] syncPh = new double[CLIENTS], randPh = new double[CLIENTS];
        for (int k = 0; k < CLIENTS; k++) {
            syncP[k] = randP[k] = PERIOD;
            randPh[k] = rng.nextInt(PHASES) / (double) PHASES;
        }
        int[] desP = syncP.clone();
        double[] desPh = syncPh.clone();
        design(tau, d, rounds, desP, desPh);
        Trial trial = new Trial();
        Object[][] arms = {{"synchronised", syncP, syncPh}, {"staggered (random phases)", randP, randPh}, {"designed (Σ W·d ≈ 0)", desP, desPh}};
        for (Object[] arm : arms) {
            int[] periods = (int[]) arm[1];
            double[] phases = (double[]) arm[2];
            double[] curve = train(task, tau, periods, phases, rounds, x0, new SplittableRandom(seed + 1));
            trial.metric((String) arm[0], Curves.tailMean(curve, 0.25));
            trial.metric(arm[0] + ": √mean ‖Σ W·d‖²", Math.sqrt(objective(weights(tau, periods, phases, rounds), d) / rounds));
            trial.curve((String) arm[0], new Curve(Curves.grid(curve.length, 1), curve));
        }
        return trial;
    }

    /** dₖ = ∇Lₖ(x) − ∇L(x). */
    static double[][] drifts(FederatedQuadratics task, float[] x) {
        double[][] d = new double[CLIENTS][DIM];
        float[] g = new float[DIM], gk = new float[DIM];
        task.gradient(x, g);
        for (int k = 0; k < CLIENTS; k++) {
            task.gradient(k, x, gk);
            for (int i = 0; i < DIM; i++) d[k][i] = gk[i] - g[i];
        }
        return d;
    }

    /** W[k][r]: client k's summed rate over its τₖ local steps of round r. */
    static double[][] weights(int[] tau, int[] periods, double[] phases, int rounds) {
        double[][] w = new double[CLIENTS][];
        for (int k = 0; k < CLIENTS; k++) w[k] = weights(tau[k], periods[k], phases[k], rounds);
        return w;
    }

    static double[] weights(int tau, int period, double phase, int rounds) {
        Schedule s = ScheduleSet.builder().total((long) rounds * TICKS).defaults(g -> g.set("lr", lr(period, phase))).build().schedule("default", "lr");
        double[] w = new double[rounds];
        for (int r = 0; r < rounds; r++) for (int j = 0; j < tau; j++) w[r] += s.at((long) r * TICKS + j);
        return w;
    }

    /** Σ_r ‖Σₖ W[k][r]·dₖ‖². */
    static double objective(double[][] w, double[][] d) {
        double total = 0;
        for (int r = 0; r < w[0].length; r++) {
            for (int i = 0; i < DIM; i++) {
                double s = 0;
                for (int k = 0; k < CLIENTS; k++) s += w[k][r] * d[k][i];
                total += s * s;
            }
        }
        return total;
    }

    /** Coordinate descent over each client's (period, phase), 3 sweeps, starting from the given choice. */
    static void design(int[] tau, double[][] d, int rounds, int[] periods, double[] phases) {
        double[][][] candidates = new double[CLIENTS][PERIODS.length * PHASES][];
        for (int k = 0; k < CLIENTS; k++)
            for (int p = 0; p < PERIODS.length; p++)
                for (int f = 0; f < PHASES; f++) candidates[k][p * PHASES + f] = weights(tau[k], PERIODS[p], f / (double) PHASES, rounds);
        double[][] w = weights(tau, periods, phases, rounds);
        for (int sweep = 0; sweep < 3; sweep++) {
            for (int k = 0; k < CLIENTS; k++) {
                int best = -1;
                double bestJ = objective(w, d);
                for (int c = 0; c < candidates[k].length; c++) {
                    double[] keep = w[k];
                    w[k] = candidates[k][c];
                    double j = objective(w, d);
                    if (j < bestJ) {
                        bestJ = j;
                        best = c;
                    }
                    w[k] = keep;
                }
                if (best >= 0) {
                    w[k] = candidates[k][best];
                    periods[k] = PERIODS[best / PHASES];
                    phases[k] = (best % PHASES) / (double) PHASES;
                }
            }
        }
    }

    /** FedAvg with each client's rates from one schedule set; returns ‖x − x*‖ after every round (and at the start). */
    static double[] train(FederatedQuadratics task, int[] tau, int[] periods, double[] phases, int rounds, float[] x0, SplittableRandom noise) {
        ScheduleSet.Builder b = ScheduleSet.builder().total((long) rounds * TICKS);
        for (int k = 0; k < CLIENTS; k++) {
            String spec = lr(periods[k], phases[k]);
            b.group("client" + k, g -> g.set("lr", spec));
        }
        ScheduleSet set = b.build();
        float[] x = x0.clone();
        float[][] local = new float[CLIENTS][DIM];
        Scheduled[] opt = new Scheduled[CLIENTS];
        for (int k = 0; k < CLIENTS; k++)
            opt[k] = new Scheduled(Method.SGD, Scheduled.set((long) rounds * TICKS, "lr", set.schedule("client" + k, "lr")), local[k]);
        double[] star = task.minimizer(), curve = new double[rounds + 1];
        curve[0] = distance(x, star);
        float[] g = new float[DIM];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < CLIENTS; k++) {
                System.arraycopy(x, 0, local[k], 0, DIM);
                for (int j = 0; j < TICKS; j++) {
                    if (j < tau[k]) {
                        task.gradient(k, local[k], g);
                        for (int i = 0; i < DIM; i++) g[i] += (float) (NOISE * noise.nextGaussian());
                    } else {
                        java.util.Arrays.fill(g, 0f); // idle ticks keep every client's clock on the round's
                    }
                    opt[k].step(g);
                }
            }
            for (int i = 0; i < DIM; i++) {
                double s = 0;
                for (int k = 0; k < CLIENTS; k++) s += local[k][i];
                x[i] = (float) (s / CLIENTS);
            }
            curve[r + 1] = distance(x, star);
        }
        return curve;
    }

    private static double distance(float[] x, double[] star) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - star[i]) * (x[i] - star[i]);
        return Math.sqrt(s);
    }
}
