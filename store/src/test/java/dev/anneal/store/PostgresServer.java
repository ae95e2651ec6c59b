package dev.anneal.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL server from Debian's {@code postgresql} package, for the tests: installed with apt-get when
 * missing, initialised in a temporary folder, run as the unprivileged {@code postgres} user when the tests run as
 * root, listening on a free loopback port, and stopped (its folder removed) when the test run ends.
 */
final class PostgresServer implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path data, int port, boolean asPostgres) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Gives a test method or {@code @BeforeAll} the shared server as a parameter. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PostgresServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared(context);
        }
    }

    /** The server shared by every test of this run, started on first use. */
    static PostgresServer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PostgresServer.class, k -> start(), PostgresServer.class);
    }

    /** A new, empty database on this server, as a JDBC URL. */
    String newDatabase() {
        String name = "anneal_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=anneal";
    }

    static PostgresServer start() {
        try {
            Path bin = binaries();
            boolean root = "root".equals(System.getProperty("user.name"));
            // as root the server runs as postgres, which must reach its folder: /tmp rather than a private TMPDIR
            Path data = root ? Files.createTempDirectory(Path.of("/tmp"), "anneal-pg-") : Files.createTempDirectory("anneal-pg-");
            if (root) {
                run(List.of("chown", "postgres:postgres", data.toString()));
            }
            PostgresServer server = new PostgresServer(bin, data, freePort(), root);
            server.pg(List.of("initdb", "-D", data.toString(), "-U", "anneal", "--auth=trust", "-E", "UTF8",
                    "--no-sync", "--no-instructions"));
            server.pg(List.of("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w",
                    "-t", "60", "-o", "-p " + server.port + " -k " + data + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c full_page_writes=off -c max_connections=60", "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        pg(List.of("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void pg(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add(bin.resolve(command.getFirst()).toString());
        full.addAll(command.subList(1, command.size()));
        run(full);
    }

    /** Debian's newest PostgreSQL binaries, installing the package when none is there. */
    private static Path binaries() throws IOException {
        Path found = newest();
        if (found == null) {
            boolean root = "root".equals(System.getProperty("user.name"));
            String sudo = root ? "" : "sudo ";
            run(List.of("sh", "-c", sudo + "apt-get update -qq && DEBIAN_FRONTEND=noninteractive " + sudo
                    + "apt-get install -y -qq postgresql"));
            found = newest();
        }
        if (found == null) {
            throw new IOException("Debian's postgresql package installed no initdb under /usr/lib/postgresql");
        }
        return found;
    }

    private static Path newest() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElse(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException {
        Path log = Files.createTempFile("anneal-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 300 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
