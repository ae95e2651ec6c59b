package dev.anneal.optim;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The examples of docs/optimizers.md, run: their printed values are the ones the README shows. */
class ReadmeExampleTest {

    @Test
    void builderExample() {
        float[] weights = new float[1000], bias = new float[10];
        ScheduleSet schedules = ScheduleSet.builder()
                .total(1000)
                .defaults(d -> d.set("lr", "onecycle(0.1, steps=100%)")
                        .set("momentum", "rescale(counter(lr), min=0.85, max=0.95)")
                        .set("weight_decay", 1e-4))
                .group("weights")
                .group("bias", g -> g.set("weight_decay", 0))
                .build();
        Optimizer sgd = Optimizer.builder(Method.SGD, schedules)
                .group("weights", weights)
                .group("bias", bias)
                .gradients(GradConfig.plain().withClipping(Clipping.byNorm(1.0)))
                .build();
        for (int step = 0; step < 3; step++) {
            float[] gradWeights = new float[1000], gradBias = new float[10];   // from your backward pass
            Verdict verdict = sgd.step(List.of(gradWeights, gradBias));
            assertThat(verdict.applies()).isTrue();
        }
        Trace.Row last = sgd.trace().rows().getLast();
        System.out.println(last);
        assertThat(last.step()).isEqualTo(2);
        assertThat(last.value("lr")).isEqualTo(schedules.schedule("bias", "lr").at(2));
        double lo = schedules.schedule("bias", "lr").range().min(), hi = 0.1;
        assertThat(last.value("momentum")).isCloseTo(0.85 + (hi - last.value("lr")) / (hi - lo) * 0.1, within(1e-12));
    }

    @Test
    void yamlExample(@TempDir Path dir) throws IOException, URISyntaxException {
        ScheduleSet set = ScheduleSet.read(Path.of(getClass().getResource("/optim/one-cycle-set.yaml").toURI()));
        System.out.print(set);
        assertThat(set.schedule("backbone", "lr").at(100)).isCloseTo(0.01, within(1e-15));
        assertThat(set.schedule("head", "momentum").at(100)).isCloseTo(0.85, within(1e-15));
        Optimizer adamw = Optimizer.builder(Method.ADAMW, set).group("head", new float[4]).group("backbone", new float[4]).build();
        adamw.step(List.of(new float[4], new float[4]));
        StringWriter csv = new StringWriter();
        adamw.trace().writeCsv(csv);
        System.out.print(csv);
        Path state = dir.resolve("adamw.state");
        adamw.state().save(state);
        assertThat(OptimizerState.load(state)).isEqualTo(adamw.state());
    }
}
