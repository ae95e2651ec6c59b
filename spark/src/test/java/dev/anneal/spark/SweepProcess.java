package dev.anneal.spark;

import dev.anneal.store.RunStore;
import dev.anneal.sweep.Engine;
import dev.anneal.sweep.LocalEngine;
import dev.anneal.sweep.ProcessEngine;
import dev.anneal.sweep.Sweep;
import dev.anneal.sweep.SweepFile;

import java.nio.file.Path;

/**
 * A sweep's driver in a JVM of its own, for tests that kill it: {@code SweepProcess local|processes|spark STORE FILE N}. Once N
 * trials are done it prints "done N" and stops driving (its workers finish what they run, unrecorded), so that the
 * test kills it at a known point: N trials finished in the store, others started and left RUNNING.
 */
public final class SweepProcess {
    private SweepProcess() {}

    public static void main(String[] args) {
        try (RunStore store = RunStore.open(args[1]);
             Engine engine = switch (args[0]) {
                 case "spark" -> SparkEngine.start("local[2]", 2);
                 case "processes" -> new ProcessEngine(2);
                 default -> new LocalEngine(2);
             }) {
            int stopAt = Integer.parseInt(args[3]);
            Sweep.run(SweepFile.read(Path.of(args[2])), engine, store, (done, running, expected, best) -> {
                if (done < stopAt) return;
                System.out.println("done " + done);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
