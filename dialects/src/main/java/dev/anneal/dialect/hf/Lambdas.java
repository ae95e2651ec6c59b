package dev.anneal.dialect.hf;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;

/**
 * The {@code lr_lambda} functions of Hugging Face transformers, {@code src/transformers/optimization.py}
 * (huggingface/transformers@005edacb6b), transcribed operation by operation: the same operand order, the same integer
 * arithmetic before conversion to float, the same {@code max(...)} guards. The value at step k is {@code lr·λ(k)}
 * (PyTorch's {@code LambdaLR} after k calls of {@code step()}). Python's float arithmetic is IEEE double, as Java's.
 */
final class Lambdas {
    private Lambdas() {}

    /** The warmup shared by all the schedules: {@code float(k) / float(max(1, num_warmup_steps))}. */
    static double warmup(long k, long warmup) {
        return (double) k / (double) Math.max(1, warmup);
    }

    /** {@code _get_constant_schedule_with_warmup_lr_lambda}. */
    static double constantWithWarmup(long k, long warmup) {
        if (k < warmup) return (double) k / Math.max(1.0, warmup);
        return 1.0;
    }

    /** {@code _get_linear_schedule_with_warmup_lr_lambda}. */
    static double linearWithWarmup(long k, long warmup, long training) {
        if (k < warmup) return warmup(k, warmup);
        return Math.max(0.0, (double) (training - k) / (double) Math.max(1, training - warmup));
    }

    /** Beyond this many cycles, 2π·num_cycles·progress overflows for progress within a long's steps, and cos(∞) is NaN. */
    static final double MAX_CYCLES = 1e280;

    static void checkCycles(double numCycles) {
        if (!(Math.abs(numCycles) <= MAX_CYCLES)) {
            throw Checks.fail("num_cycles", numCycles, "must be at most " + MAX_CYCLES + " in magnitude: cos(2π·num_cycles·progress) would overflow to NaN");
        }
    }

    /**
     * {@code _get_cosine_schedule_with_warmup_lr_lambda}, the second definition in the module (with
     * {@code min_lr_rate}), which is the one {@code get_cosine_schedule_with_warmup} calls at run time; with
     * {@code min_lr_rate = 0} it equals the first one.
     */
    static double cosineWithWarmup(long k, long warmup, long training, double cycles, double minLrRate) {
        if (k < warmup) return warmup(k, warmup);
        double progress = (double) (k - warmup) / (double) Math.max(1, training - warmup);
        double factor = 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress));
        factor = factor * (1 - minLrRate) + minLrRate;
        return Math.max(0, factor);
    }

    /** {@code _get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda}. */
    static double cosineWithHardRestarts(long k, long warmup, long training, double cycles) {
        if (k < warmup) return warmup(k, warmup);
        double progress = (double) (k - warmup) / (double) Math.max(1, training - warmup);
        if (progress >= 1.0) return 0.0;
        return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * pythonMod(cycles * progress, 1.0))));
    }

    /** {@code _get_polynomial_decay_schedule_with_warmup_lr_lambda}; {@code lrInit} is the optimizer's lr. */
    static double polynomialDecayWithWarmup(long k, long warmup, long training, double lrEnd, double power, double lrInit) {
        if (k < warmup) return warmup(k, warmup);
        if (k > training) return lrEnd / lrInit;
        double lrRange = lrInit - lrEnd;
        long decaySteps = training - warmup;
        double pctRemaining = 1 - (double) (k - warmup) / decaySteps;
        double decay = lrRange * Math.pow(pctRemaining, power) + lrEnd;
        return decay / lrInit;
    }

    /** {@code _get_inverse_sqrt_schedule_lr_lambda}; {@code timescale} already resolved. */
    static double inverseSqrt(long k, long warmup, long timescale) {
        if (k < warmup) return warmup(k, warmup);
        long shift = timescale - warmup, sum = k + shift;
        // Python's integers do not wrap; where the long sum would (a timescale near 2^63), add doubles instead.
        double numerator = ((k ^ sum) & (shift ^ sum)) < 0 ? (double) k + (double) shift : sum;
        return 1.0 / Math.sqrt(numerator / timescale);
    }

    /** {@code _get_wsd_scheduler_lambda}. */
    static double wsd(long k, long warmup, long stable, long decay, Shape warmupType, Shape decayType,
                      double minLrRatio, double cycles) {
        if (k < warmup) {
            double progress = (double) k / (double) Math.max(1, warmup);
            double factor = switch (warmupType) {
                case LINEAR -> progress;
                case COSINE -> 0.5 * (1.0 - Math.cos(Math.PI * progress));
                case SQRT -> 1.0 - Math.sqrt(1.0 - progress);
            };
            factor = factor * (1.0 - minLrRatio) + minLrRatio;
            return Math.max(0.0, factor);
        }
        if (k < Py.add(warmup, stable)) return 1.0;
        if (k < Py.add(Py.add(warmup, stable), decay)) {
            double progress = (double) (k - warmup - stable) / (double) Math.max(1, decay);
            double factor = switch (decayType) {
                case LINEAR -> 1.0 - progress;
                case COSINE -> 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress));
                case SQRT -> 1.0 - Math.sqrt(progress);
            };
            factor = factor * (1.0 - minLrRatio) + minLrRatio;
            return Math.max(0.0, factor);
        }
        return minLrRatio;
    }

    /**
     * {@code _get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda}: everything in float, the warmup starts at
     * 1/num_warmup_steps (or at warmup_lr_rate), and the decay runs one step ahead.
     */
    static double cosineWithMinLrRate(long step, long warmupSteps, long trainingSteps, double cycles, double minLrRate,
                                      Double warmupLrRate) {
        double k = step, warmup = warmupSteps, training = trainingSteps;
        if (k < warmup) {
            if (warmupLrRate == null) return (k + 1.) / Math.max(1., warmup);
            double rate = warmupLrRate;
            return rate + (1.0 - rate) * k / Math.max(1, warmup - 1);
        }
        double progress = (k - warmup + 1.) / Math.max(1., training - warmup);
        double factor = 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress));
        factor = factor * (1 - minLrRate) + minLrRate;
        return Math.max(0, factor);
    }

    /** Python's float {@code %}: the result takes the divisor's sign. */
    static double pythonMod(double x, double y) {
        double mod = x % y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) mod += y;
        } else {
            mod = Math.copySign(0.0, y);
        }
        return mod;
    }

    /** The warmup and decay shapes of {@code get_wsd_schedule}, by their transformers names. */
    enum Shape {
        LINEAR("linear"), COSINE("cosine"), SQRT("1-sqrt");

        final String python;

        Shape(String python) {
            this.python = python;
        }

        static Shape of(String python) {
            for (Shape s : values()) if (s.python.equals(python)) return s;
            throw InvalidInputException.of(python);
        }
    }
}
