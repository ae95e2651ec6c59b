package dev.anneal.cli;

import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import dev.anneal.spec.Param;
import dev.anneal.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code anneal families [NAME…]}: every family with its parameters, defaults, formula and an example. */
@Command(name = "families", mixinStandardHelpOptions = true,
        description = "List the schedule families of the spec language, with parameters, defaults, formula and example.")
final class FamiliesCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Show only these families.")
    List<String> names;

    @picocli.CommandLine.Option(names = "--dialect", paramLabel = "torch|hf|optax|keras|timm",
            description = "List a framework dialect's names instead of the native families.")
    String dialect;

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<Family> families = names != null ? names.stream().map(FamiliesCommand::find).toList()
                : dialect != null ? dialect(dialect) : Families.all();
        for (Family f : families) {
            out.println(f.signature());
            out.println("    " + f.summary());
            out.println("    value at step t: " + f.formula());
            for (Param p : f.params()) {
                out.printf("    %-12s %s%s%n", p.name(), p.doc(), p.choices().isEmpty() ? "" : " (" + String.join(" | ", p.choices()) + ")");
            }
            // The example is parsed here, so a stale example fails loudly instead of misleading.
            out.println("    example: " + f.example() + "    (at step 0: " + Spec.parse(f.example()).at(0) + ")");
            out.println();
        }
        if (names == null && dialect == null) {
            out.println("Composition");
            out.println("    A then B          A for its duration D, then B(t − D); A must end");
            out.println("    c * A, A * B      pointwise product with a constant or another schedule");
            out.println("    ( … )             grouping; '*' binds tighter than 'then', both group from the left");
            out.println();
            out.println("Step counts may be percentages of a total: warmup(5%, cosine(0.1, steps=95%)) with --total 10000.");
        }
        out.flush();
        return Main.OK;
    }

    private static List<Family> dialect(String prefix) {
        List<Family> families = Families.dialect(prefix);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("--dialect (" + prefix + ") must be one of " + String.join(", ", Families.dialects()));
        }
        return families;
    }

    private static Family find(String name) {
        return Families.find(name).orElseThrow(() -> new IllegalArgumentException("unknown family '" + name + "'"
                + Families.nearest(name).map(near -> " (did you mean " + near + "?)")
                        .orElse("; known: " + String.join(", ", Families.names()))));
    }
}
