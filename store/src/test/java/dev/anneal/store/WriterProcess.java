package dev.anneal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM that records one run into a store, for the crash and concurrency tests: {@code steps} steps of
 * {@code series} series, value {@link #value}, sleeping {@code pauseMicros} between steps; prints {@code run: ID}.
 */
final class WriterProcess {
    static final Liveness LIVENESS = new Liveness(Duration.ofMillis(200), Duration.ofMillis(1000));

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long steps = Long.parseLong(args[1]);
        int series = Integer.parseInt(args[2]);
        long pauseMicros = Long.parseLong(args[3]);
        try (RunStore store = RunStore.open(url)) {
            Recorder r = store.start(NewRun.of(RunKind.TRAIN, "writer " + ProcessHandle.current().pid()), LIVENESS);
            System.out.println("run: " + r.runId());
            System.out.flush();
            List<Recorder.Series> handles = new ArrayList<>();
            for (int s = 0; s < series; s++) {
                handles.add(r.series("s" + s, s % 2 == 0 ? "" : "g"));
            }
            for (long step = 0; step < steps; step++) {
                for (int s = 0; s < series; s++) {
                    r.record(handles.get(s), step, value(s, step));
                }
                if (pauseMicros > 0) {
                    Thread.sleep(Duration.ofNanos(pauseMicros * 1000));
                }
            }
            r.finish();
        }
    }

    static double value(int series, long step) {
        return series * 1e7 + step + 0.25;
    }

    /** Starts a writer JVM on this test run's class path. */
    static Process start(String url, long steps, int series, long pauseMicros, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(),
                url, Long.toString(steps), Integer.toString(series), Long.toString(pauseMicros))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
