/** Field studies: the lab's claims on real Fashion-MNIST training with DJL (lab's runner and report, djl's training). */
@SuppressWarnings("requires-transitive-automatic")
module dev.anneal.field {
    requires transitive dev.anneal.lab;
    requires transitive dev.anneal.djl;

    exports dev.anneal.field;
}
