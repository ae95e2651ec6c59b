package dev.anneal.lab;

/**
 * What kind of evidence a study, or a part of one, is. Only an experiment can surprise; a formula checked against a
 * simulation that does not use it can catch an error in the formula; an identity holds by construction and is
 * arithmetic, never counted as experimental evidence.
 */
public enum Evidence {
    /** Arms trained on a task whose outcome the claim predicts and the code does not decide. */
    EXPERIMENT("experiment"),
    /** A closed form compared with a simulation of the dynamics that does not use it. */
    SIMULATION("formula vs simulation"),
    /** A quantity equal to the claim's by construction (up to rounding): a check of the arithmetic. */
    IDENTITY("identity");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
