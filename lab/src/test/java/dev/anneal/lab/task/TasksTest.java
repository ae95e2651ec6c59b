package dev.anneal.lab.task;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Gradients against central differences of the loss, Hessian–vector products against differences of the gradient. */
class TasksTest {
    private static void checkGradient(Task task, float[] x, double tol) {
        float[] g = new float[x.length];
        task.gradient(x, g);
        for (int i = 0; i < x.length; i++) {
            double h = 1e-2 * Math.max(1, Math.abs(x[i]));
            float[] up = x.clone(), down = x.clone();
            up[i] += (float) h;
            down[i] -= (float) h;
            double fd = (task.loss(up) - task.loss(down)) / (up[i] - down[i]);
            assertThat((double) g[i]).as("gradient %d", i).isCloseTo(fd, within(tol * Math.max(1, Math.abs(fd))));
        }
    }

    private static void checkHvp(Curved task, float[] x, double tol) {
        int d = x.length;
        float[] v = new float[d], hv = new float[d], gUp = new float[d], gDown = new float[d];
        for (int i = 0; i < d; i++) v[i] = (float) (0.3 + 0.1 * i);
        task.hvp(x, v, hv);
        double h = 1e-3;
        float[] up = x.clone(), down = x.clone();
        for (int i = 0; i < d; i++) {
            up[i] += (float) (h * v[i]);
            down[i] -= (float) (h * v[i]);
        }
        task.gradient(up, gUp);
        task.gradient(down, gDown);
        for (int i = 0; i < d; i++)
            assertThat((double) hv[i]).as("hvp %d", i).isCloseTo((gUp[i] - gDown[i]) / (2 * h), within(tol * Math.max(1, Math.abs(hv[i]))));
    }

    @Test
    void quadratic_logSpaced_endpointsAndLambdaMax() {
        Quadratic q = Quadratic.logSpaced(3, 0.01, 1);
        assertThat(q.curvatures()).containsExactly(new double[] {1, 0.1, 0.01}, within(1e-15));
        assertThat(q.lambdaMax()).isEqualTo(1);
        assertThat(q.loss(new float[] {2, 0, 10})).isCloseTo(0.5 * 4 + 0.5 * 0.01 * 100, within(1e-12));
        checkGradient(q, new float[] {1, -2, 3}, 1e-3);
        checkHvp(q, new float[] {1, -2, 3}, 1e-3);
    }

    @Test
    void federated_globalGradientAndHvp_minimizerIsTheCurvatureWeightedMeanOfCentres() {
        // two clients in 2-D: h = (1, 4) and (3, 4), c = (0, 2) and (4, -2): x* = ((1·0 + 3·4)/4, (4·2 − 4·2)/8) = (3, 0)
        FederatedQuadratics f = new FederatedQuadratics(new double[][] {{1, 4}, {3, 4}}, new double[][] {{0, 2}, {4, -2}});
        assertThat(f.minimizer()).containsExactly(new double[] {3, 0}, within(1e-15));
        assertThat(f.meanCurvatures()).containsExactly(2, 4);
        assertThat(f.lambdaMax(new float[2])).isEqualTo(4);
        float[] g = new float[2];
        f.gradient(new float[] {3, 0}, g);
        assertThat(g).containsExactly(0f, 0f);
        // each client alone is at rest at its own centre, not at x*: local steps drift
        f.gradient(0, new float[] {0, 2}, g);
        assertThat(g).containsExactly(0f, 0f);
        assertThat(f.loss(0, new float[] {3, 0})).isCloseTo(0.5 * 1 * 9 + 0.5 * 4 * 4, within(1e-12));
        checkGradient(f, new float[] {1, -1}, 1e-3);
        checkHvp(f, new float[] {1, -1}, 1e-3);
    }

    @Test
    void federated_random_spreadZeroMeansAgreeingClients() {
        FederatedQuadratics same = FederatedQuadratics.random(5, 3, 0.1, 10, 0, new SplittableRandom(2));
        assertThat(same.minimizer()).containsExactly(new double[] {0, 0, 0}, within(1e-15));
        FederatedQuadratics apart = FederatedQuadratics.random(5, 3, 0.1, 10, 1, new SplittableRandom(2));
        assertThat(apart.clients()).isEqualTo(5);
        for (double[] h : apart.curvatures()) for (double v : h) assertThat(v).isBetween(0.1, 10.0);
        assertThatThrownBy(() -> new FederatedQuadratics(new double[][] {{1}}, new double[][] {{0}, {1}}))
                .hasMessage("centers (2) must hold one row per client (1)");
    }

