package dev.anneal.cli;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InvalidInputException;

import dev.anneal.control.Plateau;
import dev.anneal.djl.Control;
import dev.anneal.djl.Images;
import dev.anneal.optim.control.CurvatureRate;
import dev.anneal.optim.control.GradNormBrake;
import dev.anneal.optim.curvature.PowerIteration;
import dev.anneal.schedule.Schedule;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code anneal train}'s closed-loop controllers: {@code --plateau}, {@code --brake} or {@code --curvature}, at most one. */
final class ControlOptions {
    /**
     * {@code --plateau}'s defaults: PyTorch's ({@link Plateau#defaults()}) with patience 2 and factor 0.5, which suit
     * the few epochs of {@code anneal train} (PyTorch's patience of 10 epochs would rarely fire in them).
     */
    static final Plateau PLATEAU = Plateau.defaults().withPatience(2).withFactor(0.5);

    @Option(names = "--plateau", paramLabel = "SETTINGS", arity = "0..1", fallbackValue = "",
            description = "Reduce-on-plateau on the loss of a held-out tenth of the training images: "
                    + "patience=2,factor=0.5,threshold=1e-4,cooldown=0,min_lr=0,eps=1e-8,every=STEPS (default: one epoch),from=0.")
    String plateau;

    @Option(names = "--brake", paramLabel = "SETTINGS", arity = "0..1", fallbackValue = "",
            description = "Gradient-norm brake: window=1,growth=2,cut=0.25,calm=50,recover=1.1,min_scale=0.001,from=0.")
    String brake;

    @Option(names = "--curvature", paramLabel = "SETTINGS", arity = "0..1", fallbackValue = "",
            description = "lr = min(schedule, 2*safety/lambda_max), lambda_max by power iteration on Hessian-vector products of the training loss "
                    + "on a fixed batch: safety=0.5,every=50,products=20,tolerance=0.01,batch=256,from=0.")
    String curvature;

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "CSV of the controller's decisions: step, controller, old and new lr, reason (default: DIR/train-decisions.csv with -o DIR, else none; the run store has them as events).")
    Path decisions;

    private String described = "";

    /** The controller built last, with every setting: {@code brake window=1,growth=2,…}. */
    String described() {
        return described;
    }

    /** Whether a controller was asked for; at most one may be. */
    boolean any() {
        List<String> given = new ArrayList<>();
        if (plateau != null) given.add("--plateau");
        if (brake != null) given.add("--brake");
        if (curvature != null) given.add("--curvature");
        if (given.size() > 1) {
            throw new IllegalArgumentException(String.join(" and ", given) + " are given: choose one of --plateau, --brake and --curvature");
        }
        return !given.isEmpty();
    }

    /** The plateau controller watches a held-out slice of the training images. */
    boolean needsHeldOut() {
        return plateau != null;
    }

    /**
     * The controller asked for, on the lr schedule {@code lr}, or null. The plateau observes {@code heldOut}; the
     * curvature estimate uses the first {@code batch} images of {@code train}.
     */
    Control<?> control(Schedule lr, long stepsPerEpoch, Images heldOut, Images train, long seed) {
        if (!any()) return null;
        if (plateau != null) {
            Plateau d = PLATEAU;
            KeyValues k = KeyValues.parse("--plateau", plateau, defaults("patience", setting(d.patience()), "factor", setting(d.factor()),
                    "threshold", setting(d.threshold()), "cooldown", setting(d.cooldown()), "min_lr", setting(d.minLr()),
                    "eps", setting(d.eps()), "every", Long.toString(stepsPerEpoch), "from", "0"));
            return checked(k, () -> Control.plateau(lr, k.integer("from", 0), new Plateau(d.mode(), k.real("factor"), k.integer("patience", 0),
                    k.real("threshold"), d.thresholdMode(), k.integer("cooldown", 0), k.real("min_lr"), k.real("eps")), heldOut, k.integer("every", 1)));
        }
        if (brake != null) {
            KeyValues k = KeyValues.parse("--brake", brake, defaults("window", "1", "growth", "2", "cut", "0.25", "calm", "50",
                    "recover", "1.1", "min_scale", "0.001", "from", "0"));
            return checked(k, () -> Control.brake(lr, k.integer("from", 0), new GradNormBrake(k.count("window", 1), k.real("growth"),
                    k.real("cut"), k.count("calm", 1), k.real("recover"), k.real("min_scale"))));
        }
        KeyValues k = KeyValues.parse("--curvature", curvature, defaults("safety", "0.5", "every", "50", "products", "20",
                "tolerance", "0.01", "batch", "256", "from", "0"));
        int batch = k.count("batch", 1);
        if (batch > train.size()) throw k.fail("batch (" + batch + ") must be at most the " + train.size() + " training images");
        return checked(k, () -> Control.curvature(lr, k.integer("from", 0), new CurvatureRate(k.real("safety"), k.integer("every", 1),
                new PowerIteration(k.count("products", 1), k.real("tolerance"), seed)), train.slice(0, batch)));
    }

    /** A controller's own range checks (e.g. {@code cut (2.0) must be in (0, 1)}), prefixed with the option and its value. */
    private Control<?> checked(KeyValues k, Supplier<Control<?>> build) {
        try {
            Control<?> control = build.get();
            described = control.name() + " " + k;
            return control;
        } catch (IllegalArgumentException e) {
            InvalidInputException bad = InvalidInputException.of(e);
            if (bad.where().keyPath() != null) throw bad; // already placed under its option
            throw k.fail(bad);
        }
    }

    /** A default as the help and the run's summary write it: 2, 0.5, 1e-4. */
    static String setting(double value) {
        return Checks.format(value).replace(".0E", "e").replace("E", "e");
    }

    private static Map<String, String> defaults(String... keysAndValues) {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) d.put(keysAndValues[i], keysAndValues[i + 1]);
        return d;
    }
}
