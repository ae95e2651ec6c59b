#!/usr/bin/env python3
"""Reference tables for the hf. dialect: Hugging Face transformers' schedule functions.

transformers (and torch) cannot be installed here, so each function below is transcribed from
transformers/src/transformers/optimization.py at huggingface/transformers@005edacb6b5dabbf0843e92c6623de9e07ca6241,
keeping its arithmetic, its checks and its errors; the comment above each names the function it copies. The
optimizer is replaced by its learning rate `lr` (optimizer.defaults["lr"], the LambdaLR base lr), and LambdaLR by
`lambda_lr`: after k calls of scheduler.step() the learning rate is base_lr * lr_lambda(k).

Run: python3 tools/reference/hf_reference.py   (writes dialects/src/test/resources/reference/hf/*.tsv)
"""

import math
import warnings
from functools import partial

from tables import Table, spec, steps

COMMIT = 'huggingface/transformers@005edacb6b5dabbf0843e92c6623de9e07ca6241'


def lambda_lr(lr, lr_lambda, at):
    """torch.optim.lr_scheduler.LambdaLR.get_lr: base_lr * lmbda(self.last_epoch), last_epoch = number of step() calls.
    The constructor evaluates lr_lambda(0), so an error at step 0 is raised when the scheduler is built."""
    lr_lambda(0)
    return [(k, lr * lr_lambda(k)) for k in at]


# transformers/optimization.py: _get_constant_lambda, get_constant_schedule
def _get_constant_lambda(_=None):
    return 1


def get_constant_schedule(lr):
    return partial(_get_constant_lambda)


# transformers/optimization.py: _get_constant_schedule_with_warmup_lr_lambda, get_constant_schedule_with_warmup
def _get_constant_schedule_with_warmup_lr_lambda(current_step, *, num_warmup_steps):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1.0, num_warmup_steps))
    return 1.0


def get_constant_schedule_with_warmup(lr, num_warmup_steps):
    return partial(_get_constant_schedule_with_warmup_lr_lambda, num_warmup_steps=num_warmup_steps)


# transformers/optimization.py: _get_linear_schedule_with_warmup_lr_lambda, get_linear_schedule_with_warmup
def _get_linear_schedule_with_warmup_lr_lambda(current_step, *, num_warmup_steps, num_training_steps):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    return max(0.0, float(num_training_steps - current_step) / float(max(1, num_training_steps - num_warmup_steps)))


def get_linear_schedule_with_warmup(lr, num_warmup_steps, num_training_steps):
    return partial(_get_linear_schedule_with_warmup_lr_lambda, num_warmup_steps=num_warmup_steps,
                   num_training_steps=num_training_steps)


# transformers/optimization.py: _get_cosine_schedule_with_warmup_lr_lambda. The module defines it twice; the second
# definition (with min_lr_rate) replaces the first, and is the one get_cosine_schedule_with_warmup calls.
def _get_cosine_schedule_with_warmup_lr_lambda(current_step, *, num_warmup_steps, num_training_steps, num_cycles,
                                               min_lr_rate=0.0):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
    factor = 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress))
    factor = factor * (1 - min_lr_rate) + min_lr_rate
    return max(0, factor)


# transformers/optimization.py: get_cosine_schedule_with_warmup
def get_cosine_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, num_cycles=0.5):
    return partial(_get_cosine_schedule_with_warmup_lr_lambda, num_warmup_steps=num_warmup_steps,
                   num_training_steps=num_training_steps, num_cycles=num_cycles)


# transformers/optimization.py: _get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda
def _get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda(current_step, *, num_warmup_steps,
                                                                  num_training_steps, num_cycles):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
    if progress >= 1.0:
        return 0.0
    return max(0.0, 0.5 * (1.0 + math.cos(math.pi * ((float(num_cycles) * progress) % 1.0))))


# transformers/optimization.py: get_cosine_with_hard_restarts_schedule_with_warmup
def get_cosine_with_hard_restarts_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, num_cycles=1):
    return partial(_get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda, num_warmup_steps=num_warmup_steps,
                   num_training_steps=num_training_steps, num_cycles=num_cycles)


# transformers/optimization.py: _get_polynomial_decay_schedule_with_warmup_lr_lambda
def _get_polynomial_decay_schedule_with_warmup_lr_lambda(current_step, *, num_warmup_steps, num_training_steps,
                                                         lr_end, power, lr_init):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    elif current_step > num_training_steps:
        return lr_end / lr_init  # as LambdaLR multiplies by lr_init
    else:
        lr_range = lr_init - lr_end
        decay_steps = num_training_steps - num_warmup_steps
        pct_remaining = 1 - (current_step - num_warmup_steps) / decay_steps
        decay = lr_range * pct_remaining**power + lr_end
        return decay / lr_init  # as LambdaLR multiplies by lr_init


