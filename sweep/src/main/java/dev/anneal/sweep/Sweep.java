package dev.anneal.sweep;

import dev.anneal.optim.Hyperparameters;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optimizer.Method;
import dev.anneal.store.Liveness;
import dev.anneal.store.NewRun;
import dev.anneal.store.Point;
import dev.anneal.store.Recorder;
import dev.anneal.store.Run;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs a sweep: asks its strategy for trials, runs each on the engine once, records it in the store. A trial whose id
 * the store has FINISHED is read back instead of run, so running the same sweep again after a crash runs only what
 * was not finished; an earlier unfinished attempt is replaced ({@link RunStore#startOnce}). The sweep is the trials'
 * parent run. The driver alone writes to the store: workers only compute.
 */
public final class Sweep {
    /** The progress line: trials done (run or read back), running, expected in all, best metric so far. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int running, int expected, double best);
    }

    /**
     * A trial of the sweep as it ended.
     *
     * @param reused  true when its result was read back from the store (finished by an earlier run of the sweep)
     * @param message why it FAILED, or null
     */
    public record Trial(Job job, RunStatus status, Outcome outcome, boolean reused, String message) {
        public double metric() {
            return outcome == null ? Double.NaN : outcome.metric();
        }
    }

    /** What a sweep produced: its id (the parent run), its trials in the order they ended, and for PBT the winner. */
    public record Result(String id, SweepSpec spec, List<Trial> trials, Optional<Pbt> pbt) {
        public long ran() {
            return trials.stream().filter(t -> !t.reused() && t.status() == RunStatus.FINISHED).count();
        }

        public long reused() {
            return trials.stream().filter(Trial::reused).count();
        }

        public long failed() {
            return trials.stream().filter(t -> t.status() == RunStatus.FAILED).count();
        }
    }

    /**
     * PBT's outcome: the winner's last trial, its lineage's values per generation, and every member's history (values
     * per generation, as each member's lineage lived them).
     */
    public record Pbt(Trial winner, List<SortedMap<String, String>> lineage,
                      List<List<SortedMap<String, String>>> histories, long interval) {
        /** The winner's schedule set as a file {@code anneal train --schedules} reads: piecewise where it changed. */
        public String scheduleSetYaml() {
            return winner.job().setup().scheduleSetYaml();
        }
    }

    private record Completion(Job job, Outcome outcome, Throwable error) {}

    private final SweepSpec spec;
    private final Engine engine;
    private final RunStore store;
    private final Progress progress;
    private final Liveness liveness;
    private final String id;
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final Map<String, List<Job>> inFlight = new HashMap<>();
    private final Map<String, Recorder> recorders = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Trial> ended = new LinkedHashMap<>();
    private double best = Double.NaN;

    private Sweep(SweepSpec spec, Engine engine, RunStore store, Progress progress, Liveness liveness) {
        this.spec = spec;
        this.engine = engine;
        this.store = store;
        this.progress = progress;
        this.liveness = liveness;
        this.id = spec.id();
    }

    public static Result run(SweepSpec spec, Engine engine, RunStore store, Progress progress) {
        return run(spec, engine, store, progress, Liveness.DEFAULT);
    }

    public static Result run(SweepSpec spec, Engine engine, RunStore store, Progress progress, Liveness liveness) {
        return new Sweep(spec, engine, store, progress, liveness).run();
    }

    /** The trials a grid or random sweep runs, in order (ASHA and PBT choose theirs as results come). */
    public static List<Job> trials(SweepSpec spec) {
        if (!(Planner.of(spec) instanceof Planner.ListPlanner list)) {
            throw new IllegalArgumentException("only a grid or random sweep knows its trials before it runs");
        }
        return list.jobs();
    }

    private Result run() {
        Planner planner = Planner.of(spec);
        Optional<Recorder> parent = store.startOnce(id, NewRun.of(RunKind.SWEEP, spec.name()).withConfig(config()), liveness);
        try {
            int running = 0;
            while (true) {
                for (Job job; running < engine.workers() && (job = planner.next()) != null; running++) launch(job);
                if (running == 0) break;
                Completion c = take();
                if (c.error() != null && retry(c)) continue;
                for (Job job : inFlight.remove(c.job().id())) {
                    Trial t = end(job, c);
                    planner.done(job, t.status() == RunStatus.FINISHED ? t.metric() : Double.NaN);
                    running--;
                }
                // ASHA may promote more than it expected: never show a full bar while trials still run
                progress.update(ended.size(), inFlight.size(), Math.max(planner.expected(), ended.size() + running), best);
            }
            Optional<Pbt> pbt = planner instanceof PbtPlanner p ? Optional.of(winner(p)) : Optional.empty();
            parent.ifPresent(r -> {
                r.metric("best", best);
                r.metric("trials", ended.size());
                pbt.ifPresent(w -> r.event(0, "pbt-winner", w.winner().job().id()));
                r.finish();
            });
            return new Result(id, spec, List.copyOf(ended.values()), pbt);
        } catch (RuntimeException | Error e) {
            recorders.values().forEach(r -> r.fail("the sweep stopped: " + e.getMessage()));
            parent.ifPresent(r -> r.fail(String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private void launch(Job job) {
        if (ended.containsKey(job.id())) { // a strategy may propose one trial twice (PBT: two identical members)
            List<Job> waiting = inFlight.computeIfAbsent(job.id(), k -> new ArrayList<>());
            if (waiting.isEmpty()) completions.add(new Completion(job, ended.get(job.id()).outcome(), null));
            waiting.add(job);
            return;
        }
        List<Job> waiting = inFlight.get(job.id());
        if (waiting != null) {
            waiting.add(job);
            return;
        }
        validate(job);
        Optional<Recorder> recorder = store.startOnce(job.id(), trialRun(job), liveness);
        inFlight.put(job.id(), new ArrayList<>(List.of(job)));
        if (recorder.isEmpty()) {
            completions.add(new Completion(job, readBack(job), null));
            return;
        }
        recorders.put(job.id(), recorder.get());
        submit(job);
    }

    private void submit(Job job) {
        engine.submit(job).whenComplete((outcome, error) -> completions.add(new Completion(job, outcome, error)));
    }

    /** A setup the trial cannot run is the user's error: said before anything runs, not retried. */
    private void validate(Job job) {
        try {
            ScheduleSet set = ScheduleSet.parse(job.setup().scheduleSetYaml());
            Trials.check(job.setup().task());
            Method method = Method.of(job.setup().optimizer());
            // a name the update does not read (a typo: momentun) would be ignored by a lab trial's optimizer
            for (String group : set.groups()) Hyperparameters.of(method, set, group).requireRead();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trial " + job.params() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a failed trial again unless it failed {@code retries} times already; false when it is to be marked FAILED. */
    private boolean retry(Completion c) {
        int n = failures.merge(c.job().id(), 1, Integer::sum);
        if (n > spec.retries()) return false;
        recorders.get(c.job().id()).event(0, "retry", "attempt " + (n + 1) + " after: " + reason(c.error()));
        submit(c.job());
        return true;
    }

    private Trial end(Job job, Completion c) {
        Trial done = ended.get(job.id());
        if (done != null) return done;
        Recorder r = recorders.remove(job.id());
        Trial t;
        if (c.error() != null) {
            String message = "failed " + (spec.retries() + 1) + " times; last: " + reason(c.error());
            r.fail(message);
            t = new Trial(job, RunStatus.FAILED, null, false, message);
        } else if (r == null) {
            t = new Trial(job, RunStatus.FINISHED, c.outcome(), true, null);
        } else {
            Outcome o = c.outcome();
            Recorder.Series loss = r.series("loss");
            for (int k = 0; k < o.curve().length; k++) r.record(loss, (long) k * o.every(), o.curve()[k]);
            r.metric("loss", o.metric());
            r.finish();
            t = new Trial(job, RunStatus.FINISHED, o, false, null);
        }
        ended.put(job.id(), t);
        if (t.status() == RunStatus.FINISHED && job.budget() == spec.steps() && !(t.metric() >= best)) best = t.metric();
        return t;
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof Worker.TrialFailed) return cause.getMessage(); // already "Type: message", from the worker
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private Outcome readBack(Job job) {
        Run run = store.get(job.id());
        List<Point> points = store.points(job.id(), new SeriesKey("loss", ""));
        double[] curve = points.stream().mapToDouble(Point::value).toArray();
        Double metric = run.metrics().get("loss");
        return new Outcome(curve, job.setup().every(), metric == null ? Double.NaN : metric);
    }

    private NewRun trialRun(Job job) {
        SortedMap<String, String> c = new TreeMap<>();
        job.params().forEach((k, v) -> c.put("param." + k, v));
        job.setup().task().forEach((k, v) -> c.put("task." + k, v));
        c.put("optimizer", job.setup().optimizer());
        c.put("steps", Long.toString(job.budget()));
        c.put("trial", job.label());
        return NewRun.of(RunKind.TRIAL, spec.name() + " " + job.params() + " " + job.label()).withParent(id)
                .withSeed(job.setup().seed()).withSchedule(job.setup().scheduleSetYaml()).withConfig(c);
    }

    private Map<String, String> config() {
        Map<String, String> c = new TreeMap<>();
        c.put("strategy", SweepSpec.describe(spec.strategy()));
        c.put("engine", engine.describe());
        c.put("space", spec.space().toString());
        c.put("seeds", spec.seeds().toString());
        c.put("steps", Long.toString(spec.steps()));
        return c;
    }

    private Completion take() {
        try {
            return completions.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        }
    }

    private Pbt winner(PbtPlanner p) {
        int best = -1;
        List<Job> last = p.lastJobs();
        for (int i = 0; i < last.size(); i++) {
            Trial t = ended.get(last.get(i).id());
            if (t.status() == RunStatus.FINISHED && (best < 0 || t.metric() < ended.get(last.get(best).id()).metric())) best = i;
        }
        if (best < 0) throw new IllegalStateException("every member of the last generation failed");
        return new Pbt(ended.get(last.get(best).id()), p.histories().get(best), p.histories(),
                ((Strategy.Pbt) spec.strategy()).interval());
    }
}
