package dev.anneal.analysis;

import java.util.List;
import java.util.Optional;

/** The result of {@link SafetyCheck#run()}: the verdict, then the sections, each quantity with its formula. */
public record SafetyReport(Verdict verdict, List<Section> sections) {
    public SafetyReport {
        sections = List.copyOf(sections);
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The value of {@code section.quantity}, e.g. {@code value("stability", "unstable_steps")}. */
    public Optional<Object> value(String section, String quantity) {
        return section(section).flatMap(s -> s.quantities().stream().filter(q -> q.key().equals(quantity)).findFirst())
                .map(Quantity::value);
    }
}
