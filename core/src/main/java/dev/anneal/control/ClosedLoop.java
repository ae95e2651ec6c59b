package dev.anneal.control;

/**
 * A spec family whose rate a {@link Controller} owns from step 0, such as {@code torch.ReduceLROnPlateau}. It is
 * implemented by a schedule that stays total and pure: its value at every step is the open-loop base, the rate the
 * controller starts from and is given; the rate applied follows the observations, so a loop (optim's
 * {@code Controlled}, {@code anneal eval --metrics}) runs the controller over that base.
 *
 * @param <S> the controller's state
 */
public interface ClosedLoop<S extends Record> {

    Controller<S> controller();
}
