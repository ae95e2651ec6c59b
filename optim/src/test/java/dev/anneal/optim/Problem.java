package dev.anneal.optim;

import java.util.ArrayList;
import java.util.List;

/** The noisy quadratic of tools/reference/torch_optim_reference.py, regenerated bit for bit from its integer hash. */
final class Problem {
    private Problem() {}

    static long mix(long k) {
        long h = (k * 2654435761L) & 0xFFFFFFFFL;
        h ^= h >>> 15;
        h = (h * 2246822519L) & 0xFFFFFFFFL;
        h ^= h >>> 13;
        return h;
    }

    static double u(long k) {
        return (mix(k) % 2001 - 1000) / 1000.0;
    }

    static float[][] initial(int... sizes) {
        return blocks(sizes, i -> (float) u(i));
    }

    static float[][] curvature(int... sizes) {
        return blocks(sizes, i -> (float) (0.1 + 0.9 * (mix(50000 + i) % 1000) / 1000.0));
    }

    /** g = c·p + 0.5·u(100000 + n·step + i), each operation rounded to float as torch does. */
    static List<float[]> gradients(float[][] p, float[][] c, int step) {
        int n = 0;
        for (float[] b : p) n += b.length;
        List<float[]> grads = new ArrayList<>();
        int offset = 0;
        for (int b = 0; b < p.length; b++) {
            float[] g = new float[p[b].length];
            for (int i = 0; i < g.length; i++) g[i] = c[b][i] * p[b][i] + 0.5f * (float) u(100000L + (long) n * step + offset + i);
            offset += g.length;
            grads.add(g);
        }
        return grads;
    }

    static float[] flatten(float[][] blocks) {
        int n = 0;
        for (float[] b : blocks) n += b.length;
        float[] flat = new float[n];
        int at = 0;
        for (float[] b : blocks) {
            System.arraycopy(b, 0, flat, at, b.length);
            at += b.length;
        }
        return flat;
    }

    private static float[][] blocks(int[] sizes, java.util.function.LongFunction<Float> value) {
        float[][] blocks = new float[sizes.length][];
        long at = 0;
        for (int b = 0; b < sizes.length; b++) {
            blocks[b] = new float[sizes[b]];
            for (int i = 0; i < sizes[b]; i++) blocks[b][i] = value.apply(at++);
        }
        return blocks;
    }
}
