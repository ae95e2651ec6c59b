package dev.anneal.dialect.keras;

import dev.anneal.dialect.Plugin;

/** The keras. dialect, as the service loader finds it. */
public final class KerasDialect extends Plugin {
    public KerasDialect() {
        super("keras", Keras.families(), new KerasRules());
    }
}
