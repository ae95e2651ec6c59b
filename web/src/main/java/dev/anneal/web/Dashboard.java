package dev.anneal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.store.RunStore;
import dev.anneal.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code anneal serve}: the dashboard's pages (static resources, the chart library from its webjar) and the JSON
 * API under {@code /api} (documented in docs/dashboard.md), over one run store.
 *
 * <pre>{@code try (Dashboard d = Dashboard.start(store, "127.0.0.1", 7070)) { ... d.url() ... }}</pre>
 */
public final class Dashboard implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The page's resources, inside the jar. */
    static final String STATIC = "/dev/anneal/web/static";
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Javalin app;
    private final String host;

    private Dashboard(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Starts serving {@code store} on {@code host}:{@code port} (0: any free port). */
    public static Dashboard start(RunStore store, String host, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port (" + port + ") must be in [0, 65535]");
        boolean loopback = isLoopback(host);
        RunIndex index = new RunIndex(store, Duration.ofSeconds(1));
        RunRoutes runs = new RunRoutes(store, index);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.staticFiles.add(STATIC, Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.before(ctx -> {
                // bound to loopback, answer only to local names: a web page elsewhere cannot rebind its DNS onto us
                if (loopback && !LOCAL_NAMES.contains(hostName(ctx.header("Host")))) {
                    throw ApiException.forbidden("this dashboard answers to localhost only (Host: "
                            + Params.shown(String.valueOf(ctx.header("Host"))) + ")");
                }
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
            });
            runs.register(config.routes);
            new LabRoutes(store, index).register(config.routes);
            config.routes.post("/api/playground", ctx -> json(ctx, Playground.answer(body(ctx, Playground.Request.class))));
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(StoreException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("anneal serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                error(ctx, 500, "internal error; the server's log has the details");
            });
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    error(ctx, 404, "no such page: " + Params.shown(ctx.path()));
                }
            });
        });
        app.start();
        index.warm();
        return new Dashboard(app, host);
    }

    /** Whether {@code host} names only this machine (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) return false;
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host (" + host + ") cannot be resolved: " + e.getMessage());
        }
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + (isLoopback(host) && !host.contains(":") ? "localhost" : shown) + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---- helpers shared by the routes

    static void json(Context ctx, Object value) throws JsonProcessingException {
        ctx.contentType("application/json").result(JSON.writeValueAsString(value));
    }

    static <T> T body(Context ctx, Class<T> type) {
        try {
            return JSON.readValue(ctx.body(), type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body must be JSON of " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json");
        try {
            ctx.result(JSON.writeValueAsString(java.util.Map.of("error", message == null ? "error" : message)));
        } catch (JsonProcessingException e) {
            ctx.result("{\"error\":\"error\"}");
        }
    }

    /** The host part of a Host header, lower case, with an IPv6 address in brackets. */
    static String hostName(String header) {
        if (header == null) return "";
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) return h.contains("]") ? h.substring(0, h.indexOf(']') + 1) : h;
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

}
