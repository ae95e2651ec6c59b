#!/usr/bin/env python3
"""Reference tables for the keras. dialect: Keras's LearningRateSchedule classes.

Keras (and a backend) cannot be installed here, so each class below is transcribed from
keras/src/optimizers/schedules/learning_rate_schedule.py at keras-team/keras@2534b643145262fc2c9ee638065ee14fdb623984,
keeping the constructor checks and the arithmetic of __call__; the comment above each names the class it copies.
`ops` is replaced by the float64 shim below: Keras computes in the dtype of initial_learning_rate (float32 for a
Python float, by default), so these tables are float64 evaluations of Keras's formulas (the Anneal dialect computes
in float64 too; see docs/dialects/keras.md). name_scope and get_config are dropped.

Run: python3 tools/reference/keras_reference.py   (writes dialects/src/test/resources/reference/keras/*.tsv)
"""

import math

from tables import Table, spec, steps

COMMIT = 'keras-team/keras@2534b643145262fc2c9ee638065ee14fdb623984'


class ops:
    """The backend.ops functions the schedules use, on Python floats (IEEE double)."""

    @staticmethod
    def convert_to_tensor(x):
        return float(x)

    @staticmethod
    def cast(x, dtype=None):
        return float(x)

    @staticmethod
    def floor(x):
        return float(math.floor(x))

    @staticmethod
    def ceil(x):
        return float(math.ceil(x))

    @staticmethod
    def power(x, y):
        try:
            return float(x) ** y
        except OverflowError:
            return math.inf

    @staticmethod
    def log(x):
        if x > 0:
            return math.log(x)
        return -math.inf if x == 0 else math.nan

    @staticmethod
    def cos(x):
        return math.cos(x)

    @staticmethod
    def minimum(a, b):
        return min(a, b)


# keras/src/optimizers/schedules/learning_rate_schedule.py: ExponentialDecay
class ExponentialDecay:
    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False, name="ExponentialDecay"):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        if self.decay_steps <= 0:
            raise ValueError("Argument `decay_steps` must be > 0. " f"Received: decay_steps={self.decay_steps}")

    def __call__(self, step):
        initial_learning_rate = ops.convert_to_tensor(self.initial_learning_rate)
        decay_steps = ops.cast(self.decay_steps)
        decay_rate = ops.cast(self.decay_rate)
        global_step_recomp = ops.cast(step)
        p = global_step_recomp / decay_steps
        if self.staircase:
            p = ops.floor(p)
        return initial_learning_rate * ops.power(decay_rate, p)


# keras/src/optimizers/schedules/learning_rate_schedule.py: PiecewiseConstantDecay
class PiecewiseConstantDecay:
    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "The length of boundaries should be 1 less than the length of "
                f"values. Received: boundaries={boundaries} of length "
                f"{len(boundaries)}, and values={values} "
                f"of length {len(values)}.")
        self.boundaries = boundaries
        self.values = values

    def __call__(self, step):
        boundaries = [int(x) for x in self.boundaries]   # cast to the step's (integer) dtype
        values = [float(x) for x in self.values]
        result_value = 0.0
        step_less_than_first_boundary = float(step <= boundaries[0])
        result_value += step_less_than_first_boundary * values[0]
        step_greater_than_last_boundary = float(step > boundaries[-1])
        result_value += step_greater_than_last_boundary * values[-1]
        for low, high, value in zip(boundaries[:-1], boundaries[1:], values[1:-1]):
            step_in_range = float((step > low) & (step <= high))
            result_value += step_in_range * value
        return result_value


# keras/src/optimizers/schedules/learning_rate_schedule.py: PolynomialDecay
class PolynomialDecay:
    def __init__(self, initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False,
                 name="PolynomialDecay"):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle
        if self.decay_steps <= 0:
            raise ValueError("Argument `decay_steps` must be > 0. " f"Received: decay_steps={self.decay_steps}")

    def __call__(self, step):
        initial_learning_rate = ops.convert_to_tensor(self.initial_learning_rate)
        end_learning_rate = ops.cast(self.end_learning_rate)
        power = ops.cast(self.power)
        global_step_recomp = ops.cast(step)
        decay_steps_recomp = ops.cast(self.decay_steps)
        if self.cycle:
            multiplier = 1.0 if global_step_recomp == 0 else ops.ceil(global_step_recomp / self.decay_steps)
            decay_steps_recomp = decay_steps_recomp * multiplier
        else:
            global_step_recomp = ops.minimum(global_step_recomp, decay_steps_recomp)
        p = global_step_recomp / decay_steps_recomp
        return (initial_learning_rate - end_learning_rate) * ops.power(1 - p, power) + end_learning_rate