# transformers/optimization.py: get_polynomial_decay_schedule_with_warmup
def get_polynomial_decay_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, lr_end=1e-7, power=1.0):
    lr_init = lr
    if not (lr_init > lr_end):
        raise ValueError(f"lr_end ({lr_end}) must be smaller than initial lr ({lr_init})")
    return partial(_get_polynomial_decay_schedule_with_warmup_lr_lambda, num_warmup_steps=num_warmup_steps,
                   num_training_steps=num_training_steps, lr_end=lr_end, power=power, lr_init=lr_init)


# transformers/optimization.py: _get_inverse_sqrt_schedule_lr_lambda
def _get_inverse_sqrt_schedule_lr_lambda(current_step, *, num_warmup_steps, timescale=None):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    shift = timescale - num_warmup_steps
    decay = 1.0 / math.sqrt((current_step + shift) / timescale)
    return decay


# transformers/optimization.py: get_inverse_sqrt_schedule
def get_inverse_sqrt_schedule(lr, num_warmup_steps, timescale=None):
    if timescale is None:
        timescale = num_warmup_steps or 10_000
    return partial(_get_inverse_sqrt_schedule_lr_lambda, num_warmup_steps=num_warmup_steps, timescale=timescale)


# transformers/optimization.py: _get_cosine_with_min_lr_schedule_with_warmup (get_cosine_with_min_lr_schedule_with_warmup)
def get_cosine_with_min_lr_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, num_cycles=0.5, min_lr=None,
                                                min_lr_rate=None):
    if min_lr is not None and min_lr_rate is not None:
        raise ValueError("Only one of min_lr or min_lr_rate should be set")
    elif min_lr is not None:
        min_lr_rate = min_lr / lr
    elif min_lr_rate is None:
        raise ValueError("One of min_lr or min_lr_rate should be set through the `lr_scheduler_kwargs`")
    return partial(_get_cosine_schedule_with_warmup_lr_lambda, num_warmup_steps=num_warmup_steps,
                   num_training_steps=num_training_steps, num_cycles=num_cycles, min_lr_rate=min_lr_rate)


# transformers/optimization.py: _get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda
def _get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda(current_step, *, num_warmup_steps, num_training_steps,
                                                                num_cycles, min_lr_rate=0.0, warmup_lr_rate=None):
    current_step = float(current_step)
    num_warmup_steps = float(num_warmup_steps)
    num_training_steps = float(num_training_steps)

    if current_step < num_warmup_steps:
        if warmup_lr_rate is None:
            return (current_step + 1.) / max(1., num_warmup_steps)
        else:
            warmup_lr_rate = float(warmup_lr_rate)
            return warmup_lr_rate + (1.0 - warmup_lr_rate) * (current_step) / (max(1, num_warmup_steps - 1))
    progress = (current_step - num_warmup_steps + 1.) / (max(1., num_training_steps - num_warmup_steps))
    factor = 0.5 * (1.0 + math.cos(math.pi * num_cycles * 2.0 * progress))
    factor = factor * (1 - min_lr_rate) + min_lr_rate
    return max(0, factor)


# transformers/optimization.py: get_cosine_with_min_lr_schedule_with_warmup_lr_rate
def get_cosine_with_min_lr_schedule_with_warmup_lr_rate(lr, num_warmup_steps, num_training_steps, num_cycles=0.5,
                                                        min_lr=None, min_lr_rate=None, warmup_lr_rate=None):
    if min_lr is not None and min_lr_rate is not None:
        raise ValueError("Only one of min_lr or min_lr_rate should be set")
    elif min_lr is not None:
        min_lr_rate = min_lr / lr
    elif min_lr_rate is None:
        raise ValueError("One of min_lr or min_lr_rate should be set through the `lr_scheduler_kwargs`")
    return partial(_get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda, num_warmup_steps=num_warmup_steps,
                   num_training_steps=num_training_steps, num_cycles=num_cycles, min_lr_rate=min_lr_rate,
                   warmup_lr_rate=warmup_lr_rate)


