package dev.anneal.optim.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The update rules with the Vector API, lane for lane the scalar operations in the same order: separate multiply
 * and add (never fused, as the scalar code is not), correctly rounded division and square root (the scalar
 * {@code (float) Math.sqrt(double)} is the correctly rounded float square root, as double carries more than twice
 * float's precision). So the results are bit for bit the scalar ones; the tail shorter than a vector runs scalar.
 *
 * <p>Loaded only when {@code jdk.incubator.vector} is in the boot layer: see {@link KernelImpl}.
 */
final class VectorKernels {
    private VectorKernels() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    static String species() {
        return "FloatVector " + S.vectorBitSize() + "-bit, " + S.length() + " lanes";
    }

    static void sgd(float[] p, float[] g, float[] buf, int off, int len,
                    float lr, float momentum, float dampening, float weightDecay, boolean nesterov, boolean first) {
        int i = off, bound = off + S.loopBound(len);
        float undamped = 1f - dampening;
        // The common case as its own loop: C2 keeps merged vector values in registers less well than straight code.
        if (momentum != 0f && !first && !nesterov && weightDecay == 0f) {
            for (; i < bound; i += S.length()) {
                FloatVector b = FloatVector.fromArray(S, buf, i).mul(momentum).add(FloatVector.fromArray(S, g, i).mul(undamped));
                b.intoArray(buf, i);
                FloatVector.fromArray(S, p, i).sub(b.mul(lr)).intoArray(p, i);
            }
        }
        for (; i < bound; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = FloatVector.fromArray(S, g, i);
            if (weightDecay != 0f) d = d.add(pv.mul(weightDecay));
            if (momentum != 0f) {
                FloatVector b = first ? d : FloatVector.fromArray(S, buf, i).mul(momentum).add(d.mul(undamped));
                b.intoArray(buf, i);
                d = nesterov ? d.add(b.mul(momentum)) : b;
            }
            pv.sub(d.mul(lr)).intoArray(p, i);
        }
        ScalarKernels.sgd(p, g, buf, i, off + len - i, lr, momentum, dampening, weightDecay, nesterov, first);
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, int off, int len, AdamScalars s) {
        int i = off, bound = off + S.loopBound(len);
        float decoupledFactor = s.decoupledFactor(), weightDecay = s.weightDecay(), beta1 = s.beta1(), beta2 = s.beta2();
        float oneMinusBeta1 = s.oneMinusBeta1(), oneMinusBeta2 = s.oneMinusBeta2(), stepSize = s.stepSize(), bc2Sqrt = s.bc2Sqrt(), eps = s.eps();
        for (; i < bound; i += S.length()) {
            FloatVector w = FloatVector.fromArray(S, p, i);
            if (decoupledFactor != 1f) w = w.mul(decoupledFactor);
            FloatVector d = FloatVector.fromArray(S, g, i);
            if (weightDecay != 0f) d = d.add(w.mul(weightDecay));
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(d.mul(oneMinusBeta1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(d.mul(oneMinusBeta2).mul(d));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.sqrt().div(bc2Sqrt).add(eps);
            w.sub(mi.div(denom).mul(stepSize)).intoArray(p, i);
        }
        ScalarKernels.adam(p, g, m, v, i, off + len - i, s);
    }
}
