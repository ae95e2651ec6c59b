package dev.anneal.dialect.timm;

import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scheduler of {@code timm.scheduler}, read with t_in_epochs=False: the value at step k is the lr timm sets after
 * {@code step_update(num_updates=k)}, which is {@code _get_lr(k)}. Steps before 0 read as 0.
 */
sealed interface TimmScheduler extends Portable
        permits CosineLRScheduler, TanhLRScheduler, PolyLRScheduler, StepLRScheduler, MultiStepLRScheduler {

    /** The base lr: the optimizer's lr when the scheduler is built. */
    double lr();

    /** The keyword arguments after lr, defaults left out. */
    List<String> arguments();

    @Override
    default String spec() {
        List<String> args = new ArrayList<>(List.of(Py.kw("lr", lr())));
        args.addAll(arguments());
        return Py.call("timm." + getClass().getSimpleName(), args.toArray(String[]::new));
    }

    /** Arguments joined, nulls (defaults) left out. */
    static List<String> args(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).filter(a -> a != null).toList();
    }
}
