package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code anneal serve}'s refusals (the server itself is tested in the web module, in a real browser). */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void serve_portOutOfRange_exit2() {
        Cli r = Cli.run("serve", "--port", "70000", "--store", dir.resolve("runs.db").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--port (70000) must be in [0, 65535]");
    }

    @Test
    void serve_portTaken_exit2NamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli r = Cli.run("serve", "--port", Integer.toString(taken.getLocalPort()), "--store", dir.resolve("runs.db").toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("Exception");
        }
    }

    @Test
    void serve_unknownHost_exit2() {
        Cli r = Cli.run("serve", "--host", "no-such-host.invalid", "--store", dir.resolve("runs.db").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("host (no-such-host.invalid) cannot be resolved");
    }

    @Test
    void serve_noStore_exit2() {
        Cli r = Cli.run("serve", "--no-store");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--no-store");
    }
}