# keras/src/optimizers/schedules/learning_rate_schedule.py: InverseTimeDecay
class InverseTimeDecay:
    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False, name="InverseTimeDecay"):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        if self.decay_steps <= 0:
            raise ValueError("Argument `decay_steps` must be > 0. " f"Received: decay_steps={self.decay_steps}")

    def __call__(self, step):
        initial_learning_rate = ops.convert_to_tensor(self.initial_learning_rate)
        decay_steps = ops.cast(self.decay_steps)
        decay_rate = ops.cast(self.decay_rate)
        global_step_recomp = ops.cast(step)
        p = global_step_recomp / decay_steps
        if self.staircase:
            p = ops.floor(p)
        const = 1.0
        denom = const + decay_rate * p
        return initial_learning_rate / denom


# keras/src/optimizers/schedules/learning_rate_schedule.py: CosineDecay
class CosineDecay:
    def __init__(self, initial_learning_rate, decay_steps, alpha=0.0, name="CosineDecay", warmup_target=None,
                 warmup_steps=0):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.warmup_steps = warmup_steps
        self.warmup_target = warmup_target
        if self.decay_steps <= 0:
            raise ValueError("Argument `decay_steps` must be > 0. " f"Received: decay_steps={self.decay_steps}")

    def _decay_function(self, step, decay_steps, decay_from_lr):
        completed_fraction = step / decay_steps
        pi = math.pi
        cosine_decayed = 0.5 * (1.0 + ops.cos(pi * completed_fraction))
        decayed = (1 - self.alpha) * cosine_decayed + self.alpha
        return decay_from_lr * decayed

    def _warmup_function(self, step, warmup_steps, warmup_target, initial_learning_rate):
        completed_fraction = step / warmup_steps
        total_step_delta = warmup_target - initial_learning_rate
        return total_step_delta * completed_fraction + initial_learning_rate

    def __call__(self, step):
        initial_learning_rate = ops.convert_to_tensor(self.initial_learning_rate)
        decay_steps = ops.cast(self.decay_steps)
        global_step_recomp = ops.cast(step)
        if self.warmup_target is None:
            global_step_recomp = ops.minimum(global_step_recomp, decay_steps)
            return self._decay_function(global_step_recomp, decay_steps, initial_learning_rate)
        warmup_target = ops.cast(self.warmup_target)
        warmup_steps = ops.cast(self.warmup_steps)
        global_step_recomp = ops.minimum(global_step_recomp, decay_steps + warmup_steps)
        if global_step_recomp < warmup_steps:   # ops.cond
            return self._warmup_function(global_step_recomp, warmup_steps, warmup_target, initial_learning_rate)
        return self._decay_function(global_step_recomp - warmup_steps, decay_steps, warmup_target)


# keras/src/optimizers/schedules/learning_rate_schedule.py: CosineDecayRestarts
class CosineDecayRestarts:
    def __init__(self, initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0, name="SGDRDecay"):
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self._t_mul = t_mul
        self._m_mul = m_mul
        self.alpha = alpha
        if self.first_decay_steps <= 0:
            raise ValueError("Argument `first_decay_steps` must be > 0. " f"Received: first_decay_steps={self.first_decay_steps}")

    def __call__(self, step):
        initial_learning_rate = ops.convert_to_tensor(self.initial_learning_rate)
        first_decay_steps = ops.cast(self.first_decay_steps)
        alpha = ops.cast(self.alpha)
        t_mul = ops.cast(self._t_mul)
        m_mul = ops.cast(self._m_mul)
        global_step_recomp = ops.cast(step)
        completed_fraction = global_step_recomp / first_decay_steps

        def compute_step(completed_fraction, geometric=False):
            if geometric:
                i_restart = ops.floor(ops.log(ops.cast(1.0 - completed_fraction * (1.0 - t_mul))) / ops.log(t_mul))
                sum_r = (1.0 - ops.power(t_mul, i_restart)) / (1.0 - t_mul)
                completed_fraction = (completed_fraction - sum_r) / ops.power(t_mul, i_restart)
            else:
                i_restart = ops.floor(completed_fraction)
                completed_fraction -= i_restart
            return i_restart, completed_fraction

        if t_mul == 1.0:   # ops.cond(ops.numpy.equal(t_mul, 1.0), ...)
            i_restart, completed_fraction = compute_step(completed_fraction, geometric=False)
        else:
            i_restart, completed_fraction = compute_step(completed_fraction, geometric=True)

        m_fac = ops.power(m_mul, i_restart)
        cosine_decayed = 0.5 * m_fac * (1.0 + ops.cos(math.pi * completed_fraction))
        decayed = (1 - alpha) * cosine_decayed + alpha
        return initial_learning_rate * decayed


CLASSES = {
    'ExponentialDecay': ExponentialDecay,
    'PiecewiseConstantDecay': PiecewiseConstantDecay,
    'PolynomialDecay': PolynomialDecay,
    'InverseTimeDecay': InverseTimeDecay,
    'CosineDecay': CosineDecay,
    'CosineDecayRestarts': CosineDecayRestarts,
}

