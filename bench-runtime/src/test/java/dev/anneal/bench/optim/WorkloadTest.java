package dev.anneal.bench.optim;

import dev.anneal.bench.optim.Workload.Loop;
import dev.anneal.bench.optim.Workload.Rule;
import dev.anneal.optim.kernel.KernelImpl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What one step of each loop covers, and that the memory-only loops read and write what the updates do. */
class WorkloadTest {

    @Test
    void elementsPerStep() {
        assertThat(new Workload(Rule.ADAMW, Loop.UPDATE, 1000, KernelImpl.SCALAR).elements()).isEqualTo(1000);
        assertThat(new Workload(Rule.ADAMW, Loop.PATTERN, 1000, KernelImpl.SCALAR).elements()).isEqualTo(1000);
        assertThat(new Workload(Rule.SGD_MOMENTUM, Loop.IN_CACHE, 1000, KernelImpl.SCALAR).elements())
                .isEqualTo((long) Workload.CACHE_SIZE * Workload.CACHE_PASSES);
    }

    @Test
    void adamwPattern_addsGToPMAndV() {
        float[] p = {1, 2, 3}, g = {0.5f, -1, 2}, m = {0, 0, 1}, v = {4, 5, 6};
        Patterns.adamw(p, g, m, v, 1, 2);
        assertThat(p).containsExactly(1, 1, 5);
        assertThat(m).containsExactly(0, -1, 3);
        assertThat(v).containsExactly(4, 4, 8);
        assertThat(g).containsExactly(0.5f, -1, 2);
    }

    @Test
    void sgdPattern_addsGToPAndBuf() {
        float[] p = {1, 2}, g = {0.25f, 3}, buf = {1, 1};
        Patterns.sgdMomentum(p, g, buf, 0, 2);
        assertThat(p).containsExactly(1.25f, 5);
        assertThat(buf).containsExactly(1.25f, 4);
    }

    @Test
    void stepsChangeTheParameters_evenSplitOverThreads() {
        for (Loop loop : Loop.values()) {
            Workload w = new Workload(Rule.ADAMW, loop, 100_000, KernelImpl.SCALAR);
            float before = w.checksum();
            try (Parallel parallel = new Parallel(2)) {
                w.step(parallel);
            }
            assertThat(w.checksum()).as(loop.toString()).isNotEqualTo(before).isFinite();
        }
    }

    /** One in-cache step is {@link Workload#CACHE_PASSES} updates of every one of its parameters, in order. */
    @Test
    void inCacheStep_isThePassesOverEveryParameter() {
        Workload inCache = new Workload(Rule.SGD_MOMENTUM, Loop.IN_CACHE, Workload.CACHE_SIZE, KernelImpl.SCALAR);
        Workload update = new Workload(Rule.SGD_MOMENTUM, Loop.UPDATE, Workload.CACHE_SIZE, KernelImpl.SCALAR);
        assertThat(inCache.checksum()).isEqualTo(update.checksum());
        try (Parallel one = new Parallel(1)) {
            inCache.step(one);
            for (int pass = 0; pass < Workload.CACHE_PASSES; pass++) update.step(one);
        }
        assertThat(inCache.checksum()).isEqualTo(update.checksum());
    }
}
