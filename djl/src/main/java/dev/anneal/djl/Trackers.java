package dev.anneal.djl;

import ai.djl.training.tracker.Tracker;
import dev.anneal.schedule.Schedule;

/**
 * Anneal schedules for DJL's own optimizers, in one line:
 * {@code Optimizer.sgd().setLearningRateTracker(Trackers.of(Spec.parse("cosine(0.1, 1000)"))).build()}.
 */
public final class Trackers {
    private Trackers() {}

    /**
     * A DJL {@link Tracker} that reads {@code schedule}. DJL numbers updates from 1 and Anneal from 0, so DJL's
     * update {@code n} gets {@code schedule.at(n − 1)}: the first update uses step 0's value, as in Anneal.
     */
    public static Tracker of(Schedule schedule) {
        return new ScheduleTracker(schedule);
    }

    private record ScheduleTracker(Schedule schedule) implements Tracker {
        ScheduleTracker {
            if (schedule == null) throw new IllegalArgumentException("schedule (null) must be given");
        }

        @Override
        public float getNewValue(int numUpdate) {
            return (float) schedule.at(numUpdate - 1L);
        }

        @Override
        public String toString() {
            return schedule.toString();
        }
    }
}
