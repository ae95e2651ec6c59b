package dev.anneal.djl;

import dev.anneal.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot ensembles (Huang et al. 2017, "Snapshot Ensembles: Train 1, get M for free"): one model per cycle of a
 * warm-restart schedule, their class probabilities averaged; and a subset chosen for disagreement on held-out
 * images.
 */
public final class Snapshots {
    private Snapshots() {}

    /** Whether the update at {@code step} ends a cycle: the rate has been falling and rises at the next step. */
    public static boolean cycleEnd(Schedule lr, long step) {
        return step >= 1 && lr.at(step + 1) > lr.at(step) && lr.at(step) <= lr.at(step - 1);
    }

    /** The steps below {@code totalSteps − 1} that end a cycle. */
    public static List<Long> cycleEnds(Schedule lr, long totalSteps) {
        List<Long> ends = new ArrayList<>();
        for (long t = 1; t < totalSteps - 1; t++) if (cycleEnd(lr, t)) ends.add(t);
        return ends;
    }

    /** The mean of the members' class probabilities. */
    public static float[] average(List<float[]> members) {
        float[] mean = new float[members.getFirst().length];
        for (float[] m : members) for (int i = 0; i < mean.length; i++) mean[i] += m[i] / members.size();
        return mean;
    }

    /** The fraction of images on which two sets of predictions differ. */
    public static double disagreement(int[] a, int[] b) {
        int differ = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) differ++;
        return (double) differ / a.length;
    }

    /**
     * Greedy selection by disagreement on held-out images: start from the last snapshot; repeatedly try the
     * remaining snapshot that disagrees most with the current ensemble, and keep it if the ensemble's held-out
     * accuracy does not fall. Returns the indices chosen, in order.
     */
    public static List<Integer> select(List<float[]> heldOutProbabilities, Images heldOut) {
        List<Integer> chosen = new ArrayList<>(List.of(heldOutProbabilities.size() - 1));
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < heldOutProbabilities.size() - 1; i++) left.add(i);
        double accuracy = accuracy(chosen, heldOutProbabilities, heldOut);
        while (!left.isEmpty()) {
            int[] ensemble = Training.predictions(average(members(chosen, heldOutProbabilities)));
            int best = left.getFirst();
            for (int i : left) {
                double d = disagreement(ensemble, Training.predictions(heldOutProbabilities.get(i)));
                if (d > disagreement(ensemble, Training.predictions(heldOutProbabilities.get(best)))) best = i;
            }
            left.remove(Integer.valueOf(best));
            chosen.add(best);
            double with = accuracy(chosen, heldOutProbabilities, heldOut);
            if (with < accuracy) chosen.removeLast();
            else accuracy = with;
        }
        return chosen;
    }

    private static double accuracy(List<Integer> chosen, List<float[]> probabilities, Images images) {
        return images.accuracy(Training.predictions(average(members(chosen, probabilities))));
    }

    public static List<float[]> members(List<Integer> chosen, List<float[]> probabilities) {
        return chosen.stream().map(probabilities::get).toList();
    }
}