CASES = {
    'ExponentialDecay': [
        (dict(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.96), 60, 'continuous'),
        (dict(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, staircase=True), 60, None),
        (dict(initial_learning_rate=0.01, decay_steps=7, decay_rate=1.5), 40, 'decay_rate > 1 grows', (1000,)),
        (dict(initial_learning_rate=0.1, decay_steps=1, decay_rate=0.9), 30, None),
    ],
    'PiecewiseConstantDecay': [
        (dict(boundaries=[10, 20], values=[1.0, 0.5, 0.1]), 30, 'a boundary step keeps the earlier value'),
        (dict(boundaries=[5], values=[0.1, 0.2]), 10, None),
        (dict(boundaries=[0, 3, 4, 9], values=[0.5, 0.4, 0.3, 0.2, 0.1]), 12, 'a boundary at 0: only step 0 has values[0]'),
    ],
    'PolynomialDecay': [
        (dict(initial_learning_rate=0.1, decay_steps=100, end_learning_rate=0.01, power=0.5), 120, None),
        (dict(initial_learning_rate=0.1, decay_steps=50), 60, 'defaults: end_learning_rate=0.0001, power=1'),
        (dict(initial_learning_rate=0.1, decay_steps=10, end_learning_rate=0.01, power=2.0, cycle=True), 45,
         'cycle: a multiple of decay_steps reads the end, the next step restarts below lr'),
        (dict(initial_learning_rate=1.0, decay_steps=20, end_learning_rate=0.0, power=0.0), 25, 'power=0'),
    ],
    'InverseTimeDecay': [
        (dict(initial_learning_rate=0.1, decay_steps=1, decay_rate=0.5), 30, 'the Keras docstring example'),
        (dict(initial_learning_rate=0.1, decay_steps=10, decay_rate=2.0, staircase=True), 50, None),
        (dict(initial_learning_rate=0.1, decay_steps=7, decay_rate=0.3), 30, None),
    ],
    'CosineDecay': [
        (dict(initial_learning_rate=0.1, decay_steps=100, alpha=0.0), 120, None),
        (dict(initial_learning_rate=0.1, decay_steps=50, alpha=0.1), 60, None),
        (dict(initial_learning_rate=0.0, decay_steps=40, warmup_target=0.1, warmup_steps=10), 60, 'warmup from 0 to warmup_target'),
        (dict(initial_learning_rate=0.05, decay_steps=30, alpha=0.2, warmup_target=0.1, warmup_steps=5), 40, None),
        (dict(initial_learning_rate=0.1, decay_steps=20, warmup_steps=10), 35, 'warmup_steps without warmup_target: no warmup'),
        (dict(initial_learning_rate=0.1, decay_steps=20, warmup_target=0.5), 25,
         'warmup_target with warmup_steps=0: the decay starts from warmup_target'),
    ],
    'CosineDecayRestarts': [
        (dict(initial_learning_rate=0.1, first_decay_steps=10), 160, 'defaults: t_mul=2, m_mul=1'),
        (dict(initial_learning_rate=0.1, first_decay_steps=10, t_mul=1.0, m_mul=0.5, alpha=0.1), 50,
         'equal cycles, peaks halving; the floor alpha is not scaled'),
        (dict(initial_learning_rate=1.0, first_decay_steps=5, t_mul=3.0, m_mul=0.8), 200, None),
        (dict(initial_learning_rate=0.1, first_decay_steps=8, t_mul=1.5, alpha=0.05), 120, 'a non-integer t_mul'),
    ],
}

ERRORS = {
    'ExponentialDecay': [dict(initial_learning_rate=0.1, decay_steps=0, decay_rate=0.5)],
    'PiecewiseConstantDecay': [dict(boundaries=[10, 20], values=[1.0, 0.5])],
    'PolynomialDecay': [dict(initial_learning_rate=0.1, decay_steps=0)],
    'InverseTimeDecay': [dict(initial_learning_rate=0.1, decay_steps=-5, decay_rate=0.5)],
    'CosineDecay': [dict(initial_learning_rate=0.1, decay_steps=0)],
    'CosineDecayRestarts': [dict(initial_learning_rate=0.1, first_decay_steps=0)],
}


def main():
    total = 0
    for name, cls in CLASSES.items():
        table = Table('keras', name, 'source: keras keras/src/optimizers/schedules/learning_rate_schedule.py: %s.__init__, %s.__call__ (%s).\n'
                                     'value at step k = schedule(k); the formulas in float64 (Keras: float32 by default).'
                      % (name, name, COMMIT))
        for kwargs, horizon, note, *far in CASES[name]:
            schedule = cls(**kwargs)
            at = steps(horizon, *far) if far else steps(horizon)
            table.case(spec('keras.' + name, kwargs), [(k, schedule(k)) for k in at], note)
        for kwargs in ERRORS.get(name, []):
            table.rejects(spec('keras.' + name, kwargs), lambda: cls(**kwargs),
                          errors=(ValueError, ZeroDivisionError, IndexError))
        total += table.write()
    print(total, 'cases')


if __name__ == '__main__':
    main()
