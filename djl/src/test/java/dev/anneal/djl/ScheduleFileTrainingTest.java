package dev.anneal.djl;

import dev.anneal.optimizer.Method;

import ai.djl.nn.Parameter;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Parameter groups and references from a schedule-set file, in real training of the MLP. */
class ScheduleFileTrainingTest {
    private static Images images;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        Engines.pytorch(1, 4);
        images = FashionMnist.train(FashionMnist.DEBIAN_DIR, 1000);
    }

    private ScheduleFile read(String text, long total) throws IOException {
        return ScheduleFile.read(Files.writeString(dir.resolve("set.yaml"), text), total, (String) null);
    }

    @Test
    void mlp_headFrozenByItsGroupsLr_bodysMomentumIsTheCounterPhaseOfItsLr() throws IOException {
        long steps = Training.stepsPerEpoch(images.size(), 100, 1);
        ScheduleFile file = read("""
                defaults:
                  lr: linear(0.05, 0.01, 100%)
                groups:
                  head: {lr: 0}
                  body:
                    momentum: rescale(counter(lr), min=0.85, max=0.95)
                    weight_decay: 5e-4
                parameters:
                  head: 05Linear_*
                  body: "*"
                """, steps);
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.MOMENTUM, file).build();
        List<Step> trace = new ArrayList<>();
        try (Training t = new Training(Model.MLP, sgd, 100, 4)) {
            Map<String, float[]> before = values(t.parameters());
            t.epoch(images, 0, trace::add);
            Map<String, float[]> after = values(t.parameters());
            assertThat(before).containsKeys("01Linear_weight", "01Linear_bias", "05Linear_weight", "05Linear_bias");
            for (String path : before.keySet()) {
                if (path.startsWith("05Linear_")) assertThat(after.get(path)).as(path + ", lr 0").containsExactly(before.get(path));
                else assertThat(after.get(path)).as(path + ", trained").isNotEqualTo(before.get(path));
            }
        }
        assertThat(trace).hasSize((int) steps);
        Schedule lr = Spec.parse("linear(0.05, 0.01, " + steps + ")");
        for (Step s : trace) {
            Map<String, Double> h = s.hyperparameters();
            assertThat(h.get("head.lr")).isEqualTo(0.0);
            assertThat(s.lr()).as("the first group's lr").isEqualTo(0.0);
            assertThat(h.get("head.momentum")).as("the momentum rule's default").isEqualTo(0.9);
            assertThat(h.get("body.lr")).isEqualTo(lr.at(s.step()));
            // lr falls from 0.05 to 0.01 while momentum rises from 0.85 to 0.95
            assertThat(h.get("body.momentum")).isCloseTo(0.85 + (0.05 - lr.at(s.step())) / 0.04 * 0.1, offset(1e-12));
            assertThat(h.get("body.weight_decay")).isEqualTo(5e-4);
        }
    }

    @Test
    void mlp_parameterNoGroupClaims_rejectedNamingIt() throws IOException {
        ScheduleFile file = read("""
                defaults: {lr: 0.1}
                groups: {weights: {}, head_bias: {}}
                parameters: {weights: "*_weight", head_bias: 05Linear_bias}
                """, 10);
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, file).build();
        assertThatThrownBy(() -> new Training(Model.MLP, sgd, 100, 4).close())
                .hasMessageMatching("parameter 0[13]Linear_bias is claimed by no group \\(claims: \\[weights \\*_weight, head_bias 05Linear_bias]\\):"
                        + " add its path to a pattern, or end with a group that claims \"\\*\"");
    }

    private static Map<String, float[]> values(Map<String, Parameter> parameters) {
        Map<String, float[]> values = new LinkedHashMap<>();
        parameters.forEach((path, p) -> values.put(path, p.getArray().toFloatArray()));
        return values;
    }
}