    @Test
    void bilinear_simultaneousStep_growsEachPairByTheClosedForm() {
        BilinearGame game = new BilinearGame(new double[] {1, 3});
        float[] x = {1, 0.5f}, y = {0, -1}, gx = new float[2], gy = new float[2];
        assertThat(game.value(x, y)).isCloseTo(-1.5, within(1e-12));
        double eta = 0.1;
        double[] before = {Math.hypot(x[0], y[0]), Math.hypot(x[1], y[1])};
        game.gradientX(y, gx);
        game.gradientY(x, gy);
        for (int i = 0; i < 2; i++) {
            x[i] -= (float) (eta * gx[i]); // the minimizer descends
            y[i] += (float) (eta * gy[i]); // the maximizer ascends
        }
        for (int i = 0; i < 2; i++) {
            assertThat(Math.hypot(x[i], y[i]) / before[i]).as("pair %d", i).isCloseTo(game.simultaneousGrowth(eta, i), within(1e-6));
        }
        assertThat(game.simultaneousGrowth(eta, 1)).isCloseTo(Math.sqrt(1.09), within(1e-15));
        assertThat(game.spectralRadius()).isEqualTo(3);
    }

    @Test
    void hvpAt_isOptimsViewOfTheTaskAtACopyOfX() {
        // 1-D quartic with λ = 1, μ = 1 at y = 2: H = λ + 3μy² = 13
        Quartic q = new Quartic(new double[] {1}, 1, new double[][] {{1}});
        float[] x = {2};
        var hvp = q.hvpAt(x);
        x[0] = 0;
        assertThat(hvp.dimension()).isEqualTo(1);
        assertThat(hvp.apply(new double[] {0.5})).containsExactly(6.5);
    }

