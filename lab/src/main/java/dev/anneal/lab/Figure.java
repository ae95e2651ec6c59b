package dev.anneal.lab;

/** How a study's curves are drawn: they are averaged over the seeds point by point. */
public record Figure(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
    public static Figure linear(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, false, false);
    }

    public static Figure logY(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, false, true);
    }

    public static Figure logLog(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, true, true);
    }
}