# transformers/optimization.py: _get_wsd_scheduler_lambda
def _get_wsd_scheduler_lambda(current_step, *, num_warmup_steps, num_stable_steps, num_decay_steps, warmup_type,
                              decay_type, min_lr_ratio, num_cycles):
    if current_step < num_warmup_steps:
        progress = float(current_step) / float(max(1, num_warmup_steps))
        if warmup_type == "linear":
            factor = progress
        elif warmup_type == "cosine":
            factor = 0.5 * (1.0 - math.cos(math.pi * progress))
        elif warmup_type == "1-sqrt":
            factor = 1.0 - math.sqrt(1.0 - progress)
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)

    if current_step < num_warmup_steps + num_stable_steps:
        return 1.0

    if current_step < num_warmup_steps + num_stable_steps + num_decay_steps:
        progress = float(current_step - num_warmup_steps - num_stable_steps) / float(max(1, num_decay_steps))
        if decay_type == "linear":
            factor = 1.0 - progress
        elif decay_type == "cosine":
            factor = 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress))
        elif decay_type == "1-sqrt":
            factor = 1.0 - math.sqrt(progress)
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)
    return min_lr_ratio


# transformers/optimization.py: get_wsd_schedule
def get_wsd_schedule(lr, num_warmup_steps, num_decay_steps, num_training_steps=None, num_stable_steps=None,
                     warmup_type="linear", decay_type="cosine", min_lr_ratio=0, num_cycles=0.5):
    if num_training_steps is None and num_stable_steps is None:
        raise ValueError("Either num_training_steps or num_stable_steps must be specified.")
    if num_training_steps is not None and num_stable_steps is not None:
        warnings.warn("Both num_training_steps and num_stable_steps are specified. num_stable_steps will be used.")
    if warmup_type not in ["linear", "cosine", "1-sqrt"]:
        raise ValueError(f"Unknown warmup type: {warmup_type}, expected 'linear', 'cosine' or '1-sqrt'")
    if decay_type not in ["linear", "cosine", "1-sqrt"]:
        raise ValueError(f"Unknown decay type: {decay_type}, expected 'linear', 'cosine' or '1-sqrt'")
    if num_stable_steps is None:
        num_stable_steps = num_training_steps - num_warmup_steps - num_decay_steps
    return partial(_get_wsd_scheduler_lambda, num_warmup_steps=num_warmup_steps, num_stable_steps=num_stable_steps,
                   num_decay_steps=num_decay_steps, warmup_type=warmup_type, decay_type=decay_type,
                   min_lr_ratio=min_lr_ratio, num_cycles=num_cycles)


FUNCTIONS = {
    'get_constant_schedule': (get_constant_schedule, '_get_constant_lambda, get_constant_schedule'),
    'get_constant_schedule_with_warmup': (get_constant_schedule_with_warmup,
                                          '_get_constant_schedule_with_warmup_lr_lambda, get_constant_schedule_with_warmup'),
    'get_linear_schedule_with_warmup': (get_linear_schedule_with_warmup,
                                        '_get_linear_schedule_with_warmup_lr_lambda, get_linear_schedule_with_warmup'),
    'get_cosine_schedule_with_warmup': (get_cosine_schedule_with_warmup,
                                        '_get_cosine_schedule_with_warmup_lr_lambda (the second definition, with min_lr_rate), get_cosine_schedule_with_warmup'),
    'get_cosine_with_hard_restarts_schedule_with_warmup': (
        get_cosine_with_hard_restarts_schedule_with_warmup,
        '_get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda, get_cosine_with_hard_restarts_schedule_with_warmup'),
    'get_polynomial_decay_schedule_with_warmup': (
        get_polynomial_decay_schedule_with_warmup,
        '_get_polynomial_decay_schedule_with_warmup_lr_lambda, get_polynomial_decay_schedule_with_warmup'),
    'get_inverse_sqrt_schedule': (get_inverse_sqrt_schedule, '_get_inverse_sqrt_schedule_lr_lambda, get_inverse_sqrt_schedule'),
    'get_wsd_schedule': (get_wsd_schedule, '_get_wsd_scheduler_lambda, get_wsd_schedule'),
    'get_cosine_with_min_lr_schedule_with_warmup': (
        get_cosine_with_min_lr_schedule_with_warmup,
        '_get_cosine_schedule_with_warmup_lr_lambda (with min_lr_rate), get_cosine_with_min_lr_schedule_with_warmup'),
    'get_cosine_with_min_lr_schedule_with_warmup_lr_rate': (
        get_cosine_with_min_lr_schedule_with_warmup_lr_rate,
        '_get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda, get_cosine_with_min_lr_schedule_with_warmup_lr_rate'),
}

