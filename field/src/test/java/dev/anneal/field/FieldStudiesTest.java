package dev.anneal.field;

import dev.anneal.lab.Lab;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Result;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field study in its reduced mode (a few steps of real training), through the lab's runner, as the report would. */
class FieldStudiesTest {

    @Test
    void everyFieldStudy_reducedWithFiveSeeds_getsAVerdictFromPairedDifferences() {
        List<Result> results = Lab.run(FieldStudies.all(), Lab.MIN_SEEDS, Mode.REDUCED, 2, (done, total, name) -> { });
        assertThat(results).hasSize(5);
        for (Result r : results) {
            assertThat(r.error()).as("%s", r.study().id()).isEmpty();
            assertThat(r.judgement()).as("%s", r.study().id()).isPresent();
            FieldStudy s = (FieldStudy) r.study();
            for (String other : s.comparisons()) {
                var difference = r.table().orElseThrow().arm(FieldStudy.difference(s.claimed(), other));
                var a = r.table().orElseThrow().arm(s.claimed());
                var b = r.table().orElseThrow().arm(other);
                assertThat(difference.mean()).as("%s: the mean paired difference is the difference of means", s.id())
                        .isCloseTo(a.mean() - b.mean(), org.assertj.core.api.Assertions.within(1e-9));
                // the verdict rests on the lab's paired comparison of the claimed arm with each other arm, over every seed
                var paired = r.judgement().orElseThrow().comparisons().stream()
                        .filter(c -> c.a().equals(s.claimed()) && c.b().equals(other)).findFirst();
                assertThat(paired).as("%s: paired comparison with %s", s.id(), other).isPresent();
                assertThat(paired.get().n()).isEqualTo(Lab.MIN_SEEDS);
                assertThat(paired.get().mean()).isCloseTo(-difference.mean(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @Test
    void aFieldTrial_isDeterminedByItsSeed() {
        Study s = new S29DropoutCounterPhase();
        Trial first = s.run(Mode.REDUCED, 3), again = s.run(Mode.REDUCED, 3), other = s.run(Mode.REDUCED, 4);
        assertThat(again.metrics()).isEqualTo(first.metrics());
        assertThat(other.metrics()).isNotEqualTo(first.metrics());
    }

    @Test
    void interleave_putsEachFieldStudyAfterItsToyVersion() {
        Study toy27 = new Named("S27"), toy12 = new Named("S12");
        List<String> ids = FieldStudies.interleave(List.of(toy12, toy27)).stream().map(Study::id).toList();
        assertThat(ids).containsExactly("S12", "S27", "S27F", "S28F", "S29F", "S30F", "S31F");
        assertThat(FieldStudies.toyIds()).containsExactly("S27", "S28", "S29", "S30", "S31");
    }

    /** A toy study that is only an id. */
    private record Named(String id) implements Study {
        @Override public String title() { return id; }
        @Override public String source() { return "002"; }
        @Override public String claim() { return ""; }
        @Override public String setup(Mode mode) { return ""; }
        @Override public String metric() { return ""; }
        @Override public dev.anneal.lab.Rule rule() { return dev.anneal.lab.Rule.below("x", 0); }
        @Override public dev.anneal.lab.Evidence evidence() { return dev.anneal.lab.Evidence.EXPERIMENT; }
        @Override public dev.anneal.lab.Figure figure() { return dev.anneal.lab.Figure.linear("", "", ""); }
        @Override public Trial run(Mode mode, long seed) { return new Trial(); }
    }
}
