package dev.anneal.optim;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedule-set files built to break the reader: long reference chains, out-of-range totals, and random mutations. */
class ScheduleSetHostileTest {

    /** x0: "x1", x1: "x2", …, the last a constant. */
    private static String chain(int n) {
        StringBuilder yaml = new StringBuilder("defaults:\n");
        for (int i = 0; i < n; i++) yaml.append("  x").append(i).append(": \"0.5 * x").append(i + 1).append("\"\n");
        return yaml.append("  x").append(n).append(": 0.1\ngroups:\n  g: {}\n").toString();
    }

    @Test
    void aChainOfTwentyThousandReferences_isRejectedAtTheLimit() {
        assertThatThrownBy(() -> ScheduleSet.parse(chain(20_000)))
                .isInstanceOf(ScheduleSetException.class)
                .hasMessage("defaults.x0: a chain of references from here is longer than " + Resolver.MAX_REFERENCE_DEPTH
                        + " (the limit): defaults.x0 → defaults.x1 → … → defaults.x100");
    }

    @Test
    void aChainWithinTheLimit_resolves() {
        ScheduleSet set = ScheduleSet.parse(chain(Resolver.MAX_REFERENCE_DEPTH - 1));
        assertThat(set.schedule("g", "x0").at(0)).isEqualTo(0.1 * Math.pow(0.5, Resolver.MAX_REFERENCE_DEPTH - 1));
    }

    @Test
    void aTotalBeyondTheLongRange_isRejected() {
        assertThatThrownBy(() -> ScheduleSet.parse("total: 1e30\ngroups:\n  g: {lr: 0.1}\n"))
                .isInstanceOf(ScheduleSetException.class)
                .hasMessage("total: total (1.0E30) must be at most 9223372036854775807");
    }

    /** Mutations of a valid file: each is read, or rejected with an IllegalArgumentException (ScheduleSetException is one). */
    @Test
    void mutatedFiles_areReadOrCleanlyRejected() {
        String valid = "total: 1000\ndefaults:\n  lr: \"warmup(5%, cosine(0.1, steps=95%))\"\n  momentum: \"counter(rescale(lr, 0.85, 0.95))\"\n"
                + "groups:\n  head: {lr: \"2 * lr\"}\n  body: {weight_decay: 1e-4}\n";
        String[] tokens = {"\n", ":", " ", "{", "}", "[", "]", "\"", "'", "-", "lr", "head.lr", "1e308", "9223372036854775808", "&a", "*a", "!!binary", "%"};
        Random r = new Random(12);
        int read = 0, rejected = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder(valid);
            for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
                int at = r.nextInt(s.length() + 1);
                if (r.nextBoolean()) s.insert(at, tokens[r.nextInt(tokens.length)]);
                else s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(4)));
            }
            try {
                ScheduleSet set = ScheduleSet.parse(s.toString());
                for (String group : set.groups()) {
                    for (var e : set.group(group).entrySet()) {
                        for (long step : new long[] {0, 500, 999, Long.MAX_VALUE}) {
                            assertThat(e.getValue().at(step)).as("%s.%s in %s", group, e.getKey(), s).isNotNaN();
                        }
                    }
                }
                read++;
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("message for %s", s).isNotBlank();
                rejected++;
            }
        }
        assertThat(read).isPositive();
        assertThat(rejected).isPositive();
    }
}
