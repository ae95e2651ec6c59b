package dev.anneal.djl;

/**
 * Labelled grey images: {@code pixels} holds {@code size()} images of {@link FashionMnist#PIXELS} unsigned bytes,
 * row by row; {@code labels} their classes.
 */
public record Images(byte[] pixels, byte[] labels) {
    public Images {
        if (pixels.length != labels.length * FashionMnist.PIXELS) {
            throw new IllegalArgumentException("pixels (" + pixels.length + ") must be labels × " + FashionMnist.PIXELS
                    + " (" + labels.length * FashionMnist.PIXELS + ")");
        }
    }

    public int size() {
        return labels.length;
    }

    public int label(int image) {
        return labels[image];
    }

    /** The fraction of images whose label is the predicted class. */
    public double accuracy(int[] predictions) {
        if (predictions.length != size()) throw new IllegalArgumentException("predictions (" + predictions.length + ") must be one per image (" + size() + ")");
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) if (predictions[i] == labels[i]) correct++;
        return (double) correct / predictions.length;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public Images slice(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") must be a non-empty range within [0, " + size() + ")");
        }
        return new Images(java.util.Arrays.copyOfRange(pixels, from * FashionMnist.PIXELS, to * FashionMnist.PIXELS),
                java.util.Arrays.copyOfRange(labels, from, to));
    }

    /** Writes image {@code image} scaled to [0, 1] into {@code out} at {@code offset}. */
    void copyScaled(int image, float[] out, int offset) {
        int base = image * FashionMnist.PIXELS;
        for (int i = 0; i < FashionMnist.PIXELS; i++) out[offset + i] = (pixels[base + i] & 0xFF) / 255f;
    }
}
