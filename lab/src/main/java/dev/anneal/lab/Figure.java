package dev.anneal.lab;

/**
 * How a study's curves are drawn: averaged over the seeds point by point, each over a band of its spread. A
 * logarithmic step axis shows dynamics that happen early; step 0 is left out on it.
 */
public record Figure(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
    public static Figure linear(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, false, false);
    }

    public static Figure logY(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, false, true);
    }

    public static Figure logX(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, true, false);
    }

    public static Figure logLog(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, true, true);
    }
}
