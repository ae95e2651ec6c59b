package dev.anneal.djl;

import dev.anneal.optim.Method;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The update rules by their command-line names, each one of optim's {@link Method}s (torch.optim's SGD, Adam,
 * AdamW semantics, hyperparameter names, defaults and ranges), plus the defaults a name adds: {@code momentum} and
 * {@code nesterov} are SGD with momentum 0.9 unless the schedule set gives it.
 */
public enum Rule {
    SGD(Method.sgd(), Map.of()),
    MOMENTUM(Method.sgd(), Map.of("momentum", 0.9)),
    NESTEROV(Method.nesterov(), Map.of("momentum", 0.9)),
    ADAM(Method.adam(), Map.of()),
    ADAMW(Method.adamw(), Map.of());

    private final Method method;
    private final Map<String, Double> defaults;

    Rule(Method method, Map<String, Double> defaults) {
        this.method = method;
        this.defaults = defaults;
    }

    public Method method() {
        return method;
    }

    /** Defaults this name sets over the method's own. */
    public Map<String, Double> defaults() {
        return defaults;
    }

    /** The name on the command line and in checkpoints: sgd, momentum, nesterov, adam, adamw. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rule of(String key) {
        for (Rule r : values()) if (r.key().equals(key)) return r;
        throw new IllegalArgumentException("rule (" + key + ") must be one of " + String.join(", ", Arrays.stream(values()).map(Rule::key).toList()));
    }
}
