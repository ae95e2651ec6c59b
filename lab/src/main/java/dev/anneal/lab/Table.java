package dev.anneal.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric of every arm over the seeds, in the order the study recorded the arms, and the movement budget Σηₜ
 * (mean over seeds) of the arms that recorded one.
 */
public record Table(List<Arm> arms, Map<String, Double> budgets) {
    public Table {
        arms = List.copyOf(arms);
        budgets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(budgets));
    }

    public Table(List<Arm> arms) {
        this(arms, Map.of());
    }

    /** Collects each arm's value from every trial; every trial must report the same arms. */
    public static Table of(List<Trial> trials) {
        if (trials.isEmpty()) throw new IllegalArgumentException("a table needs at least one trial");
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String arm : trials.getFirst().metrics().keySet()) values.put(arm, new double[trials.size()]);
        for (int i = 0; i < trials.size(); i++) {
            Map<String, Double> m = trials.get(i).metrics();
            if (!m.keySet().equals(values.keySet()))
                throw new IllegalStateException("trial " + i + " reports arms " + m.keySet() + ", trial 0 reports " + values.keySet());
            for (var e : m.entrySet()) values.get(e.getKey())[i] = e.getValue();
        }
        List<Arm> arms = new ArrayList<>();
        values.forEach((name, v) -> arms.add(new Arm(name, v)));
        Map<String, Double> budgets = new LinkedHashMap<>();
        for (Trial t : trials) t.budgets().forEach((arm, b) -> budgets.merge(arm, b / trials.size(), Double::sum));
        return new Table(arms, budgets);
    }

    public Arm arm(String name) {
        for (Arm a : arms) if (a.name().equals(name)) return a;
        throw new IllegalArgumentException("no arm '" + name + "' (arms: " + arms.stream().map(Arm::name).toList() + ")");
    }
}
