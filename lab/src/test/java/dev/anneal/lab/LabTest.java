package dev.anneal.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabTest {
    /** A study whose arms are Gaussian draws: 'low' has mean 0, 'high' mean 10, so 'low' below 'high' is REPRODUCED. */
    static final class Toy implements Study {
        final List<Long> seen = Collections.synchronizedList(new ArrayList<>());

        @Override public String id() { return "T01"; }
        @Override public String title() { return "toy <study>"; }
        @Override public String source() { return "000"; }
        @Override public String claim() { return "low is below high"; }
        @Override public String setup(Mode mode) { return "draws, " + mode; }
        @Override public String metric() { return "a draw"; }
        @Override public Rule rule() { return Rule.lower("low", "high"); }
        @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
        @Override public Figure figure() { return Figure.linear("toy", "x", "y"); }

        @Override
        public Trial run(Mode mode, long seed) {
            seen.add(seed);
            SplittableRandom r = new SplittableRandom(seed);
            return new Trial().metric("low", r.nextGaussian()).metric("high", 10 + r.nextGaussian())
                    .curve("line", new Curve(new double[] {0, 1}, new double[] {seed, 2 * seed}));
        }
    }

    static final class Broken extends LabTestStudies.Named {
        Broken() {
            super("T02");
        }

        @Override
        public Trial run(Mode mode, long seed) {
            if (seed == 3) throw new IllegalStateException("boom at seed 3");
            return new Trial().metric("a", seed);
        }
    }

    @Test
    void run_seedsAreZeroToNMinusOne_andTableHasOneValuePerSeed() {
        Toy toy = new Toy();
        Result r = Lab.run(List.of(toy), 6, Mode.REDUCED, 3, (d, t, s) -> {}).getFirst();
        assertThat(toy.seen).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(r.table().orElseThrow().arm("low").values()).hasSize(6);
        assertThat(r.judgement().orElseThrow().verdict()).isEqualTo(Verdict.REPRODUCED);
        // mean curve over seeds 0..5: y = (mean seed, 2·mean seed) = (2.5, 5)
        assertThat(r.curves().get("line").y()).containsExactly(2.5, 5.0);
    }

    @Test
    void run_sameSeedsSameNumbers_whateverTheWorkerCount() {
        Result one = Lab.run(List.of(new Toy()), 5, Mode.FULL, 1, (d, t, s) -> {}).getFirst();
        Result four = Lab.run(List.of(new Toy()), 5, Mode.FULL, 4, (d, t, s) -> {}).getFirst();
        assertThat(four.table()).isEqualTo(one.table());
    }

    @Test
    void run_progressCountsEveryTrial() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        Lab.run(List.of(new Toy(), new Toy()), 5, Mode.REDUCED, 2, (d, t, s) -> {
            assertThat(t).isEqualTo(10);
            done.add(d);
        });
        assertThat(done).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void run_failingTrial_reportedAsErrorForThatStudyOnly() {
        List<Result> rs = Lab.run(List.of(new Broken(), new Toy()), 5, Mode.REDUCED, 2, (d, t, s) -> {});
        assertThat(rs.get(0).status()).isEqualTo("ERROR");
        assertThat(rs.get(0).error()).contains("IllegalStateException: boom at seed 3");
        assertThat(rs.get(1).status()).isEqualTo("REPRODUCED");
    }

    @Test
    void run_tooFewSeedsOrWorkers_rejected() {
        assertThatThrownBy(() -> Lab.run(List.of(new Toy()), 4, Mode.FULL, 1, (d, t, s) -> {})).hasMessage("seeds (4) must be >= 5");
        assertThatThrownBy(() -> Lab.run(List.of(new Toy()), 5, Mode.FULL, 0, (d, t, s) -> {})).hasMessage("jobs (0) must be >= 1");
    }

    @Test
    void trial_nonFiniteMetric_rejectedWithArmName() {
        assertThatThrownBy(() -> new Trial().metric("x", Double.POSITIVE_INFINITY))
                .hasMessage("metric of arm 'x' is Infinity: a study must report a finite number");
    }

    @Test
    void report_writesSummaryTablesFiguresAndJson(@TempDir Path dir) throws IOException {
        List<Result> rs = Lab.run(List.of(new Toy(), new Broken()), 5, Mode.REDUCED, 2, (d, t, s) -> {});
        Report.write(rs, dir);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<li>experiment: 2 studies, 1 reproduced, 0 not reproduced, 0 inconclusive, 1 failed</li>")
                .contains("'high' − 'low' per seed: ")
                .contains("toy &lt;study&gt;").contains("<img src=\"t01.png\"").contains("Verdict: REPRODUCED")
                .contains("Verdict: ERROR</b> — IllegalStateException: boom at seed 3");
        assertThat(dir.resolve("t01.png")).exists().isNotEmptyFile();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("results.json").toFile());
        var toy = json.get("studies").get(0);
        assertThat(toy.get("verdict").asText()).isEqualTo("REPRODUCED");
        assertThat(toy.get("arms").get(0).get("values")).hasSize(5);
        assertThat(toy.get("arms").get(0).get("mean").asDouble()).isEqualTo(rs.getFirst().table().orElseThrow().arm("low").mean());
        assertThat(json.get("studies").get(1).get("error").asText()).contains("boom");
        assertThat(toy.get("kind").asText()).isEqualTo("experiment");
        var c = toy.get("comparisons").get(0);
        var expected = rs.getFirst().judgement().orElseThrow().comparisons().getFirst();
        assertThat(c.get("mean_difference").asDouble()).isEqualTo(expected.mean());
        assertThat(c.get("se").asDouble()).isEqualTo(expected.se());
        assertThat(c.get("a_lower").asInt()).isEqualTo(5);
        assertThat(toy.get("curves").get("line").get("min")).hasSize(2);
        assertThat(toy.has("previous_verdict")).isFalse();
    }

    /** Toy with a shift of 'high' as its parameter and a previous verdict. */
    static final class Shifted extends LabTestStudies.Named {
        final double shift;

        Shifted(double shift) {
            super("T03");
            this.shift = shift;
        }

        @Override public Rule rule() { return Rule.lower("low", "high"); }
        @Override public Optional<Sweep> sweep() { return Optional.of(Sweep.of("shift", Shifted::new, -5, 0, 5)); }
        @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.INCONCLUSIVE, "now paired")); }

        @Override
        public Trial run(Mode mode, long seed) {
            double noise = new SplittableRandom(seed).nextGaussian();
            // the same noise in both arms: the paired difference is exactly the shift, plus a seed-dependent wobble
            return new Trial().metric("low", noise).metric("high", noise + shift + 0.01 * seed).budget("low", 3).budget("high", 3 + seed)
                    .curve("line", new Curve(new double[] {0, 1}, new double[] {seed, -seed}));
        }
    }

    @Test
    void run_sweepVariantsJudgedOnTheSameSeeds_andTheChangeOfVerdictReported(@TempDir Path dir) throws IOException {
        Result r = Lab.run(List.of(new Shifted(1)), 5, Mode.REDUCED, 2, (d, t, s) -> {}).getFirst();
        assertThat(r.judgement().orElseThrow().verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(r.sweep()).extracting(Sweep.Outcome::value, Sweep.Outcome::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("-5", Verdict.NOT_REPRODUCED), org.assertj.core.groups.Tuple.tuple("0", Verdict.REPRODUCED),
                org.assertj.core.groups.Tuple.tuple("5", Verdict.REPRODUCED));
        // budgets are averaged over the seeds: high 3 + (0+1+2+3+4)/5 = 5
        assertThat(r.table().orElseThrow().budgets()).containsEntry("low", 3.0).containsEntry("high", 5.0);
        // the band spans the seeds' values: min −4 and max 4 at x = 1
        assertThat(r.bands().get("line").low().y()).containsExactly(0.0, -4.0);
        assertThat(r.bands().get("line").high().y()).containsExactly(4.0, 0.0);
        assertThat(r.changed()).isPresent();
        Report.write(List.of(r), dir);
        assertThat(Files.readString(dir.resolve("index.html"))).contains("sweep of shift").contains("Before issue 15</b>: INCONCLUSIVE — now paired")
                .contains("budget Σηₜ");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("studies").get(0);
        assertThat(json.get("previous_verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(json.get("change").asText()).isEqualTo("now paired");
        assertThat(json.get("sweep").get("points").get(0).get("verdict").asText()).isEqualTo("NOT REPRODUCED");
        assertThat(json.get("arms").get(1).get("budget").asDouble()).isEqualTo(5.0);
        assertThat(Report.line(r)).startsWith("T03  experiment             REPRODUCED      (was INCONCLUSIVE)");
    }

    @Test
    void counts_keepKindsApart() {
        Result r = Lab.run(List.of(new Toy()), 5, Mode.REDUCED, 1, (d, t, s) -> {}).getFirst();
        Study identity = new LabTestStudies.Named("T04") {
            @Override public Evidence evidence() { return Evidence.IDENTITY; }
            @Override public Trial run(Mode mode, long seed) { return new Trial().metric("a", 1); }
        };
        Result i = Lab.run(List.of(identity), 5, Mode.REDUCED, 1, (d, t, s) -> {}).getFirst();
        assertThat(Report.counts(List.of(r, i))).containsExactly("experiment: 1 study, 1 reproduced, 0 not reproduced, 0 inconclusive",
                "identity: 1 study, 1 reproduced, 0 not reproduced, 0 inconclusive");
    }

    @Test
    void curve_thin_keepsFirstAndLast() {
        double[] y = new double[1001];
        for (int i = 0; i < y.length; i++) y[i] = i;
        Curve c = Curve.of(y).thin(100);
        assertThat(c.x().length).isLessThanOrEqualTo(101);
        assertThat(c.x()[0]).isZero();
        assertThat(c.x()[c.x().length - 1]).isEqualTo(1000);
        assertThat(c.y()).isEqualTo(c.x());
    }
}