# name -> list of (kwargs, horizon, note); kwargs in the order the spec writes them (lr first).
CASES = {
    'get_constant_schedule': [
        (dict(lr=0.001), 20, None),
        (dict(lr=-0.25), 5, 'a negative lr is passed through'),
    ],
    'get_constant_schedule_with_warmup': [
        (dict(lr=0.001, num_warmup_steps=10), 30, None),
        (dict(lr=0.1, num_warmup_steps=0), 10, 'no warmup: max(1.0, 0) guards the division'),
        (dict(lr=0.3, num_warmup_steps=1), 10, 'a one-step warmup: 0 at step 0'),
        (dict(lr=0.01, num_warmup_steps=7), 20, None),
    ],
    'get_linear_schedule_with_warmup': [
        (dict(lr=0.001, num_warmup_steps=10, num_training_steps=100), 130, None),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=50), 60, 'no warmup'),
        (dict(lr=0.1, num_warmup_steps=30, num_training_steps=20), 40, 'training < warmup: 0 right after the warmup'),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=0), 5, 'num_training_steps=0: 0 from step 0'),
        (dict(lr=0.05, num_warmup_steps=7, num_training_steps=33), 40, None),
    ],
    'get_cosine_schedule_with_warmup': [
        (dict(lr=0.001, num_warmup_steps=10, num_training_steps=100), 260,
         'default num_cycles=0.5; past num_training_steps the cosine rises again'),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=50, num_cycles=1.0), 120, 'a full wave: back to lr at the end'),
        (dict(lr=0.1, num_warmup_steps=5, num_training_steps=45, num_cycles=0.25), 100, 'a quarter wave: ends at lr/2'),
        (dict(lr=0.02, num_warmup_steps=5, num_training_steps=5), 20, 'training == warmup: progress divides by max(1, 0)'),
        (dict(lr=0.1, num_warmup_steps=3, num_training_steps=40, num_cycles=2.5), 60, None),
    ],
    'get_cosine_with_hard_restarts_schedule_with_warmup': [
        (dict(lr=0.001, num_warmup_steps=10, num_training_steps=100), 130, 'default num_cycles=1: a single cosine, then 0'),
        (dict(lr=0.1, num_warmup_steps=10, num_training_steps=100, num_cycles=3), 130, 'three restarts'),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=60, num_cycles=1.5), 80,
         'fractional cycles: the last cycle is cut at its middle, then 0'),
        (dict(lr=0.1, num_warmup_steps=4, num_training_steps=31, num_cycles=7), 50, 'restarts that do not fall on whole steps'),
        (dict(lr=0.1, num_warmup_steps=5, num_training_steps=5), 10, 'training == warmup: one step at lr, then 0'),
    ],
    'get_polynomial_decay_schedule_with_warmup': [
        (dict(lr=0.001, num_warmup_steps=10, num_training_steps=100), 130, 'defaults: lr_end=1e-7, power=1'),
        (dict(lr=0.001, num_warmup_steps=10, num_training_steps=100, lr_end=1e-05, power=2.0), 130, None),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=40, lr_end=0.001, power=0.5), 60, 'square-root decay'),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=20, lr_end=0.01, power=0.0), 30,
         'power=0: 0**0 = 1 keeps lr through step num_training_steps, then lr_end'),
        (dict(lr=0.1, num_warmup_steps=20, num_training_steps=10, lr_end=0.001), 30,
         'training < warmup: straight from the warmup to lr_end'),
        (dict(lr=0.1, num_warmup_steps=5, num_training_steps=25, lr_end=-0.05, power=3.0), 40, 'a negative lr_end'),
    ],
    'get_inverse_sqrt_schedule': [
        (dict(lr=0.001, num_warmup_steps=100), 400, 'timescale defaults to num_warmup_steps'),
        (dict(lr=0.1, num_warmup_steps=0), 100, 'no warmup: timescale defaults to 10000'),
        (dict(lr=0.1, num_warmup_steps=10, timescale=3), 60, 'timescale < warmup'),
        (dict(lr=0.1, num_warmup_steps=50, timescale=200), 300, None),
        (dict(lr=0.1, num_warmup_steps=0, timescale=1), 50, 'timescale=1 and no warmup: lr/sqrt(k + 1)'),
    ],
    'get_wsd_schedule': [
        (dict(lr=0.001, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70), 120, 'defaults: linear warmup, cosine decay'),
        (dict(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_training_steps=100, min_lr_ratio=0.1), 120,
         'stable steps from num_training_steps; the warmup starts at lr*min_lr_ratio'),
        (dict(lr=0.1, num_warmup_steps=8, num_decay_steps=16, num_stable_steps=10, warmup_type='cosine', decay_type='linear'), 40, None),
        (dict(lr=0.1, num_warmup_steps=8, num_decay_steps=16, num_stable_steps=10, warmup_type='1-sqrt', decay_type='1-sqrt',
              min_lr_ratio=0.05), 40, None),
        (dict(lr=0.1, num_warmup_steps=0, num_decay_steps=30, num_stable_steps=5, num_cycles=1.0), 40,
         'num_cycles=1: the cosine decay comes back up to lr'),
        (dict(lr=0.1, num_warmup_steps=5, num_decay_steps=0, num_stable_steps=5, min_lr_ratio=0.2), 15,
         'no decay steps: straight to lr*min_lr_ratio'),
        (dict(lr=0.1, num_warmup_steps=10, num_decay_steps=10, num_training_steps=20), 30, 'no stable phase'),
    ],
    'get_cosine_with_min_lr_schedule_with_warmup': [
        (dict(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr=1e-05), 200, 'min_lr; the cosine rises again past the end'),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=50, min_lr_rate=0.1), 80, None),
        (dict(lr=0.1, num_warmup_steps=5, num_training_steps=45, num_cycles=1.0, min_lr_rate=0.2), 60, None),
        (dict(lr=0.1, num_warmup_steps=5, num_training_steps=45, min_lr_rate=-0.5), 60, 'a negative floor is cut at 0 by max(0, ...)'),
    ],
    'get_cosine_with_min_lr_schedule_with_warmup_lr_rate': [
        (dict(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr_rate=0.1), 200,
         'warmup starts at lr/num_warmup_steps; the floor is reached at step num_training_steps - 1'),
        (dict(lr=0.1, num_warmup_steps=10, num_training_steps=60, min_lr=0.001, warmup_lr_rate=0.1), 80, None),
        (dict(lr=0.1, num_warmup_steps=1, num_training_steps=30, min_lr_rate=0.0, warmup_lr_rate=0.5), 40,
         'num_warmup_steps=1: max(1, w - 1) guards the division'),
        (dict(lr=0.1, num_warmup_steps=0, num_training_steps=20, num_cycles=1.0, min_lr_rate=0.0), 30, None),
    ],
}

