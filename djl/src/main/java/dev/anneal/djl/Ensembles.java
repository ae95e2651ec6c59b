package dev.anneal.djl;

/** Accuracy of predictions and of averaged class probabilities. */
public final class Ensembles {
    private Ensembles() {}

    public static double accuracy(int[] predictions, Images images) {
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) if (predictions[i] == images.label(i)) correct++;
        return (double) correct / predictions.length;
    }
}
