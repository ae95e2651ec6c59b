package dev.anneal.lab;

import java.util.Optional;

/**
 * One claim of the seed chapters turned into an experiment. A study runs one trial per seed; the runner
 * collects the metric of every arm into a {@link Table}, the study's {@link #rule()} (fixed in code) gives the
 * verdict, and the curves, averaged over seeds, make the figure.
 */
public interface Study {
    /** The catalogue id, {@code S01}. */
    String id();

    /** A few words for the summary table. */
    String title();

    /** The seed chapter(s) making the claim, {@code 000}. */
    String source();

    /** The claim, one sentence. */
    String claim();

    /** The task, the arms and their schedules, the steps: enough to rerun it by hand. */
    String setup(Mode mode);

    /** What the table's number is, with its direction (lower is better, …). */
    String metric();

    Rule rule();

    /**
     * What kind of evidence the study is: the strongest kind among its parts (an experiment part makes it an
     * experiment). Identities are reported, never counted as experimental evidence.
     */
    Evidence evidence();

    /** A small sweep of the parameter the verdict is sensitive to, shown beside the verdict; none by default. */
    default Optional<Sweep> sweep() {
        return Optional.empty();
    }

    /** The verdict before the lab's methods changed, with why it differs; none for a study without one. */
    default Optional<Previous> previous() {
        return Optional.empty();
    }

    Figure figure();

    /** One trial, fully determined by {@code seed}: the same seed gives the same numbers, bit for bit. */
    Trial run(Mode mode, long seed);
}
