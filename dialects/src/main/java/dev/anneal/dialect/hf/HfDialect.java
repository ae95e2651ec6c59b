package dev.anneal.dialect.hf;

import dev.anneal.dialect.Plugin;

/** The hf. dialect, as the service loader finds it. */
public final class HfDialect extends Plugin {
    public HfDialect() {
        super("hf", Hf.families(), new HfRules());
    }
}
