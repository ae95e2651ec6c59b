package dev.anneal.optim;

import java.util.Map;

/**
 * An update rule with PyTorch 1.13 semantics and defaults. Hyperparameters, each scheduled per group: SGD reads
 * {@code lr} (required), {@code momentum} (0), {@code dampening} (0), {@code weight_decay} (0); Adam reads
 * {@code lr} (0.001), {@code beta1} (0.9), {@code beta2} (0.999), {@code eps} (1e-8), {@code weight_decay} (0, or
 * 0.01 for AdamW, as torch's defaults).
 */
public sealed interface Method {

    /** The name in state files and messages: sgd, nesterov, adam, adam_no_bias_correction, adamw. */
    String name();

    /** The defaults of the hyperparameters the rule reads; lr is missing where it is required. */
    Map<String, Double> defaults();

    /**
     * {@code torch.optim.SGD}: plain, heavy-ball with {@code momentum} and {@code dampening}, or Nesterov
     * (which needs momentum &gt; 0 and dampening 0 at every step); {@code weight_decay} is L2, added to the gradient.
     */
    record Sgd(boolean nesterov) implements Method {
        @Override
        public String name() {
            return nesterov ? "nesterov" : "sgd";
        }

        @Override
        public Map<String, Double> defaults() {
            return Map.of("momentum", 0.0, "dampening", 0.0, "weight_decay", 0.0);
        }
    }

    /**
     * {@code torch.optim.Adam} ({@code decoupled = false}: weight decay as L2 on the gradient) or {@code AdamW}
     * ({@code decoupled}: {@code p ← p·(1 − lr·weight_decay)} before the update). Without bias correction the
     * step is {@code lr·m / (√v + eps)}.
     */
    record Adam(boolean decoupled, boolean biasCorrection) implements Method {
        @Override
        public String name() {
            return decoupled ? "adamw" : biasCorrection ? "adam" : "adam_no_bias_correction";
        }

        @Override
        public Map<String, Double> defaults() {
            return Map.of("lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", decoupled ? 1e-2 : 0.0);
        }
    }

    static Method sgd() {
        return new Sgd(false);
    }

    static Method nesterov() {
        return new Sgd(true);
    }

    static Method adam() {
        return new Adam(false, true);
    }

    static Method adamWithoutBiasCorrection() {
        return new Adam(false, false);
    }

    static Method adamw() {
        return new Adam(true, true);
    }
}
