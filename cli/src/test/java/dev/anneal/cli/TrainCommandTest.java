package dev.anneal.cli;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.anneal.store.Artifact;
import dev.anneal.store.Point;
import dev.anneal.store.Run;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code anneal train fashion-mnist} end to end on a few hundred images: trace, figure, resume, snapshots, errors. */
class TrainCommandTest {
    @TempDir
    Path dir;

    private Cli train(String... extra) {
        return trainTo(dir.resolve("trace.csv"), extra);
    }

    private Cli trainTo(Path trace, String... extra) {
        String[] base = {"train", "fashion-mnist", "--limit", "600", "--test-limit", "300", "--batch", "50", "--threads", "1",
                "--trace", trace.toString(), "--figure", dir.resolve("train.png").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void train_traceHasEveryStepsAppliedValues_andFigure() throws Exception {
        String store = dir.resolve("runs.db").toString();
        Cli r = train("--epochs", "2", "--optimizer", "nesterov", "--schedule", "cosine(0.05, 100%)", "--clip-norm", "5", "--store", store);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines().getFirst()).matches("run: [0-9a-f]{10}");
        assertThat(r.out()).contains("mlp, nesterov, 600 training images, 300 test images, 2 epochs of 12 steps, 1 threads")
                .contains("  lr = cosine(0.05, steps=24)").containsPattern("test accuracy 0\\.\\d{4} \\(300 images\\)");
        assertThat(r.err()).contains("epoch 2/2 [########################] step 12/12");
        List<String> trace = Files.readAllLines(dir.resolve("trace.csv"));
        assertThat(trace.getFirst()).isEqualTo("step,epoch,loss,accuracy,lr,momentum,dampening,weight_decay,loss_scale,applied,clipped_steps,skipped_steps,half_overflows,half_underflows");
        assertThat(trace).hasSize(1 + 24);
        Schedule lr = Spec.parse("cosine(0.05, 24)");
        for (int step = 0; step < 24; step++) {
            String[] f = trace.get(1 + step).split(",");
            assertThat(Long.parseLong(f[0])).isEqualTo(step);
            assertThat(Integer.parseInt(f[1])).isEqualTo(step / 12);
            assertThat(Double.parseDouble(f[4])).as("lr applied at step %d", step).isEqualTo(lr.at(step));
            assertThat(Double.parseDouble(f[5])).as("Nesterov's default momentum").isEqualTo(0.9);
        }
        assertThat(ImageIO.read(dir.resolve("train.png").toFile())).isNotNull();

        // the store holds the same steps as the trace, the run's settings and its outcome
        try (RunStore s = RunStore.open(store)) {
            Run run = s.get(r.lines().getFirst().substring("run: ".length()));
            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.kind()).isEqualTo(RunKind.TRAIN);
            assertThat(run.config()).containsEntry("optimizer", "nesterov").containsEntry("epochs", "2").containsEntry("clip-norm", "5.0");
            assertThat(run.scheduleText()).isEqualTo("lr = cosine(0.05, steps=24)");
            assertThat(run.metrics()).containsKeys("test_accuracy", "images_per_second", "loss");
            List<Point> lrs = s.points(run.id(), SeriesKey.of("lr"));
            assertThat(lrs).hasSize(24);
            for (Point p : lrs) assertThat(p.value()).isEqualTo(lr.at(p.step()));
            assertThat(s.points(run.id(), SeriesKey.of("momentum"))).hasSize(24).allMatch(p -> p.value() == 0.9);
            // the dashboard's wall-time axis: seconds since the run started, at every step, never decreasing
            List<Point> time = s.points(run.id(), SeriesKey.of(dev.anneal.store.Recorder.TIME));
            assertThat(time).extracting(Point::step).isEqualTo(lrs.stream().map(Point::step).toList());
            for (int i = 1; i < time.size(); i++) assertThat(time.get(i).value()).isGreaterThanOrEqualTo(time.get(i - 1).value());
            assertThat(time.getFirst().value()).isPositive();
            assertThat(s.artifacts(run.id())).extracting(Artifact::kind).containsExactlyInAnyOrder("trace", "figure");
        }
    }

