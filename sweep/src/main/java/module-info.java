/** Anneal's sweeps: search spaces over runs, grid, random, ASHA and PBT, a local engine, trials exactly once in the run store. */
module dev.anneal.sweep {
    requires transitive dev.anneal.lab;
    requires transitive dev.anneal.store;
    requires dev.anneal.djl; // the fashion-mnist trial kind trains with djl's Training
    requires java.desktop;
    requires java.management; // a worker process starts with the driver's JVM flags
    requires org.knowm.xchart;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports dev.anneal.sweep;
}