    @Test
    void quadratic_noisyGradient_hasTheStatedVariance() {
        Quadratic q = new Quadratic(new double[] {2});
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = {1}, g = new float[1];
        double s = 0, ss = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            q.noisyGradient(x, g, 0.5, rng);
            s += g[0];
            ss += g[0] * g[0];
        }
        double mean = s / n, var = ss / n - mean * mean;
        assertThat(mean).isCloseTo(2, within(4 * 0.5 / Math.sqrt(n)));
        assertThat(var).isCloseTo(0.25, within(0.25 * 4 * Math.sqrt(2.0 / n)));
    }

    @Test
    void quadratic_badCurvature_rejected() {
        assertThatThrownBy(() -> new Quadratic(new double[] {1, -1})).hasMessage("curvature (-1) must be > 0 and finite");
    }

    @Test
    void twoValley_basinsCurvatureAndGradient() {
        TwoValley v = new TwoValley(20, -1, 1, 2, 0);
        // the parabolas meet where √20·|x+1| = |x−2|: x = −1 + 3/(√20+1) on the right
        double boundary = -1 + 3 / (Math.sqrt(20) + 1);
        assertThat(v.inSharp(boundary - 1e-9)).isTrue();
        assertThat(v.inSharp(boundary + 1e-9)).isFalse();
        assertThat(v.lambdaMax(new float[] {-1})).isEqualTo(20);
        assertThat(v.lambdaMax(new float[] {2})).isEqualTo(1);
        checkGradient(v, new float[] {-1.2f}, 1e-3);
        checkGradient(v, new float[] {1.5f}, 1e-3);
        assertThatThrownBy(() -> new TwoValley(20, 3, 1, 2, 0)).hasMessage("a (3) must be < b (2)");
    }

    @Test
    void rugged_minimumAtOriginAndExactDerivatives() {
        Rugged r = new Rugged(2, 0.1, 1, 1);
        assertThat(r.loss(new float[] {0, 0})).isZero();
        // at a multiple of the width the cosine term vanishes: L = ½·bowl·x²
        assertThat(r.loss(new float[] {1, 0})).isCloseTo(0.05, within(1e-12));
        assertThat(r.lambdaMax(new float[] {0, 0})).isCloseTo(0.1 + 4 * Math.PI * Math.PI, within(1e-9));
        checkGradient(r, new float[] {0.3f, -0.7f}, 1e-2);
        checkHvp(r, new float[] {0.3f, -0.7f}, 1e-2);
    }

    @Test
    void linearRegression_lambdaMax_ofAKnownHessian() {
        // rows (√3, √3) and (1, −1): XᵀX/n = [[2, 1], [1, 2]], eigenvalues 3 and 1
        double r = Math.sqrt(3);
        LinearRegression lr = new LinearRegression(new double[][] {{r, r}, {1, -1}}, new double[] {0, 0});
        assertThat(lr.lambdaMax(new float[2])).isCloseTo(3, within(1e-12));
        // one feature: the mean square
        assertThat(new LinearRegression(new double[][] {{2}, {4}}, new double[] {0, 0}).lambdaMax(new float[1])).isCloseTo(10, within(1e-12));
    }

    @Test
    void linearRegression_gradientHvpAndMinimum() {
        LinearRegression lr = LinearRegression.synthetic(100, new double[] {1, 3, 0.5}, 0.2, new SplittableRandom(4));
        float[] w = {0.5f, -0.2f, 1f};
        checkGradient(lr, w, 1e-3);
        checkHvp(lr, w, 1e-3);
        // the gradient vanishes at the normal-equation minimum: GD converges to L*
        float[] x = new float[3], g = new float[3];
        double eta = 1 / lr.lambdaMax(x);
        for (int t = 0; t < 20000; t++) {
            lr.gradient(x, g);
            for (int i = 0; i < 3; i++) x[i] -= (float) (eta * g[i]);
        }
        assertThat(lr.excessLoss(x)).isCloseTo(0, within(1e-9));
        // λmax is the largest eigenvalue of the Hessian: Rayleigh quotients never exceed it
        float[] v = {0.3f, 0.9f, -0.1f}, hv = new float[3];
        lr.hvp(x, v, hv);
        double num = 0, den = 0;
        for (int i = 0; i < 3; i++) {
            num += v[i] * hv[i];
            den += v[i] * v[i];
        }
        assertThat(num / den).isLessThanOrEqualTo(lr.lambdaMax(x) * (1 + 1e-6));
    }

    @Test
    void linearRegression_scalingAFeature_scalesItsHessianEntryBy100() {
        LinearRegression a = LinearRegression.synthetic(50, new double[] {1, 1}, 0.1, new SplittableRandom(2));
        LinearRegression b = LinearRegression.synthetic(50, new double[] {10, 1}, 0.1, new SplittableRandom(2));
        assertThat(b.hessian(0, 0) / a.hessian(0, 0)).isCloseTo(100, within(1e-10));
        assertThat(b.hessian(0, 1) / a.hessian(0, 1)).isCloseTo(10, within(1e-10));
        assertThat(b.hessian(1, 1)).isEqualTo(a.hessian(1, 1));
    }

    @Test
    void mlp_backpropMatchesFiniteDifferences() {
        float[] teacher = new float[new Mlp(3, 4, 2, new double[1][3], new double[1][2]).dimension()];
        Mlp net = Mlp.teacher(3, 4, 2, 20, 0.1, teacher, new SplittableRandom(5));
        float[] p = net.init(new SplittableRandom(6), 1);
        checkGradient(net, p, 2e-2);
        assertThat(net.trunk()).isEqualTo(3 * 4 + 4);
        // the teacher fits its own data up to the noise: loss ≈ ½·2·0.1² per sample
        assertThat(net.loss(teacher)).isCloseTo(0.01, within(0.006));
    }

    @Test
    void logistic_focalGradientMatchesFiniteDifferences() {
        Logistic task = Logistic.separable(40, new double[] {1, -1, 0.5}, 0.1, 0.1, 2, new SplittableRandom(3));
        checkGradient(task, new float[] {0.4f, 0.1f, -0.3f}, 1e-2);
        checkGradient(task.withGamma(0), new float[] {0.4f, 0.1f, -0.3f}, 1e-2);
        // at w = 0 every sample has p = ½: logistic loss log 2, focal loss ¼·log 2 (γ = 2)
        assertThat(task.withGamma(0).loss(new float[3])).isCloseTo(Math.log(2), within(1e-12));
        assertThat(task.loss(new float[3])).isCloseTo(0.25 * Math.log(2), within(1e-12));
    }

    @Test
    void quartic_derivativesAndCurvatureFallingTowardsTheMinimum() {
        double[][] rotation = {{0.6, -0.8}, {0.8, 0.6}};
        Quartic task = new Quartic(new double[] {1, 0.1}, 1, rotation);
        float[] x = {0.5f, -1f};
        checkGradient(task, x, 1e-2);
        checkHvp(task, x, 1e-2);
        assertThat(task.lambdaMax(new float[2])).isEqualTo(1);
        // far out along the first eigenvector (column 0 of the rotation): λ + 3μy² with y = 2
        assertThat(task.lambdaMax(new float[] {1.2f, 1.6f})).isCloseTo(1 + 3 * 4, within(1e-5));
    }
}
