package dev.anneal.lab.studies;

import dev.anneal.lab.Lab;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Result;
import dev.anneal.lab.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every study runs in reduced mode on 5 seeds, reaches a verdict from its numbers, and repeats bit for bit. */
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
