package dev.anneal.cli;

import dev.anneal.djl.Step;
import dev.anneal.optim.Regularizers;

import java.util.List;

/** The trace columns the training figure draws next to the lr: every regularizer, and every other value that changes. */
final class CoScheduled {
    private CoScheduled() {}

    static List<String> columns(List<Step> steps) {
        return steps.getFirst().hyperparameters().keySet().stream()
                .filter(c -> !name(c).equals("lr") && (Regularizers.isRegularizer(name(c)) || varies(steps, c)))
                .toList();
    }

    static double[] values(List<Step> steps, String column) {
        return steps.stream().mapToDouble(s -> s.hyperparameters().get(column)).toArray();
    }

    /** {@code dropout} of column {@code head.dropout}. */
    private static String name(String column) {
        return column.substring(column.lastIndexOf('.') + 1);
    }

    private static boolean varies(List<Step> steps, String column) {
        double first = steps.getFirst().hyperparameters().get(column);
        return steps.stream().anyMatch(s -> s.hyperparameters().get(column) != first);
    }
}
