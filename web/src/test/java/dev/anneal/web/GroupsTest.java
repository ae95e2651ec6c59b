package dev.anneal.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GroupsTest {
    @Test
    void band_meanMinMax_ofCurvesOnDifferentSteps() {
        // y = t sampled at even steps, y = 3t at multiples of 5: interpolated onto one grid
        Groups.Curve a = new Groups.Curve(new long[]{0, 2, 4, 6, 8, 10}, new Double[]{0.0, 2.0, 4.0, 6.0, 8.0, 10.0});
        Groups.Curve b = new Groups.Curve(new long[]{0, 5, 10}, new Double[]{0.0, 15.0, 30.0});
        Map<String, Object> band = Groups.band(List.of(a, b), 11);
        long[] steps = (long[]) band.get("step");
        Double[] mean = (Double[]) band.get("mean"), min = (Double[]) band.get("min"), max = (Double[]) band.get("max");
        assertThat(steps).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (int i = 0; i < steps.length; i++) {
            assertThat(mean[i]).isCloseTo(2.0 * steps[i], within(1e-12));
            assertThat(min[i]).isCloseTo(1.0 * steps[i], within(1e-12));
            assertThat(max[i]).isCloseTo(3.0 * steps[i], within(1e-12));
        }
    }

    @Test
    void band_countsOnlyTheRunsThatCoverAStep() {
        Groups.Curve longer = new Groups.Curve(new long[]{0, 100}, new Double[]{1.0, 1.0});
        Groups.Curve shorter = new Groups.Curve(new long[]{0, 50}, new Double[]{3.0, 3.0});
        Map<String, Object> band = Groups.band(List.of(longer, shorter), 3);
        assertThat((long[]) band.get("step")).containsExactly(0, 50, 100);
        assertThat((int[]) band.get("n")).containsExactly(2, 2, 1);
        assertThat((Double[]) band.get("mean")).containsExactly(2.0, 2.0, 1.0);
    }

    @Test
    void grid_isEvenAndKeepsBothEnds() {
        assertThat(Groups.grid(0, 1_000_000, 5)).containsExactly(0, 250_000, 500_000, 750_000, 1_000_000);
        assertThat(Groups.grid(3, 5, 100)).containsExactly(3, 4, 5);
    }
}
