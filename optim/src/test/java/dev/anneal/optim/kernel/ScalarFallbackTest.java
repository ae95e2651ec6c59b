package dev.anneal.optim.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code --add-modules jdk.incubator.vector} (how {@code anneal eval} and the other non-training commands
 * start), the kernels fall back to scalar and the vector class is never loaded: a child JVM runs
 * {@link FallbackProbe} on the same class path and reports.
 */
class ScalarFallbackTest {

    @Test
    void withoutVectorModule_kernelsRunScalar_andNeverLoadTheVectorClass() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xshare:auto", "-verbose:class",
                "-cp", System.getProperty("java.class.path"), FallbackProbe.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        // SGD: p = (1, 2) − 0.5·1; Adam step 1 without bias correction, g = 1: m = 1 − β1, v = 1 − β2 (each rounded
        // once from double), p −= m / (√v + 1e-8)
        float m = (float) (1 - 0.9), v = (float) (1 - 0.999), adam = m / ((float) Math.sqrt(v) + 1e-8f);
        assertThat(out).contains("vector=false p=[" + (0.5f - adam) + ", " + (1.5f - adam) + "] Adam scalar, SGD scalar").doesNotContain("VectorKernels").doesNotContain("jdk.incubator.vector");
    }
}
