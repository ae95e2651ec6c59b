/**
 * Anneal's core: schedules as values, their algebra, the spec language and its analysis. Depends on nothing but the
 * JDK. Framework dialects plug in as {@link dev.anneal.spec.Dialect} services (anneal-dialects provides torch, hf,
 * optax, keras and timm).
 */
module dev.anneal.core {
    exports dev.anneal.schedule;
    exports dev.anneal.spec;
    exports dev.anneal.control;
    exports dev.anneal.analysis;
    exports dev.anneal.optimizer;
    exports dev.anneal.convert;
    // Numerical helpers (Student t, fits, Richardson extrapolation): not API, lent to the lab.
    exports dev.anneal.numeric to dev.anneal.lab;

    uses dev.anneal.spec.Dialect;
}
