package dev.anneal.bench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class PagesTest {
    /** Surefire starts this JVM without -XX:+UseTransparentHugePages (the launcher adds it for bench, train, find-lr). */
    @Test
    void aJvmStartedWithoutTheFlag_saysItsHeapIsOnSmallPages() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).noneMatch(a -> a.contains("UseTransparentHugePages"));
        assertThat(Pages.heap()).isEqualTo("4 KB pages");
    }
}
