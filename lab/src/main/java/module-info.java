/** Anneal's lab: toy tasks with known curvature, the studies that test the seed chapters' claims, and the report. */
module dev.anneal.lab {
    requires transitive dev.anneal.optim;
    requires java.desktop;
    requires org.knowm.xchart;
    requires com.fasterxml.jackson.databind;

    exports dev.anneal.lab;
    exports dev.anneal.lab.task;
    exports dev.anneal.lab.studies;
    exports dev.anneal.lab.train;
}