ERRORS = {
    'get_polynomial_decay_schedule_with_warmup': [
        dict(lr=0.001, num_warmup_steps=0, num_training_steps=10, lr_end=0.01),
        dict(lr=0.001, num_warmup_steps=0, num_training_steps=10, lr_end=0.001),
        dict(lr=0.1, num_warmup_steps=0, num_training_steps=0),
        dict(lr=0.1, num_warmup_steps=10, num_training_steps=10),
    ],
    'get_wsd_schedule': [
        dict(lr=0.1, num_warmup_steps=10, num_decay_steps=10),
        dict(lr=0.1, num_warmup_steps=10, num_decay_steps=10, num_stable_steps=10, decay_type='exp'),
        dict(lr=0.1, num_warmup_steps=10, num_decay_steps=10, num_stable_steps=10, warmup_type='1-square'),
    ],
    'get_cosine_with_min_lr_schedule_with_warmup': [
        dict(lr=0.1, num_warmup_steps=10, num_training_steps=100),
        dict(lr=0.1, num_warmup_steps=10, num_training_steps=100, min_lr=0.001, min_lr_rate=0.01),
    ],
    'get_cosine_with_min_lr_schedule_with_warmup_lr_rate': [
        dict(lr=0.1, num_warmup_steps=10, num_training_steps=100),
    ],
}


def main():
    total = 0
    for name, (fn, source) in FUNCTIONS.items():
        table = Table('hf', name, 'source: transformers src/transformers/optimization.py: %s (%s).\n'
                                  'value at step k = lr * lr_lambda(k) (LambdaLR after k calls of step()); Python float arithmetic.'
                      % (source, COMMIT))
        for kwargs, horizon, note in CASES[name]:
            args = dict(kwargs)
            lr = args.pop('lr')
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                values = lambda_lr(lr, fn(lr, **args), steps(horizon))
            table.case(spec('hf.' + name, kwargs), values, note)
        for kwargs in ERRORS.get(name, []):
            args = dict(kwargs)
            lr = args.pop('lr')
            table.rejects(spec('hf.' + name, kwargs), lambda: fn(lr, **args), 1000)
        total += table.write()
    print(total, 'cases')


if __name__ == '__main__':
    main()
