package dev.anneal.optim.control;

import dev.anneal.control.Plateau;

/**
 * Reduce-on-plateau with PyTorch's semantics ({@link Plateau}, the same controller as
 * {@code torch.ReduceLROnPlateau}): it takes over with the schedule's value at the hand-over step and owns the
 * rate from then on (the base is ignored), cutting it by {@code factor} after more than {@code patience}
 * observations without improvement. Each observation is one {@code scheduler.step(metric)} call.
 */
public record PlateauControl(Plateau plateau) implements Controller<Plateau.State> {

    public PlateauControl {
        if (plateau == null) throw new IllegalArgumentException("plateau (null) must be a controller");
    }

    @Override
    public Plateau.State start(double base) {
        return plateau.start(base);
    }

    @Override
    public double rate(Plateau.State state, double base) {
        return state.lr();
    }

    @Override
    public Outcome<Plateau.State> observe(Plateau.State state, long step, double base, Observation observation) {
        Plateau.State next = plateau.step(state, observation.metric());
        if (next.lr() == state.lr()) return Outcome.quiet(next);
        return Outcome.decided(next, step, state.lr(), next.lr(), "metric " + observation.metric() + " did not improve on best "
                + state.best() + " for " + (state.badSteps() + 1) + " observations (patience " + plateau.patience()
                + "): lr × " + plateau.factor());
    }

    @Override
    public Class<Plateau.State> stateType() {
        return Plateau.State.class;
    }
}
