package dev.anneal.dialect.timm;

import dev.anneal.dialect.Plugin;

/** The timm. dialect, as the service loader finds it. */
public final class TimmDialect extends Plugin {
    public TimmDialect() {
        super("timm", Timm.families(), new TimmRules());
    }
}
