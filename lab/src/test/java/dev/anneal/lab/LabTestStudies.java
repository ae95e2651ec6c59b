package dev.anneal.lab;

/** Base for test studies that need only an id and a run. */
final class LabTestStudies {
    private LabTestStudies() {}

    abstract static class Named implements Study {
        private final String id;

        Named(String id) {
            this.id = id;
        }

        @Override public String id() { return id; }
        @Override public String title() { return id; }
        @Override public String source() { return "000"; }
        @Override public String claim() { return "a claim"; }
        @Override public String setup(Mode mode) { return "a setup"; }
        @Override public String metric() { return "a metric"; }
        @Override public Rule rule() { return Rule.below("a", 100); }
        @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
        @Override public Figure figure() { return Figure.linear("f", "x", "y"); }
    }
}
