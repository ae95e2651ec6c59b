package dev.anneal.web;

import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (Debian's chromium, headless), one browser for every test: the runs table, a run's
 * charts drawn with data, two runs overlaid, the playground's curve following the text and its caret message, the
 * lab, and names with HTML in them shown as text. Each test saves a screenshot under target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    @TempDir
    static Path dir;
    static RunStore store;
    static Dashboard dashboard;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static List<String> sweep;
    static Recorder live;

    @BeforeAll
    static void start() throws Exception {
        store = RunStore.open(dir.resolve("runs.db").toString());
        sweep = SampleRuns.many(store, 6, 3_000);
        SampleRuns.record(store, "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>", 100, 4, 0.1, 9);
        live = SampleRuns.running(store, "live run", 3_000, 1_000, 0.1, 7);
        String lab = store.start(NewRun.of(RunKind.LAB, "lab S01")).runId();
        try (Recorder study = store.start(NewRun.of(RunKind.LAB, "S01 warmup helps").withParent(lab)
                .withConfig(Map.of("study", "S01", "claim", "Warmup lets a larger peak rate <b>converge</b>.")))) {
            study.metric("warmup", 0.12);
            study.metric("no warmup", 0.57);
            for (long t = 0; t < 200; t++) {
                study.record("warmup", t, Math.exp(-t / 50.0));
                study.record("no warmup", t, Math.exp(-t / 120.0));
            }
            study.event(0, "verdict", "REPRODUCED: warmup reaches the target 2.4x sooner");
            study.finish();
        }
        dashboard = Dashboard.start(store, "127.0.0.1", 0);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (live != null) live.close();
        if (dashboard != null) dashboard.close();
        if (store != null) store.close();
    }

    static void open(String hash) {
        browser.get("http://localhost:" + dashboard.port() + "/" + hash);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** How many pixels of a chart's canvas are drawn (not transparent, not white). */
    static long inked(WebElement chart) {
        return ((Number) js("""
                const c = arguments[0].querySelector('canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240)) n++;
                return n;""", chart)).longValue();
    }

    @Test
    @Order(1)
    void runsTable_listsSortsAndFilters_showingNamesAsText() throws Exception {
        open("#/runs");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#runs tbody tr"), 10));
        WebElement hostile = browser.findElement(By.xpath("//a[contains(@class,'run-name')][starts-with(., '<script>')]"));
        assertThat(hostile.getText()).isEqualTo("<script>window.pwned=1</script><img src=x onerror=window.pwned=2>");
        assertThat(browser.findElements(By.cssSelector("#runs img, #runs script"))).isEmpty();
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);
        Browser.screenshot(browser, "runs");

        browser.findElement(By.id("run-filter")).sendKeys("lr=0.3");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#runs tbody tr"), 2));
        browser.findElement(By.id("run-filter")).clear();
        browser.findElement(By.id("run-filter")).sendKeys(" ");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#runs tbody tr"), 10));
        browser.findElement(By.xpath("//th[.='name']")).click();
        wait.until(d -> browser.findElements(By.cssSelector("#runs tbody tr a.run-name")).getFirst().getText().startsWith("sweep lr=0.3 seed=1"));
    }

    @Test
    @Order(2)
    void runsTable_updatesARunningRunLive() throws Exception {
        open("#/runs");
        By liveStatus = By.xpath("//tr[.//a[.='live run']]/td[4]");
        wait.until(ExpectedConditions.textToBe(liveStatus, "running"));
        live.finish();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(liveStatus, "finished"));
    }

    @Test
    @Order(3)
    void run_chartsDrawnWithData() throws Exception {
        open("#/run/" + sweep.getFirst());
        WebElement loss = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart[data-series='loss'] canvas")))
                .findElement(By.xpath("ancestor::div[contains(@class,'chart')]"));
        wait.until(d -> inked(loss) > 500);
        assertThat(Integer.parseInt(loss.findElement(By.cssSelector(".uplot")).getAttribute("data-points"))).isBetween(500, 1000);
        assertThat(browser.findElements(By.cssSelector(".chart[data-series]"))).hasSize(3); // loss, lr[0], momentum[0]; time is an x axis
        assertThat(browser.findElement(By.id("schedule")).getText()).contains("warmup(5%, cosine(0.03, steps=95%))");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("x-axis"))).selectByVisibleText("wall time (s)");
        wait.until(d -> loss.findElement(By.cssSelector(".u-axis")).isDisplayed());
        Browser.screenshot(browser, "run");
    }

    @Test
    @Order(4)
    void compare_overlaysTwoRuns() throws Exception {
        open("#/compare?runs=" + sweep.get(0) + "," + sweep.get(2) + "&series=loss&smooth=50");
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compare-chart canvas")))
                .findElement(By.xpath("ancestor::div[contains(@class,'chart')]"));
        wait.until(d -> inked(chart) > 500);
        String legend = chart.findElement(By.cssSelector(".u-legend")).getText();
        assertThat(legend).contains(sweep.get(0)).contains(sweep.get(2));
        Browser.screenshot(browser, "compare");
    }

    @Test
    @Order(5)
    void playground_curveFollowsTheText_andABadSpecShowsTheCaret() throws Exception {
        open("#/playground");
        WebElement lr = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#playground-charts .chart[data-name='lr']")));
        wait.until(d -> inked(lr) > 200);
        String before = (String) js("return arguments[0].querySelector('canvas').toDataURL()", lr);
        WebElement spec = browser.findElement(By.id("spec"));
        spec.clear();
        spec.sendKeys("step(0.1, every=200, gamma=0.5)");
        wait.until(d -> lr.getAttribute("data-spec").startsWith("step("));
        wait.until(d -> !before.equals(js("return arguments[0].querySelector('canvas').toDataURL()", lr)));
        assertThat(browser.findElement(By.id("check-report")).getText()).contains("no λmax given").contains("Robbins–Monro");
        browser.findElement(By.id("lambda-max")).sendKeys("10"); // 2/λmax = 0.2 > 0.1: stable
        wait.until(d -> browser.findElement(By.id("check-report")).getText().contains("Stability against λmax"));
        assertThat(browser.findElement(By.cssSelector("#check-report .verdict-SAFE")).getText()).startsWith("lr: SAFE");
        assertThat(browser.findElement(By.id("conversions")).getText()).contains("torch");
        Browser.screenshot(browser, "playground");

        spec.clear();
        spec.sendKeys("cosine(0.1, steps=100) <b>x</b>");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("spec-error")));
        wait.until(d -> error.getText().contains("^"));
        String[] lines = error.getText().split("\n");
        assertThat(lines[0]).contains("'<'");
        assertThat(lines[1]).isEqualTo("cosine(0.1, steps=100) <b>x</b>");
        assertThat(lines[2]).startsWith(" ".repeat(23) + "^"); // column 24, under the <
        assertThat(browser.findElements(By.cssSelector("#spec-error b"))).isEmpty();
        Browser.screenshot(browser, "playground-error");
    }

    @Test
    @Order(6)
    void lab_studyWithClaimTableVerdictAndFigure() throws Exception {
        open("#/lab");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("S01 warmup helps"))).click();
        WebElement claim = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim")));
        assertThat(claim.getText()).isEqualTo("Claim: Warmup lets a larger peak rate <b>converge</b>.");
        assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("REPRODUCED");
        assertThat(browser.findElement(By.id("study-table")).getText()).contains("no warmup").contains("0.57");
        WebElement figure = browser.findElement(By.cssSelector(".chart"));
        wait.until(d -> inked(figure) > 200);
        Browser.screenshot(browser, "lab");
    }
}
