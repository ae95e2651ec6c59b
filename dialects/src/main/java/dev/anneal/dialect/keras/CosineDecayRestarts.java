package dev.anneal.dialect.keras;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Sgdr;

/**
 * {@code keras.CosineDecayRestarts(initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0)}:
 * cosine cycles, the i-th t_mul^i times as long and peaking at m_mul^i·lr, each from its peak down to lr·alpha (alpha
 * is not scaled by m_mul). Keras finds the cycle with {@code floor(log(1 − f·(1 − t_mul))/log(t_mul))} in floating
 * point, f = step/first_decay_steps; this does the same, so at a restart the rounding of the logarithms decides.
 */
record CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul, double mMul, double alpha)
        implements Portable {
    static final double T_MUL = 2.0, M_MUL = 1.0, ALPHA = 0.0;

    CosineDecayRestarts {
        Checks.finite("initial_learning_rate", initialLearningRate);
        Keras.checkDecaySteps("first_decay_steps", firstDecaySteps);
        if (!(tMul >= 1) || tMul == Double.POSITIVE_INFINITY) {
            throw Checks.fail("t_mul", tMul, "must be >= 1 and finite (below 1 Keras returns NaN once the shrinking cycles add up)");
        }
        // Keras's 1 − f·(1 − t_mul), f = step/first_decay_steps, must stay finite for every step, or log(∞) makes NaN.
        if (firstDecaySteps > 0 && !Double.isFinite((double) Long.MAX_VALUE / firstDecaySteps * tMul)) {
            throw Checks.fail("t_mul", tMul, "is too large for first_decay_steps (" + firstDecaySteps
                    + "): Keras's cycle search, log(1 − step/first_decay_steps·(1 − t_mul)), would overflow to NaN");
        }
        Checks.nonNegative("m_mul", mMul);
        Checks.finite("alpha", alpha);
    }

    @Override
    public double at(long step) {
        double completedFraction = (double) Py.clamp(step) / (double) firstDecaySteps;
        double iRestart;
        if (tMul == 1.0) {
            iRestart = Math.floor(completedFraction);
            completedFraction -= iRestart;
        } else {
            iRestart = Math.floor(Math.log(1.0 - completedFraction * (1.0 - tMul)) / Math.log(tMul));
            double sumR = (1.0 - Math.pow(tMul, iRestart)) / (1.0 - tMul);
            completedFraction = (completedFraction - sumR) / Math.pow(tMul, iRestart);
        }
        if (initialLearningRate == 0) return initialLearningRate;
        double mFac = Math.pow(mMul, iRestart), amplitude = 1 - alpha, cosine = 1.0 + Math.cos(Math.PI * completedFraction);
        // m_mul^i overflows for m_mul > 1 after enough restarts: a zero factor (alpha 1, the bottom of a cycle) keeps
        // the term zero instead of the NaN of ∞·0 that Keras would compute; otherwise the peak is ±∞, as m_mul asks.
        double cosineDecayed = amplitude == 0 || cosine == 0 ? 0 : 0.5 * mFac * cosine;
        double decayed = amplitude * cosineDecayed + alpha;
        return initialLearningRate * decayed;
    }

    @Override
    public Range range() {
        return mMul <= 1 ? Range.hull(initialLearningRate, initialLearningRate * alpha) : Range.UNBOUNDED;
    }

    @Override
    public String spec() {
        return Py.call("keras.CosineDecayRestarts", Py.kw("initial_learning_rate", initialLearningRate),
                Py.kw("first_decay_steps", firstDecaySteps), Py.kw("t_mul", tMul, T_MUL), Py.kw("m_mul", mMul, M_MUL),
                Py.kw("alpha", alpha, ALPHA));
    }

    /** How far the restarts are compared with sgdr's: beyond any training run. */
    static final long EXACT_UP_TO = 1_000_000_000_000L;

    /**
     * sgdr(lr, period=first_decay_steps, mult=t_mul, floor=lr·alpha) for a whole t_mul and m_mul 1, where Keras's
     * logarithms put every restart before step {@link #EXACT_UP_TO} on the step sgdr counts exactly: the two agree
     * between restarts, so the restarts are what this checks. (Far beyond, float64 logarithms misplace restarts even
     * for t_mul 2: first_decay_steps=10 first at step 351843720888309.)
     */
    @Override
    public Form nativeForm() {
        if (mMul != 1) return Form.none("m_mul (" + Py.num(mMul) + ") lowers each restart's peak; native sgdr restarts at the same value");
        if (tMul != Math.rint(tMul)) return Form.none("t_mul (" + Py.num(tMul) + ") is not a whole number; native sgdr's mult is");
        Sgdr sgdr = new Sgdr(initialLearningRate, firstDecaySteps, (long) tMul, initialLearningRate * alpha);
        if (tMul == 1) return Form.of(sgdr); // floor(step/T): an exact count
        for (long start = firstDecaySteps, length = firstDecaySteps; start < EXACT_UP_TO; start += length) {
            length = Math.multiplyExact(length, (long) tMul);
            for (long step : new long[] {start - 1, start}) {
                double keras = at(step), exact = sgdr.at(step);
                // a misplaced restart differs by about the amplitude; rounding drift of the fraction by far less
                if (Math.abs(keras - exact) > 1e-6 * Math.abs(initialLearningRate)) {
                    return Form.none("Keras finds the cycle through logarithms in floating point, and at step " + step
                            + " they put it in a different cycle than the exact count: " + keras + " where sgdr gives " + exact);
                }
            }
            if (length > EXACT_UP_TO) break;
        }
        return Form.of(sgdr);
    }

    @Override
    public String toString() {
        return spec();
    }
}
