package dev.anneal.dialect.optax;

import dev.anneal.dialect.Plugin;

/** The optax. dialect, as the service loader finds it. */
public final class OptaxDialect extends Plugin {
    public OptaxDialect() {
        super("optax", Optax.families(), new OptaxRules());
    }
}
