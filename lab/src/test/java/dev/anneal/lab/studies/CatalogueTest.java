package dev.anneal.lab.studies;

import dev.anneal.lab.Evidence;
import dev.anneal.lab.Lab;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Result;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every study runs in reduced mode on 5 seeds, reaches the verdict its rule gives on its table with paired comparisons
 * over every seed and a band per curve, declares its kind of evidence consistently with its parts and its verdict
 * before issue 15, and repeats bit for bit.
 */
class CatalogueTest {
    static Stream<Study> studies() {
        return Catalogue.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void reducedMode_runsAndReachesAVerdict(Study study) {
        Result r = Lab.run(List.of(study), Lab.MIN_SEEDS, Mode.REDUCED, 1, (d, t, s) -> {}).getFirst();
        assertThat(r.error()).as("error of %s", study.id()).isEmpty();
        assertThat(r.judgement()).isPresent();
        assertThat(r.table().orElseThrow().arms()).allSatisfy(a -> assertThat(a.values()).hasSize(Lab.MIN_SEEDS));
        assertThat(r.curves()).as("figure curves of %s", study.id()).isNotEmpty();
        assertThat(r.bands().keySet()).as("a band per curve of %s", study.id()).isEqualTo(r.curves().keySet());
        var judgement = r.judgement().orElseThrow();
        // every paired comparison rests on every seed, and its sign count cannot exceed them
        assertThat(judgement.comparisons()).allSatisfy(c -> {
            assertThat(c.n()).isEqualTo(Lab.MIN_SEEDS);
            assertThat(c.lower()).isBetween(0, Lab.MIN_SEEDS);
        });
        // the verdict is the rule's on the table, and each named part's verdict is the part's own
        assertThat(judgement.verdict()).isEqualTo(study.rule().judge(r.table().orElseThrow()).verdict());
        assertThat(r.sweep()).hasSize(study.sweep().map(sw -> sw.points().size()).orElse(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void evidenceKind_isTheStrongestOfItsParts(Study study) {
        List<Evidence> kinds = parts(study.rule());
        if (!kinds.isEmpty())
            assertThat(study.evidence()).as("kind of %s with parts %s", study.id(), kinds)
                    .isEqualTo(kinds.stream().min(java.util.Comparator.naturalOrder()).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void previousVerdict_recordedWithAReason(Study study) {
        int n = Integer.parseInt(study.id().substring(1));
        boolean partTwo = n >= 25 && n <= 38 || n >= 47; // issue 16's studies used these methods from their first run: no earlier verdict
        if (partTwo) assertThat(study.previous()).as("%s has no verdict from before issue 15", study.id()).isEmpty();
        else assertThat(study.previous()).as("verdict of %s before issue 15", study.id()).hasValueSatisfying(p -> assertThat(p.why()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void sweepPoints_areTheSameStudyWithoutASweepOfTheirOwn(Study study) {
        study.sweep().ifPresent(sw -> assertThat(sw.points()).allSatisfy(p -> {
            assertThat(p.study().id()).isEqualTo(study.id());
            assertThat(p.study().sweep()).isEmpty();
            assertThat(p.study().setup(Mode.FULL)).isNotEqualTo(study.setup(Mode.FULL));
        }));
    }

    private static List<Evidence> parts(Rule rule) {
        return switch (rule) {
            case Rule.All a -> a.parts().stream().flatMap(r -> parts(r).stream()).toList();
            case Rule.Part p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p.kind()), parts(p.rule()).stream()).toList();
            default -> List.of();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void sameSeed_sameNumbers(Study study) {
        var first = study.run(Mode.REDUCED, 3);
        var second = study.run(Mode.REDUCED, 3);
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second.curves()).isEqualTo(first.curves());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void describesItself(Study study) {
        assertThat(study.id()).matches("S\\d\\d");
        assertThat(study.source()).matches("00\\d(, 00\\d)*");
        assertThat(study.claim()).endsWith(".");
        assertThat(study.setup(Mode.FULL)).isNotBlank();
        assertThat(study.rule().describe()).contains("NOT REPRODUCED");
    }

    @Test
    void ids_uniqueAndInCatalogueOrder() {
        List<String> ids = Catalogue.all().stream().map(Study::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).isSorted();
    }

    @Test
    void select_caseInsensitive_unknownIdNamesTheChoices() {
        assertThat(Catalogue.select(List.of("s01")).getFirst().id()).isEqualTo("S01");
        assertThat(Catalogue.select(List.of())).hasSameSizeAs(Catalogue.all());
        assertThatThrownBy(() -> Catalogue.select(List.of("S99"))).hasMessageStartingWith("study (S99) must be one of [S01, ");
    }
}
