package example;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Engines;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Fits y = 2x + 1 with one DJL Linear unit and Anneal's SGD under a warm-up-then-cosine learning rate. */
public final class Example {
    static final String LR = "warmup(2, cosine(0.1, steps=18))";
    static final int STEPS = 20;

    public static void main(String[] args) {
        run(System.out);
    }

    /** Trains, prints one line per step, and returns the losses. */
    static List<Double> run(PrintStream out) {
        Engines.pytorch(1, 42);                       // DJL's PyTorch engine, offline, one thread
        Schedule lr = Spec.parse(LR);                 // the spec language, parsed to a pure function of the step
        ScheduleSet schedules = ScheduleSet.builder().defaults(d -> d.set("lr", LR)).build();
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, schedules).build();
        List<Double> losses = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Linear.builder().setUnits(1).build();
            block.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(4, 1));
            sgd.assign(block.getParameters().toMap());
            List<Parameter> parameters = block.getParameters().values();

            NDArray x = manager.create(new float[] {0, 1, 2, 3}, new Shape(4, 1));
            NDArray y = x.mul(2).add(1);
            ParameterStore store = new ParameterStore(manager, false);
            for (int step = 0; step < STEPS; step++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray prediction = block.forward(store, new NDList(x), true).singletonOrThrow();
                    NDArray loss = prediction.sub(y).square().mean();
                    collector.backward(loss);
                    losses.add((double) loss.getFloat());
                }
                sgd.step(parameters);                 // the update reads lr.at(step)
                out.printf(Locale.ROOT, "step %2d  lr %.5f  loss %.5f%n", step, lr.at(step), losses.getLast());
            }
        }
        return losses;
    }
}
