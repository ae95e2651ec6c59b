/** Anneal for DJL: schedules as DJL Trackers, a scheduled DJL optimizer, and real training on Fashion-MNIST. */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // DJL's jars are automatic modules; its types are in our API
module dev.anneal.djl {
    requires transitive dev.anneal.core;
    requires transitive dev.anneal.optim;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires transitive ai.djl.api;
    requires transitive dev.anneal.store;

    exports dev.anneal.djl;
}
