/**
 * The framework dialects of the spec language: torch., hf., optax., keras. and timm. Each registers its names with
 * core's parser as a {@link dev.anneal.spec.Dialect} service; nothing in core names them.
 */
module dev.anneal.dialects {
    requires transitive dev.anneal.core;

    exports dev.anneal.dialect.torch;
    exports dev.anneal.dialect.hf;
    exports dev.anneal.dialect.optax;
    exports dev.anneal.dialect.keras;
    exports dev.anneal.dialect.timm;

    provides dev.anneal.spec.Dialect with
            dev.anneal.dialect.torch.TorchDialect,
            dev.anneal.dialect.hf.HfDialect,
            dev.anneal.dialect.optax.OptaxDialect,
            dev.anneal.dialect.keras.KerasDialect,
            dev.anneal.dialect.timm.TimmDialect;
}