    @Test
    void train_writesFilesOnlyWhereAsked() throws Exception {
        String[] base = {"train", "fashion-mnist", "--limit", "200", "--test-limit", "100", "--batch", "50", "--epochs", "1"};
        Cli quiet = Cli.run(concat(base, "--no-store"));
        assertThat(quiet.code()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).doesNotContain("run: ").doesNotContain("trace: ").doesNotContain("figure: ");
        Path out = dir.resolve("out");
        Cli asked = Cli.run(concat(base, "-o", out.toString()));
        assertThat(asked.code()).as(asked.toString()).isZero();
        assertThat(asked.out()).contains("trace: " + out.resolve("train-trace.csv") + " (4 steps)").contains("figure: " + out.resolve("train.png"));
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("train-trace.csv", "train.png");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void train_resumedFromCheckpoint_sameTraceAsUninterrupted() throws Exception {
        Path uninterrupted = dir.resolve("a.csv"), resumed = dir.resolve("b.csv"), checkpoint = dir.resolve("ckpt");
        String schedule = "warmup(6, cosine(0.003, 30))";
        Cli whole = trainTo(uninterrupted, "--epochs", "3", "--schedule", schedule);
        assertThat(whole.code()).as(whole.toString()).isZero();
        Cli first = trainTo(resumed, "--epochs", "1", "--schedule", schedule, "--checkpoint", checkpoint.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        Cli rest = trainTo(resumed, "--epochs", "3", "--schedule", schedule, "--checkpoint", checkpoint.toString());
        assertThat(rest.code()).as(rest.toString()).isZero();
        assertThat(rest.out()).contains("resumed from " + checkpoint.resolve("checkpoint.bin") + ": 1 of 3 epochs done, step 12");
        assertThat(Files.readAllLines(resumed)).isEqualTo(Files.readAllLines(uninterrupted));
        assertThat(lastLine(rest.out(), "test accuracy")).isEqualTo(lastLine(whole.out(), "test accuracy"));
    }

    @Test
    void train_snapshots_reportsEnsembleLastAndSelected() {
        Cli r = train("--epochs", "3", "--optimizer", "momentum", "--schedule", "sgdr(0.05, 10, 1, 0)", "--snapshots");
        assertThat(r.code()).as(r.toString()).isZero();
        // 540 training images (60 held out) in batches of 50: 11 steps an epoch, 33 in all; cycles end at 9, 19, 29
        assertThat(r.out()).contains("snapshots: 4 (cycle ends and the last step)")
                .containsPattern("last model +test accuracy 0\\.\\d{4}")
                .containsPattern("ensemble of all 4 +test accuracy 0\\.\\d{4}")
                .containsPattern("selected \\[#4[#,0-9]*\\] +test accuracy 0\\.\\d{4} \\(chosen by disagreement on 60 held-out images\\)");
    }

    @Test
    void train_snapshotsWithoutRestarts_usageError() {
        Cli r = train("--epochs", "1", "--schedule", "cosine(0.05, 100%)", "--snapshots");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--snapshots needs a warm-restart schedule").contains("lr cosine(0.05, steps=11) has no restart within 11 steps");
    }

    @Test
    void train_missingData_namesPackageAndOption() {
        Cli r = train("--data", dir.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Fashion-MNIST not found").contains("dataset-fashion-mnist").contains("--data DIR").doesNotContain("Exception");
    }

    @Test
    void train_badOptions_usageErrors() throws Exception {
        assertThat(train("--model", "resnet").err()).contains("--model (resnet) must be one of mlp, cnn, lstm");
        assertThat(train("--optimizer", "lion").err()).contains("--optimizer (lion) must be one of sgd, momentum, nesterov, adam, adamw");
        assertThat(train("--epochs", "0").err()).contains("--epochs (0) must be >= 1");
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, "defaults:\n  lr: cosine(0.01, 100%)\n  momentum: constant(0.9)\n");
        Cli r = train("--schedules", yaml.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("groups.default.momentum is not a hyperparameter of adam (it reads beta1, beta2, eps, lr, weight_decay)");
        Files.writeString(yaml, "lr: cosine(0.01, 100%)\n");
        r = train("--schedules", yaml.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(yaml + ": lr: unknown key").contains("is now 'defaults: {lr: …}'");
        Files.writeString(yaml, "defaults:\n  lr: cosine(0.01, 100%)\n");
        r = train("--schedules", yaml.toString(), "--schedule", "constant(0.1)");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(yaml + ": defaults.lr: lr is also given by the command (--schedule, or find-lr's sweep): keep one");
        r = train("--schedule", "cosine(0.1, 100%) then");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--schedule (cosine(0.1, 100%) then): ");
        Files.writeString(yaml, "defaults:\n  lr: linear(0.1, 1.5, 100%)\n  beta1: lr\n");
        r = train("--schedules", yaml.toString());
        assertThat(r.code()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("groups.default.beta1 (").contains(") must be in [0, 1) (step ");
        assertThat(Cli.run("train", "mnist").err()).contains("DATASET (mnist) must be fashion-mnist");
    }

    @Test
    void train_schedulesFile_everyHyperparameterApplied() throws Exception {
        Path yaml = dir.resolve("adamw.yaml");
        Files.writeString(yaml, "# one schedule per hyperparameter\ndefaults:\n  lr: onecycle(0.004, 100%)\n"
                + "  beta1: linear(0.95, 0.85, 100%)\n  weight_decay: constant(0.05)\n");
        Cli r = train("--epochs", "1", "--optimizer", "adamw", "--schedules", yaml.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> trace = Files.readAllLines(dir.resolve("trace.csv"));
        assertThat(trace.getFirst()).isEqualTo("step,epoch,loss,accuracy,lr,beta1,weight_decay,beta2,eps,loss_scale,applied,clipped_steps,skipped_steps,half_overflows,half_underflows");
        String[] last = trace.getLast().split(",");
        assertThat(Double.parseDouble(last[5])).isEqualTo(Spec.parse("linear(0.95, 0.85, 12)").at(11));
        assertThat(Double.parseDouble(last[6])).isEqualTo(0.05);
    }

    @Test
    void train_groupsFromAFile_columnsPerGroup_referencesFollowLr() throws Exception {
        Path yaml = dir.resolve("groups.yaml");
        Files.writeString(yaml, """
                defaults:
                  momentum: rescale(counter(lr), min=0.85, max=0.95)
                groups:
                  head: {lr: 2 * body.lr}
                  body: {weight_decay: 1e-4}
                parameters:
                  head: 05Linear_*
                  body: "*"
                """);
        Cli r = train("--epochs", "1", "--optimizer", "momentum", "--schedule", "linear(0.05, 0.01, 100%)", "--schedules", yaml.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  head.lr = 2 * linear(0.05, 0.01, steps=12)").contains("  parameters: head 05Linear_*; body *");
        List<String> trace = Files.readAllLines(dir.resolve("trace.csv"));
        // each group's names in the set's order (defaults first), then the rule's defaults
        assertThat(trace.getFirst()).isEqualTo("step,epoch,loss,accuracy,head.momentum,head.lr,head.dampening,head.weight_decay,"
                + "body.momentum,body.lr,body.weight_decay,body.dampening,loss_scale,applied,clipped_steps,skipped_steps,half_overflows,half_underflows");
        Schedule lr = Spec.parse("linear(0.05, 0.01, 12)");
        for (int step = 0; step < 12; step++) {
            String[] f = trace.get(1 + step).split(",");
            double expectedMomentum = 0.85 + (0.05 - lr.at(step)) / 0.04 * 0.1; // high where lr is low
            assertThat(Double.parseDouble(f[4])).isCloseTo(expectedMomentum, within(1e-12));
            assertThat(Double.parseDouble(f[5])).isEqualTo(2 * lr.at(step));
            assertThat(Double.parseDouble(f[8])).isCloseTo(expectedMomentum, within(1e-12));
            assertThat(Double.parseDouble(f[9])).isEqualTo(lr.at(step));
            assertThat(Double.parseDouble(f[10])).isEqualTo(1e-4);
        }
        Files.writeString(yaml, "defaults: {lr: 0.1}\ngroups: {head: {}, body: {}}\nparameters: {head: 05Linear_*, body: '*_weight'}\n");
        Cli unclaimed = train("--schedules", yaml.toString());
        assertThat(unclaimed.code()).isEqualTo(2);
        assertThat(unclaimed.err()).containsPattern("parameter 0[13]Linear_bias is claimed by no group");
    }

    /** A value out of range at some step is the user's error: exit 2 with its key path and step, no stack trace. */
    @Test
    void beta2ReachingOneAndAHalf_exits2_withKeyPathAndStep() throws Exception {
        Path yaml = dir.resolve("set.yaml");
        Files.writeString(yaml, "defaults: {lr: 0.001, beta2: 'linear(0.999, 1.5, steps=12)'}\n");
        Cli r = train("--epochs", "1", "--optimizer", "adam", "--schedules", yaml.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        // linear from 0.999 to 1.5 over 12 steps first reaches 1 at step 1 (0.999 + 0.501/12 = 1.04…)
        assertThat(r.err()).containsPattern("groups\\.default\\.beta2 \\(1\\.0407\\d*\\) must be in \\[0, 1\\) \\(step 1\\)")
                .doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(r.err()).as("on a line of its own, after the progress bar").containsPattern("(?m)^anneal: groups\\.default\\.beta2");
    }

    private static String lastLine(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElseThrow();
    }
}
