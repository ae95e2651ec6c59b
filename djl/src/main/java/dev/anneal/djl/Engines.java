package dev.anneal.djl;

import ai.djl.engine.Engine;

/** Starts DJL's PyTorch engine offline: the native library comes from the pytorch-native-cpu jar, never the network. */
public final class Engines {
    private Engines() {}

    /**
     * The PyTorch engine with {@code threads} intra-op threads (1 inter-op thread), seeded with {@code seed}.
     * Threads take effect only on the engine's first start in this JVM.
     */
    public static Engine pytorch(int threads, long seed) {
        if (threads < 1) throw new IllegalArgumentException("threads (" + threads + ") must be >= 1");
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        return engine;
    }
}
