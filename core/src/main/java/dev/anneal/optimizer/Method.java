package dev.anneal.optimizer;

import dev.anneal.schedule.Checks;

import dev.anneal.optimizer.Hyperparameter.Range;
import dev.anneal.schedule.InvalidInputException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * An optimizer method, defined once for every layer: its name (on every command line, in state files and
 * checkpoints), the hyperparameters it reads with PyTorch's names, defaults and ranges ({@link #hyperparameters}),
 * the update it runs (torch.optim 1.13's SGD, Adam and AdamW, which optim's kernels implement by an exhaustive
 * switch over this enum) and its stability model on a quadratic ({@link #dynamics}). {@code momentum} and
 * {@code nesterov} are SGD with momentum 0.9 unless a schedule gives it.
 */
public enum Method {
    /** {@code torch.optim.SGD}: {@code p −= lr·(g + wd·p)}. */
    SGD(sgd(0)),
    /** SGD with heavy-ball momentum (PyTorch's form: {@code buf = μ·buf + (1−dampening)·g; p −= lr·buf}). */
    MOMENTUM(sgd(0.9)),
    /** SGD with Nesterov momentum: needs momentum &gt; 0 and dampening 0 at every step. */
    NESTEROV(sgd(0.9)),
    /** {@code torch.optim.Adam}: weight decay as L2 on the gradient. */
    ADAM(adam(0)),
    /** {@code torch.optim.AdamW}: decoupled weight decay {@code p ← p·(1 − lr·wd)} before the update. */
    ADAMW(adam(0.01)),
    /** Adam without bias correction: the step is {@code lr·m / (√v + eps)}. */
    ADAM_NO_BIAS_CORRECTION(adam(0));

    private final List<Hyperparameter> hyperparameters;

    Method(List<Hyperparameter> hyperparameters) {
        this.hyperparameters = hyperparameters;
    }

    private static List<Hyperparameter> sgd(double momentum) {
        return List.of(new Hyperparameter("lr", Double.NaN, Range.NON_NEGATIVE),
                new Hyperparameter("momentum", momentum, Range.NON_NEGATIVE),
                new Hyperparameter("dampening", 0, Range.FINITE),
                new Hyperparameter("weight_decay", 0, Range.NON_NEGATIVE));
    }

    private static List<Hyperparameter> adam(double weightDecay) {
        return List.of(new Hyperparameter("lr", 1e-3, Range.NON_NEGATIVE),
                new Hyperparameter("beta1", 0.9, Range.UNIT),
                new Hyperparameter("beta2", 0.999, Range.UNIT),
                new Hyperparameter("eps", 1e-8, Range.NON_NEGATIVE),
                new Hyperparameter("weight_decay", weightDecay, Range.NON_NEGATIVE));
    }

    /** The name everywhere: sgd, momentum, nesterov, adam, adamw, adam_no_bias_correction. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Method> find(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }

    /** The method called {@code key}; an unknown name fails with the list of names. */
    public static Method of(String key) {
        return of(key, "optimizer");
    }

    /** As {@link #of(String)}, the error naming the setting that gave the name ({@code --optimizer}, a key path). */
    public static Method of(String key, String setting) {
        return find(key).orElseThrow(() -> Checks.fail(setting, String.valueOf(key), "must be one of " + keys()));
    }

    /** Every name, comma-separated. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Method::key).toList());
    }

    /** What the method reads, in PyTorch's order. */
    public List<Hyperparameter> hyperparameters() {
        return hyperparameters;
    }

    /** The defaults of the hyperparameters the method reads; lr is missing where it is required. */
    public Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        for (Hyperparameter h : hyperparameters) if (!h.required()) d.put(h.name(), h.defaultValue());
        return d;
    }

    /** Adam's family (per-coordinate moments m and v) rather than SGD's (one momentum buffer). */
    public boolean adaptive() {
        return switch (this) {
            case SGD, MOMENTUM, NESTEROV -> false;
            case ADAM, ADAMW, ADAM_NO_BIAS_CORRECTION -> true;
        };
    }

    /** Weight decay applied to the weights after the gradient (AdamW) rather than added to it (L2). */
    public boolean decoupled() {
        return this == ADAMW;
    }

    /** Adam's bias correction of m and v by {@code 1 − βᵗ}. */
    public boolean biasCorrection() {
        return this == ADAM || this == ADAMW;
    }

    /** The momentum coefficient of the stability model: SGD's momentum, Adam's beta1. */
    public String momentumName() {
        return adaptive() ? "beta1" : "momentum";
    }

    /**
     * Rejects values outside the method's ranges, naming each by {@code prefix + name} (a key path such as
     * {@code groups.head.}): PyTorch's checks, and Nesterov's need of momentum &gt; 0 and dampening 0.
     * {@code values} is read by name.
     */
    public void check(String prefix, ToDoubleFunction<String> values) {
        for (Hyperparameter h : hyperparameters) {
            double v = values.applyAsDouble(h.name());
            // Runs at every step: the key path is put together only for the error.
            if (!h.range().accepts(v)) h.range().check(prefix + h.name(), v);
        }
        if (this == NESTEROV) {
            double mu = values.applyAsDouble("momentum"), damp = values.applyAsDouble("dampening");
            if (!(mu > 0 && damp == 0)) {
                throw InvalidInputException.of("Nesterov momentum needs " + prefix + "momentum (" + mu + ") > 0 and "
                        + prefix + "dampening (" + damp + ") = 0");
            }
        }
    }

    /** The stability model at momentum (or beta1) {@code beta} and weight decay {@code weightDecay}. */
    public Dynamics dynamics(double beta, double weightDecay) {
        return new Dynamics(this, beta, weightDecay);
    }
}
