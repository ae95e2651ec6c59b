/** Anneal's core: schedules as values, their algebra and the spec language. Depends on nothing but the JDK. */
module dev.anneal.core {
    exports dev.anneal.schedule;
    exports dev.anneal.spec;
    exports dev.anneal.control;
    exports dev.anneal.analysis;
    exports dev.anneal.optimizer;
    exports dev.anneal.convert;
    exports dev.anneal.numeric;
    exports dev.anneal.dialect.torch;
    exports dev.anneal.dialect.hf;
    exports dev.anneal.dialect.optax;
    exports dev.anneal.dialect.keras;
}
