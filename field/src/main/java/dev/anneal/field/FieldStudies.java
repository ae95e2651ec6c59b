package dev.anneal.field;

import dev.anneal.lab.Study;

import java.util.ArrayList;
import java.util.List;

/** The field studies, and where they go in a lab report: each right after its toy version. */
public final class FieldStudies {
    private FieldStudies() {}

    public static List<Study> all() {
        return List.of(new S27AugmentCounterPhase(), new S28WeightDecayPhase(), new S29DropoutCounterPhase(),
                new S30LabelSmoothingCosine(), new S31BatchNormAntiPhase());
    }

    /** The toy ids the field studies test again: S27 … S31. */
    public static List<String> toyIds() {
        return all().stream().map(s -> toyId(s.id())).toList();
    }

    /** {@code toys} with every field study inserted after its toy version (at the end where the toy is absent). */
    public static List<Study> interleave(List<Study> toys) {
        List<Study> out = new ArrayList<>(toys);
        for (Study field : all()) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) if (out.get(i).id().equals(toyId(field.id()))) at = i;
            if (at < 0) out.add(field);
            else out.add(at + 1, field);
        }
        return out;
    }

    private static String toyId(String fieldId) {
        return fieldId.substring(0, fieldId.length() - 1);
    }
}
