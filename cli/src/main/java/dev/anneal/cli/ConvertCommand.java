package dev.anneal.cli;

import dev.anneal.convert.Check;
import dev.anneal.convert.Conversion;
import dev.anneal.convert.Convert;
import dev.anneal.convert.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code anneal convert SPEC --to native|torch|hf|optax|keras|timm}: an equivalent spec in the target language, checked
 * on the numbers, or why there is none (exit 2).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Print an equivalent spec in another language: native or a framework dialect.",
                "The result is checked: both evaluate to the same values (1e-12 relative) over the schedule's span."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "A schedule spec, native or in a dialect, e.g. 'torch.StepLR(lr=0.1, step_size=30)'.")
    String specText;

    @Option(names = "--to", required = true, paramLabel = "native|torch|hf|optax|keras|timm", description = "The language to write it in.")
    String to;

    @Mixin
    SpecOptions specOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Target target = Target.of(to);
        Conversion result = Convert.convert(specOptions.parse(specText), target);
        if (result instanceof Conversion.Converted converted) {
            command.commandLine().getOut().println(converted.message());
            command.commandLine().getOut().flush();
            Check check = converted.check();
            command.commandLine().getErr().println("checked: " + check.steps() + ", equal within 1e-12 relative"
                    + (check.sourceRaisesAt().isPresent() ? " (the source raises from step " + check.sourceRaisesAt().getAsLong()
                    + " on; those steps are not compared)" : ""));
            return Main.OK;
        }
        command.commandLine().getErr().println("anneal convert: " + result.message());
        return Main.USAGE;
    }
}
