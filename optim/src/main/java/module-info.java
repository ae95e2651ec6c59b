/** Anneal's optimizers: they consume schedules for every hyperparameter. */
module dev.anneal.optim {
    requires transitive dev.anneal.core;
    requires jdk.incubator.vector;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports dev.anneal.optim;
    exports dev.anneal.optim.grad;
    exports dev.anneal.optim.curvature;
}
