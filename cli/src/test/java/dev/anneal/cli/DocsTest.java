package dev.anneal.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs cannot drift: every {@code $ ./anneal …} session in README.md and docs/*.md runs in-process and its output
 * must match the text shown, and every Java example is an excerpt of a source file the build compiles. Rules in
 * {@link DocBlock}; the decision in docs/adr/0027-doc-tests.md.
 */
class DocsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path work;

    static List<DocBlock> blocks() {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().flatMap(f -> DocBlock.parse(ROOT, f).stream()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsWhatTheDocsShow_orAtLeastParses() {
        return blocks().stream().filter(b -> (b.kind() == DocBlock.Kind.SESSION || b.kind() == DocBlock.Kind.COMMANDS) && b.skip() == null)
                .map(b -> DynamicTest.dynamicTest(b.where(), () -> b.check(work)));
    }

    @TestFactory
    Stream<DynamicTest> skippedCommandsStillParse() {
        return blocks().stream().filter(b -> b.kind() == DocBlock.Kind.SESSION && b.skip() != null)
                .map(b -> DynamicTest.dynamicTest(b.where(), b::parsesOnly));
    }

    @TestFactory
    Stream<DynamicTest> everyJavaExampleIsAnExcerptOfCompiledCode() {
        return blocks().stream().filter(b -> b.kind() == DocBlock.Kind.JAVA && b.skip() == null)
                .map(b -> DynamicTest.dynamicTest(b.where(), () -> b.checkExcerpt(ROOT)));
    }

    @Test
    void everyBlockIsCheckedOrSaysWhyNot() {
        List<DocBlock> all = blocks();
        long checked = all.stream().filter(b -> b.kind() != DocBlock.Kind.OTHER && b.skip() == null).count();
        List<DocBlock> skipped = all.stream().filter(b -> b.skip() != null).toList();
        assertThat(skipped).allSatisfy(b -> assertThat(b.skip()).as(b.where()).matches("\\(.+\\)"));
        assertThat(checked).as("blocks checked (%d skipped by marker)", skipped.size()).isGreaterThanOrEqualTo(20);
        System.out.printf("docs: %d blocks checked, %d skipped by marker%n", checked, skipped.size());
    }

    @Test
    void matching_elidesWholeLinesAndPartsOfLines() {
        assertThat(DocBlock.matches(List.of("run: …", "a", "…", "z"), List.of("run: 1f2e", "a", "b", "c", "z"))).isTrue();
        assertThat(DocBlock.matches(List.of("a", "…"), List.of("a"))).isTrue();
        assertThat(DocBlock.matches(List.of("a", "z"), List.of("a", "b", "z"))).as("no elision, no extra line").isFalse();
        assertThat(DocBlock.matches(List.of("x = 0.1…"), List.of("x = 0.2"))).isFalse();
    }

    @Test
    void commandLines_splitLikeAShell() {
        assertThat(DocBlock.words("./anneal eval 'warmup(5, cosine(0.1, steps=95))' --steps \"0,5\"  # a comment"))
                .containsExactly("./anneal", "eval", "warmup(5, cosine(0.1, steps=95))", "--steps", "0,5");
    }
}
