package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.translate.Transform;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fashion-MNIST augmentation of strength s ∈ [0, 1], applied image by image to pixels scaled to [0, 1]:
 * <ol>
 *   <li>translation by (dx, dy), each uniform in {−⌊s·k⌋, …, ⌊s·k⌋} with k = {@value #MAX_SHIFT} pixels, the
 *       uncovered border filled with 0 (the background);</li>
 *   <li>random erasing with probability s: a rectangle of 4 to 12 pixels a side, at a uniform position, set to 0;</li>
 *   <li>Gaussian pixel noise of standard deviation σ = s·{@value #MAX_NOISE}, clipped back to [0, 1].</li>
 * </ol>
 * Every draw comes from the clock's draw, the seed and the image's place in its batch, so a resumed run sees the
 * same images. At s = 0 nothing is drawn and the pixels are untouched.
 */
public final class Augmentation implements Transform {
    public static final int MAX_SHIFT = 4;
    public static final double MAX_NOISE = 0.2;
    private static final int SIDE = FashionMnist.SIDE, MIN_ERASE = 4, MAX_ERASE = 12;
    private static final long SALT = 0x41_7567_6d65_6e74L; // "Augment": apart from every dropout layer's salt

    private final StepClock clock;
    private final ScheduledValue strength;
    private final long seed;

    public Augmentation(StepClock clock, ScheduledValue strength, long seed) {
        this.clock = clock;
        this.strength = strength;
        this.seed = seed;
    }

    public ScheduledValue strength() {
        return strength;
    }

    /** Augments {@code n} images of {@link FashionMnist#PIXELS} pixels each, from {@code pixels[0]}, in place, at the clock's step. */
    public void apply(float[] pixels, int n) {
        double s = strength.at(clock.step());
        if (s == 0) return;
        float[] copy = new float[FashionMnist.PIXELS];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = new SplittableRandom(clock.seed(seed, SALT + i));
            apply(s, pixels, i * FashionMnist.PIXELS, copy, random);
        }
    }

    /** A DJL dataset transform: a batch of images (any shape of n × 784 pixels in [0, 1]) augmented at the clock's step. */
    @Override
    public NDArray transform(NDArray images) {
        float[] pixels = images.toFloatArray();
        if (pixels.length % FashionMnist.PIXELS != 0) {
            throw new IllegalArgumentException("images (" + images.getShape() + ") must hold whole 28×28 images");
        }
        apply(pixels, pixels.length / FashionMnist.PIXELS);
        return images.getManager().create(pixels, images.getShape());
    }

    /** One image at {@code offset}, with strength {@code s} and the image's own generator. */
    static void apply(double s, float[] pixels, int offset, float[] scratch, SplittableRandom random) {
        int reach = (int) Math.floor(s * MAX_SHIFT);
        int dx = random.nextInt(-reach, reach + 1), dy = random.nextInt(-reach, reach + 1);
        System.arraycopy(pixels, offset, scratch, 0, FashionMnist.PIXELS);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int sx = x - dx, sy = y - dy;
                pixels[offset + y * SIDE + x] = sx < 0 || sy < 0 || sx >= SIDE || sy >= SIDE ? 0f : scratch[sy * SIDE + sx];
            }
        }
        if (random.nextDouble() < s) {
            int w = random.nextInt(MIN_ERASE, MAX_ERASE + 1), h = random.nextInt(MIN_ERASE, MAX_ERASE + 1);
            int x0 = random.nextInt(SIDE - w + 1), y0 = random.nextInt(SIDE - h + 1);
            for (int y = y0; y < y0 + h; y++) Arrays.fill(pixels, offset + y * SIDE + x0, offset + y * SIDE + x0 + w, 0f);
        }
        double sigma = s * MAX_NOISE;
        for (int i = offset; i < offset + FashionMnist.PIXELS; i++) {
            pixels[i] = (float) Math.clamp(pixels[i] + sigma * random.nextGaussian(), 0, 1);
        }
    }
}
