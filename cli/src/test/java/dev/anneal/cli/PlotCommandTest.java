package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code anneal plot}: PNG and SVG output, one series per spec, --log, and the printed value table. */
class PlotCommandTest {
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    @Test
    void plot_png_hasRequestedSize() throws Exception {
        Path png = dir.resolve("chart.png");
        Cli r = Cli.run("plot", "cosine(0.1, steps=100)", "--steps", "101", "-o", png.toString(), "--width", "640", "--height", "360");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void plot_pngDefaultSize_is1000x600() throws Exception {
        Path png = dir.resolve("default.png");
        Cli r = Cli.run("plot", "constant(1)", "--steps", "10", "-o", png.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void plot_outputInMissingFolder_createsIt() throws Exception {
        Path png = dir.resolve("a/b/chart.png");
        Cli r = Cli.run("plot", "constant(1)", "--steps", "10", "-o", png.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }

    @Test
    void plot_svg_isSvgOfRequestedSize() throws Exception {
        Path svg = dir.resolve("chart.svg");
        Cli r = Cli.run("plot", "cosine(0.1, steps=100)", "--steps", "101", "-o", svg.toString(), "--width", "640", "--height", "360");
        assertThat(r.code()).as(r.toString()).isZero();
        String text = Files.readString(svg);
        assertThat(text).contains("<svg").contains("640").contains("360");
        assertThat(seriesColours(text)).hasSize(1);
    }

    @Test
    void plot_twoSpecs_oneSeriesEach() throws Exception {
        Path svg = dir.resolve("two.svg");
        Cli r = Cli.run("plot", "cosine(0.1, steps=100)", "linear(0, 0.1, steps=100)", "--steps", "101", "-o", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2 series");
        assertThat(seriesColours(Files.readString(svg))).as("distinct coloured strokes, one per series").hasSize(2);
    }

    /** The legend labels each line with its spec; the SVG should carry that text (searchable, accessible). */
    @Test
    void plot_svg_containsEachSpecLabel() throws Exception {
        Path svg = dir.resolve("labels.svg");
        String a = "cosine(0.1, steps=100)", b = "linear(0, 0.1, steps=100)";
        Cli r = Cli.run("plot", a, b, "--steps", "101", "-o", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        String text = Files.readString(svg);
        assertThat(text).contains("<svg");
        assertThat(svgTexts(text)).as("<text> elements").contains(a, b);
    }

    /** Title and axis titles are text too; the y-axis title keeps its quarter turn. */
    @Test
    void plot_svg_titleAndAxisTitlesAreText() throws Exception {
        Path svg = dir.resolve("titles.svg");
        Cli r = Cli.run("plot", "cosine(0.1, steps=100)", "--steps", "101", "-o", svg.toString(),
                "--title", "Warmup & cosine <demo>", "--ylabel", "learning rate");
        assertThat(r.code()).as(r.toString()).isZero();
        String text = Files.readString(svg);
        assertThat(svgTexts(text)).as("<text> elements").contains("Warmup &amp; cosine &lt;demo&gt;", "step", "learning rate",
                "cosine(0.1, steps=100)");
        Matcher y = Pattern.compile("<g transform=\"matrix\\(([^)]*)\\)\">\\s*<text[^>]*>learning rate</text>").matcher(text);
        assertThat(y.find()).as("the y-axis title sits in a turned group: %s", text).isTrue();
        String[] m = y.group(1).trim().split("[ ,]+");
        assertThat(text).as("a default font size, which the writer leaves out for 12 px text").contains("<svg style=\"font-size:12px\"");
        assertThat(Double.parseDouble(m[0])).as("cos of the y title's turn").isCloseTo(0, within(1e-9));
        assertThat(Math.abs(Double.parseDouble(m[1]))).as("sin of the y title's turn").isCloseTo(1, within(1e-9));
    }

    /** The strings of the SVG's {@code <text>} elements. */
    private static List<String> svgTexts(String svg) {
        return Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg).results().map(g -> g.group(1)).toList();
    }

    @Test
    void plot_twoSpecs_tableHasOneColumnPerSpecAndNamesThem() {
        Path png = dir.resolve("two.png");
        String a = "cosine(0.1, steps=100)", b = "linear(0, 0.1, steps=100)";
        Cli r = Cli.run("plot", a, b, "--steps", "101", "-o", png.toString(), "--rows", "3");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).contains("step\tspec1\tspec2", "spec1 = " + a, "spec2 = " + b);
        assertThat(lines).contains("0\t0.1\t0.0", "100\t0.0\t0.1");
    }

    @Test
    void plot_logAxis_scheduleStartingAtZero_dropsNonPositivePoints() throws Exception {
        Path png = dir.resolve("log.png");
        Cli r = Cli.run("plot", "warmup(10, cosine(0.1, steps=90))", "--steps", "100", "--log", "-o", png.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }

    @Test
    void plot_logAxis_svgSeriesStartsAfterZero() throws Exception {
        Path svg = dir.resolve("log.svg");
        Cli r = Cli.run("plot", "linear(0, 1, steps=10)", "--steps", "11", "--log", "-o", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void plot_logAxis_seriesWithNoPositiveValue_exit2() {
        Path png = dir.resolve("none.png");
        Cli r = Cli.run("plot", "cosine(0.1, steps=100)", "constant(0)", "--steps", "100", "--log", "-o", png.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--log").contains("constant(0)").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void plot_badExtension_exit2() {
        Path jpg = dir.resolve("x.jpg");
        Cli r = Cli.run("plot", "constant(1)", "--steps", "10", "-o", jpg.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("-o").contains("x.jpg").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(jpg).doesNotExist();
    }

    @Test
    void plot_nonPositiveSteps_exit2() {
        Cli r = Cli.run("plot", "constant(1)", "--steps", "0", "-o", dir.resolve("z.png").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--steps (0) must be > 0");
    }

    @Test
    void plot_badSpec_exit2WithCaret() {
        Cli r = Cli.run("plot", "cosine(0.1, steps=-5)", "--steps", "10", "-o", dir.resolve("bad.png").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("steps (-5) must be > 0").contains("^").doesNotContain("Exception");
    }

    @Test
    void plot_table_hasRequestedRowsAndEndpointValues() {
        Path png = dir.resolve("table.png");
        Cli r = Cli.run("plot", "linear(1, 0, steps=100)", "--steps", "101", "--rows", "5", "-o", png.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> table = tableRows(r);
        assertThat(table).hasSize(5);
        assertThat(table).extracting(l -> l.split("\t")[0]).containsExactly("0", "25", "50", "75", "100");
        assertRow(table.get(0), 0, 1.0);
        assertRow(table.get(1), 25, 0.75);
        assertRow(table.get(4), 100, 0.0);
    }

    @Test
    void plot_tableDefault_has11Rows() {
        Cli r = Cli.run("plot", "cosine(1, steps=1000)", "--steps", "1001", "-o", dir.resolve("d.png").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> table = tableRows(r);
        assertThat(table).hasSize(11);
        assertRow(table.get(0), 0, 1.0);
        assertRow(table.get(5), 500, 0.5);
        assertRow(table.get(10), 1000, 0.0);
    }

    @Test
    void plot_tableRowsMoreThanSteps_oneRowPerStep() {
        Cli r = Cli.run("plot", "linear(0, 1, steps=2)", "--steps", "3", "--rows", "10", "-o", dir.resolve("s.png").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> table = tableRows(r);
        assertThat(table).hasSize(3);
        assertRow(table.get(0), 0, 0.0);
        assertRow(table.get(2), 2, 1.0);
    }

    @Test
    void plot_rowsZero_noTable() {
        Cli r = Cli.run("plot", "constant(1)", "--steps", "10", "--rows", "0", "-o", dir.resolve("n.png").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).hasSize(1).allMatch(l -> l.startsWith("wrote "));
    }

    @Test
    void plot_percentages_useStepsAsTotal() {
        Cli r = Cli.run("plot", "warmup(10%, cosine(1, steps=90%))", "--steps", "101", "--rows", "3", "-o", dir.resolve("p.png").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> table = tableRows(r);
        // total 101: warmup round(10.1) = 10, cosine round(90.9) = 91 steps; step 50 is cosine at 40 of 91
        assertRow(table.get(0), 0, 0.0);
        assertRow(table.get(1), 50, (1 + Math.cos(Math.PI * 40 / 91)) / 2);
        assertRow(table.get(2), 100, (1 + Math.cos(Math.PI * 90 / 91)) / 2);
    }

    /** The rows of the printed table: the lines after the header that start with a step number. */
    private static List<String> tableRows(Cli r) {
        List<String> lines = r.lines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("step\t")).findFirst().orElseThrow());
        return lines.subList(header + 1, lines.size()).stream().filter(l -> l.matches("\\d+\t.*")).toList();
    }

    private static void assertRow(String line, long step, double expected) {
        String[] cells = line.split("\t");
        assertThat(Long.parseLong(cells[0])).as("step of row '%s'", line).isEqualTo(step);
        double actual = Double.parseDouble(cells[1]);
        assertThat(actual).as("step %d: expected %s, actual %s", step, expected, actual).isCloseTo(expected, within(TOLERANCE));
    }

    /** Stroke colours that are not grey: XChart draws each series (line and legend sample) in its own colour. */
    private static Set<String> seriesColours(String svg) {
        Matcher m = Pattern.compile("stroke:rgb\\((\\d+),(\\d+),(\\d+)\\)").matcher(svg);
        return m.results()
                .filter(g -> !(g.group(1).equals(g.group(2)) && g.group(2).equals(g.group(3))))
                .map(g -> g.group(0))
                .collect(Collectors.toSet());
    }
}
