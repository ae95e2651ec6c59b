#!/usr/bin/python3
"""The PyTorch baseline of `anneal train fashion-mnist`: the same networks, data, batches and Adam, in plain PyTorch.

`anneal bench train` ships this script in its jar, writes it to a temporary file and runs it with /usr/bin/python3
(Debian's python3-torch and python3-numpy), for example:

    /usr/bin/python3 torch_train.py --model mlp --epochs 2 --batch 128 --threads 2

Like Anneal's loop it reads every batch from the uint8 images in memory, scales it to [0, 1], reads the loss and
the accuracy of each step, and steps torch.optim.Adam (lr 0.001, PyTorch's defaults otherwise). It prints the
same 'trained … (N images/s)' and 'per mini-batch' lines as `anneal train`, and the test accuracy.
"""

import argparse
import gzip
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read(data, name, offset, limit, shape):
    with gzip.open('%s/%s.gz' % (data, name)) as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
    return torch.from_numpy(raw.reshape(-1, *shape)[:limit].copy())


class Lstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(28, 128, batch_first=True)
        self.out = nn.Linear(128, 10)

    def forward(self, x):
        return self.out(self.lstm(x)[0][:, -1, :])


def network(model):
    if model == 'mlp':
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    if model == 'cnn':
        return nn.Sequential(nn.Conv2d(1, 32, 5), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(32, 64, 5), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(), nn.Linear(128, 10))
    return Lstm()


SHAPES = {'mlp': (784,), 'cnn': (1, 28, 28), 'lstm': (28, 28)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--model', default='mlp', choices=['mlp', 'cnn', 'lstm'])
    p.add_argument('--epochs', type=int, default=2)
    p.add_argument('--batch', type=int, default=128)
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--limit', type=int, default=60000)
    p.add_argument('--lr', type=float, default=0.001)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--test-limit', type=int, default=10000)
    p.add_argument('--data', default='/usr/share/datasets/fashion-mnist')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)
    shape = SHAPES[a.model]
    images = read(a.data, 'train-images-idx3-ubyte', 16, a.limit, shape)
    labels = read(a.data, 'train-labels-idx1-ubyte', 8, a.limit, ()).long()
    net = network(a.model)
    opt = torch.optim.Adam(net.parameters(), lr=a.lr)
    batch_time = opt_time = 0.0
    batches = 0
    start = time.perf_counter()
    for epoch in range(a.epochs):
        order = torch.randperm(len(labels))
        for i in range(0, len(labels), a.batch):
            t0 = time.perf_counter()
            idx = order[i:i + a.batch]
            x = images[idx].float() / 255
            y = labels[idx]
            logits = net(x)
            loss = F.cross_entropy(logits, y)
            opt.zero_grad()
            loss.backward()
            loss.item()
            (logits.argmax(1) == y).sum().item()
            t1 = time.perf_counter()
            opt.step()
            batch_time += t1 - t0
            opt_time += time.perf_counter() - t1
            batches += 1
    seconds = time.perf_counter() - start
    print('trained %d epochs in %.1f s (%.0f images/s)' % (a.epochs, seconds, a.epochs * len(labels) / seconds))
    print('per mini-batch: %.3f ms forward and backward, %.3f ms optimizer' % (1e3 * batch_time / batches, 1e3 * opt_time / batches))
    test_x = read(a.data, 't10k-images-idx3-ubyte', 16, a.test_limit, shape).float() / 255
    test_y = read(a.data, 't10k-labels-idx1-ubyte', 8, a.test_limit, ()).long()
    with torch.no_grad():
        print('test accuracy %.4f' % (net(test_x).argmax(1) == test_y).float().mean().item())


if __name__ == '__main__':
    main()
