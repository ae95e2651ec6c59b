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

    /** Writes image {@code image} scaled to [0, 1] into {@code out} at {@code offset}. */
    void copyScaled(int image, float[] out, int offset) {
        int base = image * FashionMnist.PIXELS;
        for (int i = 0; i < FashionMnist.PIXELS; i++) out[offset + i] = (pixels[base + i] & 0xFF) / 255f;
    }
}
