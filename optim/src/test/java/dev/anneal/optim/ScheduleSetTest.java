package dev.anneal.optim;

import dev.anneal.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScheduleSetTest {

    @Test
    void rescaleCounter_isOneCycleMomentum() {
        // lr = cyclic(0, 0.1, up=10): momentum = 0.95 − lr (range [0, 0.1] onto [0.85, 0.95], counter-phase).
        ScheduleSet set = ScheduleSet.builder().defaults(d -> d
                .set("lr", "cyclic(0, 0.1, up=10)")
                .set("momentum", "rescale(counter(lr), min=0.85, max=0.95)")).build();
        Schedule lr = set.schedule("default", "lr"), m = set.schedule("default", "momentum");
        for (long t = 0; t <= 40; t++) assertThat(m.at(t)).as("step %d", t).isCloseTo(0.95 - lr.at(t), within(1e-15));
        assertThat(m.at(0)).isEqualTo(0.95);
        assertThat(m.at(10)).isCloseTo(0.85, within(1e-15));
    }

    @Test
    void reference_toOtherGroup_shiftedByPhase() {
        ScheduleSet set = ScheduleSet.builder()
                .group("head", g -> g.set("lr", "cyclic(0.01, 0.1, up=50)"))
                .group("backbone", g -> g.set("lr", "0.1 * phase(head.lr, 0.25)")).build();
        Schedule head = set.schedule("head", "lr"), backbone = set.schedule("backbone", "lr");
        for (long t = 0; t < 200; t += 7) assertThat(backbone.at(t)).isCloseTo(0.1 * head.at(t + 25), within(1e-15));
    }

    @Test
    void defaults_resolveInEachGroupsScope() {
        ScheduleSet set = ScheduleSet.builder()
                .defaults(d -> d.set("lr", 0.1).set("wd_lr", "0.5 * lr"))
                .group("a")
                .group("b", g -> g.set("lr", 0.4)).build();
        assertThat(set.schedule("a", "wd_lr").at(3)).isEqualTo(0.05);
        assertThat(set.schedule("b", "wd_lr").at(3)).isEqualTo(0.2);
    }

    @Test
    void javaSchedule_canBeReferencedFromText() {
        ScheduleSet set = ScheduleSet.builder().defaults(d -> d
                .set("lr", Schedule.of("ramp", t -> 0.001 * t))
                .set("temperature", "shift(lr, 5)")).build();
        assertThat(set.schedule("default", "temperature").at(2)).isCloseTo(0.007, within(1e-15));
    }

    @Test
    void percentages_resolveAgainstTotal() {
        ScheduleSet set = ScheduleSet.builder().total(1000)
                .defaults(d -> d.set("lr", "warmup(10%, cosine(0.1, steps=90%))").set("m", "counter(lr)")).build();
        assertThat(set.schedule("default", "lr").at(50)).isCloseTo(0.05, within(1e-15));
        assertThat(set.schedule("default", "m").at(100)).isEqualTo(0.0);
    }

    @Test
    void cycle_rejected_namingTheCycle() {
        assertThatThrownBy(() -> ScheduleSet.builder()
                .group("head", g -> g.set("lr", "0.1 * backbone.lr"))
                .group("backbone", g -> g.set("lr", "shift(momentum, 3)").set("momentum", "counter(head.lr)")).build())
                .isInstanceOf(ScheduleSetException.class)
                .hasMessage("groups.head.lr: the definitions form a cycle: groups.head.lr → groups.backbone.lr"
                        + " → groups.backbone.momentum → groups.head.lr");
    }

    @Test
    void selfReference_isACycle() {
        assertThatThrownBy(() -> ScheduleSet.builder().defaults(d -> d.set("lr", "0.5 * lr")).build())
                .hasMessage("defaults.lr: the definitions form a cycle: defaults.lr → defaults.lr");
    }

    @Test
    void unknownReference_namesKeyAndColumn() {
        assertThatThrownBy(() -> ScheduleSet.builder().group("head", g -> g.set("lr", 0.1).set("momentum", "counter(lrr)")).build())
                .hasMessageStartingWith("groups.head.momentum: 'lrr' is not a hyperparameter of group head (it has lr, momentum) (column 9)");
        assertThatThrownBy(() -> ScheduleSet.builder().group("head", g -> g.set("lr", "tail.lr")).build())
                .hasMessageStartingWith("groups.head.lr: 'tail.lr' names group tail, which the set does not have (groups: head)");
    }

    @Test
    void coreError_keepsItsColumnInTheWholeSpec() {
        assertThatThrownBy(() -> ScheduleSet.builder().defaults(d -> d.set("lr", 0.1).set("m", "counter(lr) * cosine(0.1, stepz=5)")).build())
                .isInstanceOf(ScheduleSetException.class)
                .hasMessageStartingWith("defaults.m (in group default): cosine has no parameter 'stepz'")
                .hasMessageEndingWith("(column 27)\n  counter(lr) * cosine(0.1, stepz=5)\n" + " ".repeat(28) + "^");
    }

    @Test
    void rescale_ofConstant_rejected() {
        assertThatThrownBy(() -> ScheduleSet.builder().defaults(d -> d.set("lr", 0.1).set("m", "rescale(lr, min=0.85, max=0.95)")).build())
                .hasMessageStartingWith("defaults.m (in group default): rescale: the schedule (constant(0.1)) has range [0.1, 0.1]");
    }

    @Test
    void yaml_readsGroupsDefaultsAndTotal(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("set.yaml");
        Files.writeString(file, """
                total: 100
                defaults:
                  lr: warmup(10%, cosine(0.1, steps=90%))
                  momentum: rescale(counter(lr), min=0.85, max=0.95)
                  dropout: 0.1
                groups:
                  head: {}
                  backbone:
                    lr: 0.1 * head.lr
                """);
        ScheduleSet set = ScheduleSet.read(file);
        assertThat(set.groups()).containsExactly("head", "backbone");
        assertThat(set.group("backbone")).containsOnlyKeys("lr", "momentum", "dropout");
        assertThat(set.schedule("backbone", "lr").at(10)).isCloseTo(0.01, within(1e-15));
        assertThat(set.schedule("head", "momentum").at(10)).isCloseTo(0.85, within(1e-15));
        assertThat(set.schedule("backbone", "momentum").at(10)).isCloseTo(0.85, within(1e-15));
        assertThat(set.schedule("head", "dropout").at(50)).isEqualTo(0.1);
    }

    @Test
    void json_isReadToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("set.json");
        Files.writeString(file, "{\"groups\": {\"g\": {\"lr\": \"step(0.1, every=10, gamma=0.5)\", \"beta1\": 0.8}}}");
        ScheduleSet set = ScheduleSet.read(file);
        assertThat(set.schedule("g", "lr").at(25)).isEqualTo(0.025);
        assertThat(set.schedule("g", "beta1").at(0)).isEqualTo(0.8);
    }

    @Test
    void fileErrors_pointAtTheKey() {
        assertThatThrownBy(() -> ScheduleSet.parse("grops: {}")).hasMessage("grops: unknown key; a schedule set has total, defaults and groups");
        assertThatThrownBy(() -> ScheduleSet.parse("groups:\n  head:\n    momentum: [0.9]"))
                .hasMessage("groups.head.momentum: expected a number or a spec string, found a list");
        assertThatThrownBy(() -> ScheduleSet.parse("total: -5\ndefaults: {lr: 0.1}")).hasMessage("total: total (-5) must be > 0");
        assertThatThrownBy(() -> ScheduleSet.parse("groups:\n  head:\n    lr: cosin(0.1, steps=10)"))
                .hasMessageStartingWith("groups.head.lr: unknown schedule 'cosin' (did you mean 'cosine'?)");
        assertThatThrownBy(() -> ScheduleSet.parse("groups:\n  2head:\n    lr: 0.1"))
                .hasMessage("groups.2head: name (2head) must be letters, digits and '_', not starting with a digit");
        assertThatThrownBy(() -> ScheduleSet.parse("defaults: {lr: 0.1, lr: 0.2}")).hasMessageContaining("Duplicate field 'lr'");
    }
}
