package dev.anneal.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import java.util.Locale;

/** The networks for Fashion-MNIST; {@code torch_train.py} (a resource of the cli, for {@code anneal bench train}) builds the same ones in PyTorch. */
public enum Model {
    /** 784 → 256 → 128 → 10, ReLU. */
    MLP,
    /** conv 5×5×32, max-pool 2, conv 5×5×64, max-pool 2, 1024 → 128 → 10, ReLU. */
    CNN,
    /** One LSTM layer of 128 reading the image row by row (28 steps of 28 pixels), then 128 → 10 at the last row. */
    LSTM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The input shape of a batch of {@code n} images. */
    public Shape inputShape(int n) {
        int side = FashionMnist.SIDE;
        return switch (this) {
            case MLP -> new Shape(n, FashionMnist.PIXELS);
            case CNN -> new Shape(n, 1, side, side);
            case LSTM -> new Shape(n, side, side);
        };
    }

    /** A new, uninitialized network that maps a batch to 10 logits per image. */
    public Block build() {
        SequentialBlock net = new SequentialBlock();
        switch (this) {
            case MLP -> net.add(linear(256)).add(Activation.reluBlock()).add(linear(128)).add(Activation.reluBlock());
            case CNN -> net
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(32).build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(64).build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(linear(128)).add(Activation.reluBlock());
            case LSTM -> net
                    .add(ai.djl.nn.recurrent.LSTM.builder().setStateSize(128).setNumLayers(1).optBatchFirst(true).build())
                    .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :"))));
        }
        return net.add(linear(FashionMnist.CLASSES));
    }

    private static Block linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    public static Model of(String key) {
        for (Model m : values()) if (m.key().equals(key)) return m;
        throw new IllegalArgumentException("model (" + key + ") must be one of mlp, cnn, lstm");
    }
}
