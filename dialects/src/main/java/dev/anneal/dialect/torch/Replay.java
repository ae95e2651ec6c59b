package dev.anneal.dialect.torch;

import dev.anneal.schedule.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * A step-by-step port of {@code torch/optim/lr_scheduler.py} (PyTorch 1.13): mutable scheduler objects that share
 * one optimizer param group, built in list order and stepped as SequentialLR and ChainedScheduler step them.
 *
 * <p>This is the one place where Anneal computes step t from step t − 1, and it is used only where PyTorch's
 * shared mutable state has no closed form: ChainedScheduler (except products of factors, see
 * {@link ChainedScheduler}), SequentialLR in the configurations {@link SequentialLR} lists, and the momentum of both.
 * A replay costs O(t) per value and stops at {@link #LIMIT} steps.
 */
final class Replay {
    private Replay() {}

    /** The most steps a replay runs. */
    static final long LIMIT = 10_000_000L;

    /** One param group of the optimizer: what the schedulers read and write. NaN marks a key not yet set. */
    static final class Group {
        double lr, initialLr = Double.NaN, momentum = Double.NaN;
        // written by OneCycleLR's constructor, read by its get_lr
        double maxLr = Double.NaN, minLr = Double.NaN, maxMomentum = Double.NaN, baseMomentum = Double.NaN;

        Group(double lr) {
            this.lr = lr;
        }

        /** group.setdefault('initial_lr', group['lr']). */
        void defaultInitialLr() {
            if (Double.isNaN(initialLr)) initialLr = lr;
        }
    }

    /** One scheduler object: _LRScheduler's constructor, step() and step(0). */
    abstract static class Runner {
        final Group g;
        long lastEpoch = -1;
        double base; // base_lrs[0]

        Runner(Group g) {
            this.g = g;
        }

        /** _LRScheduler.__init__: initial_lr, base_lrs, then _initial_step(). */
        void construct() {
            g.defaultInitialLr();
            base = g.initialLr;
            lastEpoch = -1;
            step();
        }

        /** step(): last_epoch += 1, then the chainable get_lr. */
        void step() {
            lastEpoch++;
            g.lr = getLr();
        }

        /** step(0), as SequentialLR calls it at a milestone: last_epoch = 0 and the closed form where there is one. */
        void restart() {
            lastEpoch = 0;
            g.lr = closedForm();
        }

        abstract double getLr();

        /** _get_closed_form_lr, for the schedulers that have one. */
        double closedForm() {
            return getLr();
        }
    }

    static Runner runner(LrScheduler s, Group g) {
        return switch (s) {
            case StepLR r -> new Runner(g) {
                double getLr() {
                    return lastEpoch == 0 || lastEpoch % r.stepSize() != 0 ? g.lr : g.lr * r.gamma();
                }

                double closedForm() {
                    return base * Math.pow(r.gamma(), Math.floorDiv(lastEpoch, r.stepSize()));
                }
            };
            case MultiStepLR r -> new Runner(g) {
                double getLr() {
                    long count = r.milestones().stream().filter(m -> m == lastEpoch).count();
                    return count == 0 ? g.lr : g.lr * Math.pow(r.gamma(), count);
                }

                double closedForm() {
                    long passed = r.milestones().stream().filter(m -> m <= lastEpoch).count();
                    return base * Math.pow(r.gamma(), passed);
                }
            };
            case ConstantLR r -> new Runner(g) {
                double getLr() {
                    if (lastEpoch == 0) return g.lr * r.factor();
                    if (lastEpoch > r.totalIters() || lastEpoch != r.totalIters()) return g.lr;
                    if (r.factor() == 0) throw InvalidInputException.of(r + " divides the lr by factor (0) at total_iters (ZeroDivisionError)");
                    return g.lr * (1.0 / r.factor());
                }

                double closedForm() {
                    return base * (r.factor() + (lastEpoch >= r.totalIters() ? 1 - r.factor() : 0.0));
                }
            };
            case LinearLR r -> new Runner(g) {
                double getLr() {
                    if (lastEpoch == 0) return g.lr * r.startFactor();
                    if (lastEpoch > r.totalIters()) return g.lr;
                    return g.lr * r.factor(lastEpoch);
                }

                double closedForm() {
                    if (r.totalIters() == 0) throw InvalidInputException.of(r + ": the closed form divides by total_iters (0) (ZeroDivisionError)");
                    return base * (r.startFactor() + (r.endFactor() - r.startFactor()) * Math.min(r.totalIters(), lastEpoch) / r.totalIters());
                }
            };
            case ExponentialLR r -> new Runner(g) {
                double getLr() {
                    return lastEpoch == 0 ? g.lr : g.lr * r.gamma();
                }

                double closedForm() {
                    return base * Math.pow(r.gamma(), lastEpoch);
                }
            };
            case PolynomialLR r -> new Runner(g) {
                double getLr() {
                    if (lastEpoch == 0 || lastEpoch > r.totalIters()) return g.lr;
                    double decay = Math.pow((1.0 - (double) lastEpoch / r.totalIters())
                            / (1.0 - (double) (lastEpoch - 1) / r.totalIters()), r.power());
                    return g.lr * decay;
                }

                double closedForm() {
                    if (r.totalIters() == 0) throw InvalidInputException.of(r + ": the closed form divides by total_iters (0) (ZeroDivisionError)");
                    return base * Math.pow(1.0 - (double) Math.min(r.totalIters(), lastEpoch) / r.totalIters(), r.power());
                }
            };
            case CosineAnnealingLR r -> new Runner(g) {
                // PyTorch's second branch (_step_count == 1 and last_epoch > 0) needs a scheduler built with
                // last_epoch > -1, which a spec cannot ask for.
                double getLr() {
                    long tMax = r.tMax();
                    double eta = r.etaMin();
                    if (lastEpoch == 0) return g.lr;
                    if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                        return g.lr + (base - eta) * (1 - Math.cos(Math.PI / tMax)) / 2;
                    }
                    double below = 1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax);
                    if (below == 0) throw InvalidInputException.of(r + " divides by 1 + cos(π·" + (lastEpoch - 1) + "/T_max) = 0 (ZeroDivisionError)");
                    return (1 + Math.cos(Math.PI * lastEpoch / tMax)) / below * (g.lr - eta) + eta;
                }

                double closedForm() {
                    return r.etaMin() + (base - r.etaMin()) * (1 + Math.cos(Math.PI * lastEpoch / r.tMax())) / 2;
                }
            };
            case CosineAnnealingWarmRestarts r -> new Runner(g) {
                long tCur = -1, tI = r.t0();

                @Override
                void step() {
                    if (lastEpoch < 0) {
                        epochZero();
                        return;
                    }
                    lastEpoch++;
                    tCur++;
                    if (tCur >= tI) {
                        tCur -= tI;
                        tI *= r.tMult();
                    }
                    g.lr = getLr();
                }

                @Override
                void restart() {
                    epochZero();
                }

                /** step(epoch=0): epoch < T_0, so T_i = T_0 and T_cur = 0. */
                private void epochZero() {
                    tI = r.t0();
                    tCur = 0;
                    lastEpoch = 0;
                    g.lr = getLr();
                }

                double getLr() {
                    return r.etaMin() + (base - r.etaMin()) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
                }
            };
            case CyclicLR r -> new Runner(g) {
                @Override
                void construct() {
                    g.lr = r.baseLr();
                    if (r.cycleMomentum()) g.momentum = r.baseMomentum();
                    // super().__init__ runs the first step with base_lrs = initial_lr, which an earlier scheduler on the
                    // same optimizer may have set; only then does CyclicLR put its own base_lr in base_lrs.
                    super.construct();
                    base = r.baseLr();
                }

                double getLr() {
                    if (r.cycleMomentum()) g.momentum = r.momentumAt(lastEpoch);
                    return r.lr(lastEpoch, base);
                }
            };
            case OneCycleLR r -> new Runner(g) {
                @Override
                void construct() {
                    g.initialLr = r.initialLr();
                    g.maxLr = r.maxLr();
                    g.minLr = r.minLr();
                    if (r.cycleMomentum()) {
                        g.momentum = r.maxMomentum();
                        g.maxMomentum = r.maxMomentum();
                        g.baseMomentum = r.baseMomentum();
                    }
                    super.construct();
                }

                double getLr() {
                    // PyTorch reads the endpoints from the param group: the last OneCycleLR built on it wins.
                    if (r.cycleMomentum()) {
                        g.momentum = r.value(lastEpoch, true, g.initialLr, g.maxLr, g.minLr, g.maxMomentum, g.baseMomentum);
                    }
                    return r.value(lastEpoch, false, g.initialLr, g.maxLr, g.minLr, g.maxMomentum, g.baseMomentum);
                }
            };
        };
    }

    /** Builds the list's schedulers in order on one optimizer. */
    static List<Runner> build(List<LrScheduler> schedulers, Group g) {
        List<Runner> runners = new ArrayList<>();
        for (LrScheduler s : schedulers) {
            Runner r = runner(s, g);
            r.construct();
            runners.add(r);
        }
        return runners;
    }

    static void checkLimit(Object scheduler, long t) {
        if (t > LIMIT) {
            throw InvalidInputException.of(scheduler + ": step " + t + " is beyond the " + LIMIT
                    + " steps Anneal replays: this configuration has no closed form, and PyTorch's recursion is replayed step by step");
        }
    }

    /** SequentialLR: build all, reset the lr to initial_lr, undo their steps, restart the first; then step. */
    static Group sequential(SequentialLR s, long t) {
        checkLimit(s, t);
        Group g = new Group(s.lr());
        List<Long> milestones = s.milestones();
        int current = 0;
        long k = 0;
        try {
            List<Runner> runners = build(s.schedulers(), g);
            g.lr = g.initialLr;
            for (Runner r : runners) r.lastEpoch -= 1;
            runners.get(0).step(); // _initial_step()
            for (k = 1; k <= t; k++) {
                current = bisectRight(milestones, k);
                Runner r = runners.get(current);
                if (current > 0 && milestones.get(current - 1) == k) r.restart();
                else r.step();
            }
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(s + ": step " + k + " (in schedulers[" + current + "]) raises: " + e.getMessage(), e);
        }
        return g;
    }

    /** ChainedScheduler: build all in order (each construction steps the lr), then step each in order. */
    static Group chained(ChainedScheduler s, long t) {
        checkLimit(s, t);
        Group g = new Group(s.lr());
        List<Runner> runners;
        long k = 0;
        try {
            runners = build(s.schedulers(), g);
            for (k = 1; k <= t; k++) {
                for (Runner r : runners) r.step();
            }
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(s + ": step " + k + " raises: " + e.getMessage(), e);
        }
        return g;
    }

    /** A scheduler alone on a fresh optimizer with its lr, stepped t times: PyTorch's recursion, for the tests. */
    static double[] standalone(LrScheduler s, int t, boolean momentum) {
        Group g = new Group(s.lr());
        Runner r = runner(s, g);
        double[] values = new double[t + 1];
        r.construct();
        values[0] = momentum ? g.momentum : g.lr;
        for (int k = 1; k <= t; k++) {
            r.step();
            values[k] = momentum ? g.momentum : g.lr;
        }
        return values;
    }

    /** Python's bisect.bisect_right: the number of items ≤ x in a sorted list. */
    static int bisectRight(List<Long> sorted, long x) {
        int lo = 0, hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < sorted.get(mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
