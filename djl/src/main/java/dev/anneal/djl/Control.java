package dev.anneal.djl;

import dev.anneal.control.Plateau;
import dev.anneal.optim.control.Controlled;
import dev.anneal.optim.control.CurvatureRate;
import dev.anneal.control.Decision;
import dev.anneal.optim.control.GradNormBrake;
import dev.anneal.control.Observation;
import dev.anneal.control.Outcome;
import dev.anneal.schedule.Schedule;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A closed-loop controller in real training: it owns a {@link Controlled} lr schedule and its state, measures what
 * the controller needs after each optimizer update, and gives the next update its rate as an explicit input of the
 * step ({@link AnnealOptimizer#step(java.util.List, DoubleUnaryOperator)}): every group's scheduled lr times
 * factor = controlled rate / scheduled rate. Attach it with {@link Training#control}.
 *
 * <p>Where the schedule is 0 a multiplying or capping controller (brake, curvature) sets a rate of 0 too, and the
 * factor is kept; a replacing one (plateau) cannot be applied there, which is an error that names the step.
 */
public final class Control<S extends Record> {

    /** What the controller observes after the update at {@code step}, or null when it observes nothing then. */
    interface Sensor {
        Observation measure(Training training, long step);
    }

    private final String name;
    private final Controlled<S> controlled;
    private final Sensor sensor;
    private final String settings;
    private Controlled.State<S> state;
    private double factor = 1;

    private Control(String name, Controlled<S> controlled, Sensor sensor, String settings) {
        this.name = name;
        this.controlled = controlled;
        this.sensor = sensor;
        this.settings = settings;
        this.state = controlled.start();
    }

    /**
     * Reduce-on-plateau from step {@code from}, fed the mean loss on {@code heldOut} after every {@code every}-th
     * update (counted from step 0: every = steps per epoch observes at each epoch's end).
     */
    public static Control<Plateau.State> plateau(Schedule lr, long from, Plateau plateau, Images heldOut, long every) {
        if (every < 1) throw new IllegalArgumentException("every (" + every + ") must be >= 1");
        if (heldOut == null || heldOut.size() == 0) throw new IllegalArgumentException("heldOut (none) must hold at least one image");
        if (!(lr.at(from) > 0)) { // the plateau starts from this rate and only ever lowers it
            throw new IllegalArgumentException("from (" + from + ") must be a step where the schedule " + lr + " is > 0 (it is " + lr.at(from)
                    + "): the plateau takes over that rate and only lowers it");
        }
        return new Control<>("plateau", new Controlled<>(lr, from, plateau),
                (t, step) -> (step + 1) % every == 0 ? Observation.metric(t.loss(heldOut)) : null,
                String.format(Locale.ROOT, "plateau(%s, from=%d, every=%d, held-out=%d)", plateau, from, every, heldOut.size()));
    }

    /** A gradient-norm brake from step {@code from}, fed the pipeline's norm; a step the pipeline skipped is not observed. */
    public static Control<GradNormBrake.State> brake(Schedule lr, long from, GradNormBrake brake) {
        return new Control<>("brake", new Controlled<>(lr, from, brake), (t, step) -> {
            double norm = t.optimizer().lastGradNorm();
            return Double.isNaN(norm) ? null : Observation.gradNorm(norm);
        }, String.format(Locale.ROOT, "brake(%s, from=%d)", brake, from));
    }

    /**
     * The curvature rate min(base, 2s/ρ) from step {@code from}; ρ from Hessian–vector products of the training loss
     * on the fixed {@code batch}, taken only when an estimate is due.
     */
    public static Control<CurvatureRate.State> curvature(Schedule lr, long from, CurvatureRate rate, Images batch) {
        if (batch == null || batch.size() == 0) throw new IllegalArgumentException("batch (none) must hold at least one image");
        return new Control<>("curvature", new Controlled<>(lr, from, rate), (t, step) -> Observation.curvature(t.hessian(batch)),
                String.format(Locale.ROOT, "curvature(%s, from=%d, batch=%d)", rate, from, batch.size()));
    }

    /** plateau, brake or curvature. */
    public String name() {
        return name;
    }

    /** What a checkpoint must share with the run that resumes it. */
    public String settings() {
        return settings;
    }

    public Controlled.State<S> state() {
        return state;
    }

    /** The rate the controller sets for the next update. */
    public double rate() {
        return controlled.rate(state);
    }

    /** Observes the update at {@code step} (the next the controller expects). */
    Optional<Decision> afterUpdate(Training training, long step) {
        if (step != state.step()) throw new IllegalStateException("the " + name + " controller expects step " + state.step() + ", not " + step);
        Observation observation = step < controlled.from() ? null : sensor.measure(training, step);
        Optional<Decision> decision = Optional.empty();
        if (observation == null) {
            state = new Controlled.State<>(step + 1, state.controller());
        } else {
            Outcome<Controlled.State<S>> outcome = controlled.observe(state, observation);
            state = outcome.state();
            decision = outcome.decision();
        }
        return decision;
    }

    /**
     * The rate of the update at {@code step}, as the optimizer's step takes it: each group's scheduled lr times the
     * controller's factor. Where the schedule is 0 the previous factor is kept.
     */
    DoubleUnaryOperator rateAt(long step) {
        if (step != state.step()) {
            throw new IllegalStateException("the " + name + " controller is at step " + state.step() + ", the optimizer at " + step);
        }
        double base = controlled.schedule().at(state.step()), rate = controlled.rate(state);
        if (base != 0) {
            factor = rate / base;
        } else if (rate != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s controller sets lr %s at step %d, where the schedule %s is 0: "
                    + "the optimizer scales the scheduled lr, so the schedule must stay > 0 while the controller replaces it", name, rate, state.step(), controlled.schedule()));
        }
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the " + name + " controller's lr " + rate + " over the scheduled " + base + " at step " + state.step()
                    + " gives the factor " + factor + ": it must be >= 0 and finite");
        }
        double f = factor;
        return scheduled -> scheduled * f;
    }

    /** The state as JSON, exact. */
    String save() {
        return controlled.save(state);
    }

    /** Restores {@link #save}'s state; the factor is computed afresh at the next update. */
    void restore(String json) {
        state = controlled.restore(json);
        factor = 1;
    }
}
