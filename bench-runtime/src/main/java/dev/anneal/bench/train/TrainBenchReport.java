package dev.anneal.bench.train;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The arithmetic of {@code anneal bench train}'s table: each arm's best of its rounds, the throughput ratios, and
 * the cost of Anneal's schedule and optimizer layer, which is the optimizer time per mini-batch that Anneal's
 * optimizer takes beyond DJL's own Adam in the same loop.
 */
final class TrainBenchReport {
    /** The aim of issue 7: Anneal's training at least this fraction of plain PyTorch's images per second. */
    static final double AIM = 0.9;

    static final String HEADER = "| model | anneal images/s | djl-adam images/s | torch images/s | anneal / torch | anneal / djl-adam "
            + "| anneal optimizer ms/batch | djl-adam optimizer ms/batch | torch.optim.Adam ms/batch "
            + "| Anneal layer ms/step | Anneal layer % of step | test accuracy anneal / djl-adam / torch |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private TrainBenchReport() {}

    /**
     * The best of an arm's rounds: the highest images/s, the lowest optimizer and step times (each the least
     * disturbed by other work on the machine), and the test accuracy of the fastest run.
     */
    record Best(double imagesPerSecond, double optimizerMs, double stepMs, double testAccuracy) {
        static Best of(List<TrainRun> runs) {
            if (runs.isEmpty()) throw new IllegalArgumentException("runs (none) must include at least one");
            TrainRun fastest = runs.stream().max(Comparator.comparingDouble(TrainRun::imagesPerSecond)).orElseThrow();
            double optimizer = runs.stream().mapToDouble(TrainRun::optimizerMs).min().orElseThrow();
            double step = runs.stream().mapToDouble(TrainRun::stepMs).min().orElseThrow();
            return new Best(fastest.imagesPerSecond(), optimizer, step, fastest.testAccuracy());
        }
    }

    /** One model's row: the three arms' bests. */
    record Row(String model, Best anneal, Best djlAdam, Best torch) {
        double annealOverTorch() {
            return anneal.imagesPerSecond() / torch.imagesPerSecond();
        }

        double annealOverDjlAdam() {
            return anneal.imagesPerSecond() / djlAdam.imagesPerSecond();
        }

        /** Milliseconds per step that Anneal's optimizer (schedules, checks, bookkeeping) adds to DJL's Adam. */
        double layerMs() {
            return anneal.optimizerMs() - djlAdam.optimizerMs();
        }

        /** {@link #layerMs()} as a percentage of Anneal's whole step (forward, backward and optimizer). */
        double layerPercent() {
            return 100 * layerMs() / anneal.stepMs();
        }

        boolean meetsAim() {
            return annealOverTorch() >= AIM;
        }

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2f | %.2f | %.3f | %.3f | %.3f | %.3f | %.1f%% | %.4f / %.4f / %.4f |",
                    model, anneal.imagesPerSecond(), djlAdam.imagesPerSecond(), torch.imagesPerSecond(), annealOverTorch(),
                    annealOverDjlAdam(), anneal.optimizerMs(), djlAdam.optimizerMs(), torch.optimizerMs(), layerMs(),
                    layerPercent(), anneal.testAccuracy(), djlAdam.testAccuracy(), torch.testAccuracy());
        }
    }

    /** Which models reach the aim, e.g. {@code aim (anneal >= 0.9 x torch images/s): met for mlp, cnn; missed for lstm}. */
    static String verdict(List<Row> rows) {
        List<String> met = rows.stream().filter(Row::meetsAim).map(Row::model).toList();
        List<String> missed = rows.stream().filter(r -> !r.meetsAim()).map(Row::model).toList();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "aim (anneal >= %.1f x torch images/s): ", AIM));
        if (!met.isEmpty()) s.append("met for ").append(String.join(", ", met));
        if (!met.isEmpty() && !missed.isEmpty()) s.append("; ");
        if (!missed.isEmpty()) s.append("missed for ").append(String.join(", ", missed));
        return s.toString();
    }
}
