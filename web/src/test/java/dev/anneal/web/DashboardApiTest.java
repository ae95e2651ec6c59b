package dev.anneal.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API over a real SQLite store, through real HTTP: answers, paging, bad input, and the security rules. */
class DashboardApiTest {
    @TempDir
    static Path dir;
    static RunStore store;
    static Dashboard dashboard;
    static List<String> sweep;
    static String hostile;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        store = RunStore.open(dir.resolve("runs.db").toString());
        sweep = SampleRuns.many(store, 6, 2_000);
        Files.writeString(dir.resolve("figure.svg"), "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
        try (Recorder r = store.start(NewRun.of(RunKind.TRAIN, "<img src=x onerror=alert(1)>"))) {
            r.record("loss", 0, 1.0);
            r.artifact(dir.resolve("figure.svg"), "figure");
            r.finish();
            hostile = r.runId();
        }
        dashboard = Dashboard.start(store, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        dashboard.close();
        store.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Dashboard.JSON.readTree(r.body());
    }

    @Test
    void runs_pagedSortedAndFiltered() throws Exception {
        JsonNode page = json(get("/api/runs?size=4&page=1&sort=name&order=asc"));
        assertThat(page.get("total").asInt()).isEqualTo(7);
        assertThat(page.get("runs")).hasSize(3);
        // names ascending, case-insensitively: '<img…' sorts first, so page 2 holds the 5th to 7th sweep names
        assertThat(page.get("runs").get(0).get("name").asText()).isEqualTo("sweep lr=0.1 seed=1");
        JsonNode filtered = json(get("/api/runs?q=lr%3D0.3"));
        assertThat(filtered.get("total").asInt()).isEqualTo(2);
        JsonNode byLoss = json(get("/api/runs?sort=metric:loss&order=asc&kind=train&status=finished"));
        double previous = Double.NEGATIVE_INFINITY;
        for (JsonNode r : byLoss.get("runs")) {
            if (!r.get("metrics").has("loss")) continue;
            assertThat(r.get("metrics").get("loss").asDouble()).isGreaterThanOrEqualTo(previous);
            previous = r.get("metrics").get("loss").asDouble();
        }
    }

    @Test
    void series_downsampledToMinMaxLastBuckets_keepingSpikes() throws Exception {
        String id = sweep.getFirst();
        JsonNode all = json(get("/api/runs/" + id + "/series?points=100")).get("series");
        assertThat(all.fieldNames()).toIterable().contains("loss", "lr[0]", "momentum[0]", "time");
        JsonNode loss = all.get("loss");
        assertThat(loss.get("step").size()).isLessThanOrEqualTo(100);
        // the spike at step 500 (loss + 1.5) survives in its bucket's max, though the bucket's last value is low
        double maxOfMax = 0;
        for (JsonNode v : loss.get("max")) maxOfMax = Math.max(maxOfMax, v.asDouble());
        assertThat(maxOfMax).isGreaterThan(1.5);
        JsonNode window = json(get("/api/runs/" + id + "/series?keys=loss&from=100&to=199&points=1000")).get("series").get("loss");
        assertThat(window.get("step").size()).isEqualTo(100);
        assertThat(window.get("first").get(0).asLong()).isEqualTo(100);
    }

    @Test
    void compare_groupsByConfigKey_asMeanWithBand() throws Exception {
        JsonNode c = json(get("/api/compare?runs=" + String.join(",", sweep) + "&series=loss&group=lr&points=50&smooth=20"));
        assertThat(c.get("runs")).hasSize(6);
        assertThat(c.get("groups")).hasSize(3);
        for (JsonNode g : c.get("groups")) {
            assertThat(g.get("runs").asInt()).isEqualTo(2);
            for (int i = 0; i < g.get("mean").size(); i++) {
                if (g.get("mean").get(i).isNull()) continue;
                assertThat(g.get("min").get(i).asDouble()).isLessThanOrEqualTo(g.get("mean").get(i).asDouble() + 1e-12);
                assertThat(g.get("max").get(i).asDouble()).isGreaterThanOrEqualTo(g.get("mean").get(i).asDouble() - 1e-12);
            }
        }
        assertThat(c.get("runs").get(0).get("data").has("smoothed")).isTrue();
    }

    @Test
    void playground_curvesCheckAndConversions() throws Exception {
        JsonNode a = json(post("/api/playground", "{\"text\":\"warmup(10, cosine(0.1, steps=90))\",\"lambdaMax\":30}"));
        assertThat(a.get("total").asLong()).isEqualTo(100);
        JsonNode lr = a.get("curves").get(0);
        Schedule parsed = Spec.parse("warmup(10, cosine(0.1, steps=90))");
        assertThat(lr.get("step")).hasSize(101); // 400 points asked, 101 steps there
        for (int i = 0; i <= 100; i++) assertThat(lr.get("value").get(i).asDouble()).isEqualTo(parsed.at(i));
        assertThat(lr.get("value").get(10).asDouble()).isEqualTo(0.1);
        // 2/λmax = 0.0667 < 0.1: the peak is unstable
        assertThat(a.get("checks").get(0).get("verdict").get("kind").asText()).isEqualTo("UNSAFE");
        assertThat(a.get("conversions").get(0).get("targets")).hasSize(5);
        JsonNode set = json(post("/api/playground", "{\"text\":\"defaults:\\n  lr: cosine(0.1, steps=100%)\\n  momentum: rescale(counter(lr), min=0.85, max=0.95)\\n\",\"total\":200}"));
        assertThat(set.get("kind").asText()).isEqualTo("set");
        assertThat(set.get("curves").findValuesAsText("name")).containsExactly("lr", "momentum");
    }

    @Test
    void playground_badSpec_errorWithColumn() throws Exception {
        JsonNode a = json(post("/api/playground", "{\"text\":\"cosine(0.1, stepz=100)\",\"total\":100}"));
        assertThat(a.get("error").get("column").asInt()).isEqualTo(13);
        assertThat(a.get("error").get("reason").asText()).contains("stepz");
    }

    @Test
    void badInput_is400Or404WithAMessage_neverA500() throws Exception {
        for (String path : List.of("/api/runs?size=0", "/api/runs?page=x", "/api/runs?sort=drop%20table", "/api/runs?kind=nope",
                "/api/runs/" + sweep.getFirst() + "/series?points=-1", "/api/runs/" + sweep.getFirst() + "/series?from=9&to=1",
                "/api/compare", "/api/compare?runs=a,b&smooth=-1", "/api/runs/" + sweep.getFirst() + "/artifacts/x")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(path).isNotBlank();
        }
        for (String path : List.of("/api/runs/zzzz", "/api/runs/%27%20or%201=1", "/api/runs/" + sweep.getFirst() + "/series?keys=nope",
                "/api/runs/" + sweep.getFirst() + "/artifacts/7", "/api/lab/" + sweep.getFirst(), "/api/nothing")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("\"error\"").doesNotContain("Exception").doesNotContain("at dev.");
        }
        HttpResponse<String> notJson = post("/api/playground", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("at com.");
        assertThat(post("/api/playground", "{\"text\":\"cosine(0.1, steps=10)\",\"total\":-5}").statusCode()).isEqualTo(400);
    }

    @Test
    void noPathTraversal_throughStaticOrArtifactRoutes() throws Exception {
        for (String path : List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/js/..%2f..%2f..%2fetc%2fpasswd",
                "/webjars/../../../../etc/passwd", "/webjars/%2e%2e/%2e%2e/etc/passwd", "/..%5c..%5cetc%5cpasswd",
                "/api/runs/" + hostile + "/artifacts/..%2f..%2fetc%2fpasswd")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("root:");
        }
        HttpResponse<String> svg = get("/api/runs/" + hostile + "/artifacts/0");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
    }

    @Test
    void loopback_answersOnlyToLocalNames() throws Exception {
        // a page on evil.example whose name was rebound to 127.0.0.1 sends its own name as Host
        try (Socket s = new Socket("127.0.0.1", dashboard.port())) {
            s.getOutputStream().write(("GET /api/runs HTTP/1.1\r\nHost: evil.example:" + dashboard.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("localhost only").doesNotContain("sweep lr");
        }
        assertThat(Dashboard.isLoopback("127.0.0.1")).isTrue();
        assertThat(Dashboard.isLoopback("localhost")).isTrue();
        assertThat(Dashboard.isLoopback("0.0.0.0")).isFalse();
        assertThat(get("/api/runs").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesAndChartLibrary_comeFromTheJar() throws Exception {
        assertThat(get("/").body()).contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").doesNotContain("https://");
        HttpResponse<String> uplot = get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
    }
}
