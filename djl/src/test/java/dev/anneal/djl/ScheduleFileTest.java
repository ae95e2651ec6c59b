package dev.anneal.djl;

import dev.anneal.optim.ScheduleSetException;
import dev.anneal.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ScheduleFile}: optim's schedule-set format plus the parameters each group claims, with the run's total and lr. */
class ScheduleFileTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("set.yaml"), text);
    }

    @Test
    void groupsAndClaims_inTheFilesOrder_percentagesOfTheRunsTotal() throws IOException {
        ScheduleFile f = ScheduleFile.read(file("""
                defaults:
                  lr: linear(0.1, 0.0, 50%)
                  momentum: rescale(counter(lr), min=0.85, max=0.95)
                groups:
                  body: {weight_decay: 5e-4}
                  head: {lr: 2 * body.lr}
                parameters:
                  head: [05Linear_*, "*_head"]
                  body: "*"
                """), 200, (String) null);
        assertThat(f.schedules().groups()).containsExactly("body", "head");
        assertThat(f.claims()).containsExactly(Claim.of("head", "05Linear_*", "*_head"), Claim.of("body", "*"));
        Schedule lr = f.schedules().schedule("body", "lr");
        assertThat(lr.at(50)).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-15)); // 50% of 200 steps
        assertThat(f.schedules().schedule("head", "lr").at(50)).isEqualTo(2 * lr.at(50));
        // one-cycle momentum: the counter-phase of lr, rescaled into [0.85, 0.95]
        for (long t : new long[] {0, 25, 100}) {
            assertThat(f.schedules().schedule("body", "momentum").at(t)).isCloseTo(0.85 + (0.1 - lr.at(t)) / 0.1 * 0.1, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(f.lines()).contains("body.lr = linear(0.1, 0, steps=100)", "parameters: head 05Linear_*|*_head; body *");
        assertThat(f.lr()).isSameAs(lr);
    }

    @Test
    void oneGroup_takesEveryParameter_andTheCallersLrIsDefaultsLr() throws IOException {
        ScheduleFile f = ScheduleFile.read(file("defaults:\n  beta1: rescale(counter(lr), min=0.85, max=0.95)\n"), 10, "linear(0.01, 0.0, 100%)");
        assertThat(f.claims()).containsExactly(Claim.of("default", "*"));
        assertThat(f.schedules().schedule("default", "beta1").at(0)).isEqualTo(0.85);
        assertThat(f.schedules().schedule("default", "beta1").at(10)).isEqualTo(0.95);
        ScheduleFile none = ScheduleFile.read(null, 10, Schedule.constant(0.3));
        assertThat(none.lr().at(7)).isEqualTo(0.3);
    }

    @Test
    void flatFormOfEarlierVersions_rejectedWithTheNewForm() throws IOException {
        Path f = file("lr: cosine(0.01, 100%)\n");
        assertThatThrownBy(() -> ScheduleFile.read(f, 10, (String) null))
                .isInstanceOf(ScheduleSetException.class)
                .hasMessageStartingWith(f + ": lr: unknown key; a schedule-set file has defaults, groups and parameters.")
                .hasMessageEndingWith("is now 'defaults: {lr: …}'");
    }

    @Test
    void errors_nameTheFileAndKey() throws IOException {
        Path total = file("total: 100\ndefaults: {lr: 0.1}\n");
        assertThatThrownBy(() -> ScheduleFile.read(total, 10, (String) null))
                .hasMessage(total + ": total: the run sets it (10 steps, what percentages in specs refer to): remove it");
        Path lr = file("defaults: {lr: 0.1}\n");
        assertThatThrownBy(() -> ScheduleFile.read(lr, 10, "constant(0.2)"))
                .hasMessage(lr + ": defaults.lr: lr is also given by the command (--schedule, or find-lr's sweep): keep one");
        Path unclaimed = file("defaults: {lr: 0.1}\ngroups: {a: {}, b: {}}\n");
        assertThatThrownBy(() -> ScheduleFile.read(unclaimed, 10, (String) null))
                .hasMessageStartingWith(unclaimed + ": parameters: groups a, b need patterns saying which parameters each takes");
        Path unknown = file("defaults: {lr: 0.1}\ngroups: {a: {}, b: {}}\nparameters: {a: '*_bias', c: '*'}\n");
        assertThatThrownBy(() -> ScheduleFile.read(unknown, 10, (String) null))
                .hasMessage(unknown + ": parameters.c: no group c in groups (groups: a, b)");
        Path missing = file("defaults: {lr: 0.1}\ngroups: {a: {}, b: {}}\nparameters: {a: '*'}\n");
        assertThatThrownBy(() -> ScheduleFile.read(missing, 10, (String) null))
                .hasMessage(missing + ": parameters: groups b have no pattern: say which parameters each group takes");
        Path cycle = file("defaults: {lr: 0.1}\ngroups: {a: {lr: b.lr}, b: {lr: a.lr}}\nparameters: {a: '*', b: '*'}\n");
        assertThatThrownBy(() -> ScheduleFile.read(cycle, 10, (String) null))
                .hasMessageContaining(cycle + ": groups.a.lr: the definitions form a cycle: groups.a.lr → groups.b.lr → groups.a.lr");
    }
}
