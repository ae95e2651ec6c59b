package dev.anneal.dialect.torch;

import dev.anneal.dialect.Plugin;

/** The torch. dialect, as the service loader finds it. */
public final class TorchDialect extends Plugin {
    public TorchDialect() {
        super("torch", Torch.families(), new TorchRules());
    }
}
