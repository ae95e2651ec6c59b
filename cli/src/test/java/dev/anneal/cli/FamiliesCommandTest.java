package dev.anneal.cli;

import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code anneal families}: every family with its signature and example, or only the ones named. */
class FamiliesCommandTest {

    @Test
    void families_all_listsEverySignatureAndExample() {
        Cli r = Cli.run("families");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        for (Family f : Families.all()) {
            assertThat(lines).as("signature line of %s", f.name()).contains(f.signature());
            assertThat(r.out()).as("example of %s", f.name()).contains("example: " + f.example());
            assertThat(r.out()).as("summary of %s", f.name()).contains(f.summary());
        }
    }

    @Test
    void families_all_inOrderOfFamiliesAll() {
        Cli r = Cli.run("families");
        List<String> signatures = r.out().lines().filter(l -> l.matches("[a-z_]+\\(.*\\)")).toList();
        assertThat(signatures).containsExactlyElementsOf(Families.all().stream().map(Family::signature).toList());
    }

    @Test
    void families_exampleValueAtStep0_isPrinted() {
        Cli r = Cli.run("families", "cosine");
        assertThat(r.out()).contains("example: cosine(0.1, steps=1000, floor=0.001)").contains("(at step 0: 0.1)");
    }

    @Test
    void families_oneName_printsOnlyThatFamily() {
        Cli r = Cli.run("families", "cosine");
        assertThat(r.code()).as(r.toString()).isZero();
        Family cosine = Families.find("cosine").orElseThrow();
        List<String> unindented = r.out().lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
        assertThat(unindented).containsExactly(cosine.signature());
        for (Family other : Families.all()) {
            if (!other.name().equals("cosine")) {
                assertThat(r.out()).as("output for cosine only").doesNotContain(other.signature());
            }
        }
        assertThat(r.out()).doesNotContain("Composition");
    }

    @Test
    void families_twoNames_printsThoseInGivenOrder() {
        Cli r = Cli.run("families", "wsd", "constant");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> unindented = r.out().lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
        assertThat(unindented).containsExactly(Families.find("wsd").orElseThrow().signature(),
                Families.find("constant").orElseThrow().signature());
    }

    @Test
    void families_unknownName_exit2() {
        Cli r = Cli.run("families", "cosin");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("anneal: unknown family 'cosin' (did you mean cosine?)" + System.lineSeparator());
    }

    @Test
    void families_misspeltDialectName_suggestsWithinThatDialect() {
        Cli r = Cli.run("families", "torch.StepL");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("unknown family 'torch.StepL' (did you mean torch.StepLR?)");
    }

    @Test
    void families_nameFarFromAny_listsTheKnownOnes() {
        Cli r = Cli.run("families", "xyzzy");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("anneal: unknown family 'xyzzy'; known: constant, linear,").contains("clamp")
                .doesNotContain("did you mean");
    }
}
