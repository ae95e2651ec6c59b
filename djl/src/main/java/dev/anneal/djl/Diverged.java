package dev.anneal.djl;

/** Training stopped because the loss or the gradient became NaN or infinite; no parameter received the bad values. */
public final class Diverged extends RuntimeException {
    public Diverged(String message) {
        super(message);
    }
}
