package dev.anneal.bench.optim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both splits cover every element exactly once, in parts aligned to {@link Parallel#ALIGN}; a failure reaches the caller. */
class ParallelTest {

    @Property(tries = 60)
    void everyElementOnce_partsAligned(@ForAll @IntRange(min = 1, max = 300_000) int n, @ForAll @IntRange(min = 1, max = 4) int threads,
                                       @ForAll boolean slices, @ForAll @IntRange(min = 1, max = 50_000) int chunk) {
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        List<int[]> parts = Collections.synchronizedList(new ArrayList<>());
        try (Parallel parallel = new Parallel(threads, slices ? Parallel.Split.SLICES : Parallel.Split.CHUNKS)) {
            for (int run = 0; run < 3; run++) {   // the pool's threads are reused from run to run
                parts.clear();
                Parallel.Slice count = (off, len) -> {
                    parts.add(new int[] {off, len});
                    for (int i = off; i < off + len; i++) seen.incrementAndGet(i);
                };
                if (run == 2) parallel.run(n, chunk, count);
                else parallel.run(n, count);
                for (int[] part : parts) assertThat(part[0] % Parallel.ALIGN).isZero();
                if (run == 2) for (int[] part : parts) assertThat(part[1]).isLessThanOrEqualTo(Math.ceilDiv(chunk, Parallel.ALIGN) * Parallel.ALIGN);
            }
        }
        for (int i = 0; i < n; i++) assertThat(seen.get(i)).as("element %d", i).isEqualTo(3);
    }

    @Test
    void slices_onePartPerThread() {
        List<int[]> parts = Collections.synchronizedList(new ArrayList<>());
        try (Parallel parallel = new Parallel(2, Parallel.Split.SLICES)) {
            parallel.run(1000, (off, len) -> parts.add(new int[] {off, len}));
        }
        // ⌈1000 / 2⌉ = 500, rounded up to 512 = 8 · 64
        assertThat(parts).extracting(p -> p[0] + "+" + p[1]).containsExactlyInAnyOrder("0+512", "512+488");
    }

    @Test
    void chunks_ofChunkElements() {
        List<Integer> lengths = Collections.synchronizedList(new ArrayList<>());
        try (Parallel parallel = new Parallel(2)) {
            parallel.run(3 * Parallel.CHUNK + 5, (off, len) -> lengths.add(len));
        }
        assertThat(lengths).containsExactlyInAnyOrder(Parallel.CHUNK, Parallel.CHUNK, Parallel.CHUNK, 5);
    }

    @Test
    void failureInAnyPart_reachesTheCaller() {
        try (Parallel parallel = new Parallel(2)) {
            assertThatThrownBy(() -> parallel.run(4 * Parallel.CHUNK, (off, len) -> {
                if (off == 3 * Parallel.CHUNK) throw new ArithmeticException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("a kernel thread failed").hasRootCauseInstanceOf(ArithmeticException.class);
            // and the pool still works afterwards
            AtomicIntegerArray seen = new AtomicIntegerArray(10);
            parallel.run(10, (off, len) -> { for (int i = off; i < off + len; i++) seen.incrementAndGet(i); });
            for (int i = 0; i < 10; i++) assertThat(seen.get(i)).isEqualTo(1);
        }
    }
}
