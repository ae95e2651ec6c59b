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
    /** conv 5×5×32, BatchNorm, max-pool 2, conv 5×5×64, BatchNorm, max-pool 2, 1024 → 128 → 10, ReLU. */
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

    /** A new, uninitialized network that maps a batch to 10 logits per image, without dropout and BatchNorm at PyTorch's momentum. */
    public Block build() {
        return build(Regularization.none(0));
    }

    /**
     * A new, uninitialized network whose dropout layers and BatchNorm momenta read {@code regularization} at each
     * step. Dropout follows every hidden activation (the MLP's two, the CNN's dense one, the LSTM's output),
     * nested with the activation so the parameters keep their paths; the CNN normalizes after each convolution.
     */
    public Block build(Regularization regularization) {
        SequentialBlock net = new SequentialBlock();
        switch (this) {
            case MLP -> {
                net.add(linear(256)).add(reluDropout(net, regularization));
                net.add(linear(128)).add(reluDropout(net, regularization));
            }
            case CNN -> {
                net.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(32).build())
                        .add(regularization.batchNorm(lastParameter(net)))
                        .add(Activation.reluBlock())
                        .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                        .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(64).build())
                        .add(regularization.batchNorm(lastParameter(net)))
                        .add(Activation.reluBlock())
                        .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                        .add(Blocks.batchFlattenBlock())
                        .add(linear(128));
                net.add(reluDropout(net, regularization));
            }
            case LSTM -> {
                net.add(ai.djl.nn.recurrent.LSTM.builder().setStateSize(128).setNumLayers(1).optBatchFirst(true).build());
                net.add(new SequentialBlock()
                        .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :"))))
                        .add(regularization.dropout(lastParameter(net))));
            }
        }
        return net.add(linear(FashionMnist.CLASSES));
    }

    /** ReLU then dropout reading the group of the layer just added. */
    private static Block reluDropout(SequentialBlock net, Regularization regularization) {
        return new SequentialBlock().add(Activation.reluBlock()).add(regularization.dropout(lastParameter(net)));
    }

    /** The path of the first parameter of the last block with parameters, {@code 01Linear_weight}. */
    private static String lastParameter(SequentialBlock net) {
        var children = net.getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            if (!children.get(i).getValue().getParameters().isEmpty()) {
                return Regularization.firstParameter(children.get(i).getKey(), children.get(i).getValue());
            }
        }
        throw new IllegalStateException("no layer with parameters before a regularizer");
    }

    private static Block linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    public static Model of(String key) {
        for (Model m : values()) if (m.key().equals(key)) return m;
        throw new IllegalArgumentException("model (" + key + ") must be one of mlp, cnn, lstm");
    }
}
