package dev.anneal.analysis;

import java.util.List;

/** A part of the report: its quantities and notes (warnings and advice in words). */
public record Section(String key, String title, List<Quantity> quantities, List<String> notes) {
    public Section {
        quantities = List.copyOf(quantities);
        notes = List.copyOf(notes);
    }
}
