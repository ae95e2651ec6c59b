#!/usr/bin/env python3
"""Reference tables for the timm. dialect: pytorch-image-models' LR schedulers.

timm (and torch) cannot be installed here, so the five schedulers below are transcribed from timm/scheduler/
(cosine_lr.py, tanh_lr.py, poly_lr.py, step_lr.py, multistep_lr.py and scheduler.py of huggingface/pytorch-image-models),
keeping each constructor's checks and the arithmetic of _get_lr, for one parameter group whose lr is `lr`. timm's
Scheduler.step_update(num_updates=k) with t_in_epochs=False sets the group's lr to _get_lr(k) (plus noise, which is
out of scope and off here), so the value at step k is _get_lr(k). Python floats are IEEE doubles, as in timm.

Run: python3 tools/reference/timm_reference.py   (writes dialects/src/test/resources/reference/timm/*.tsv)
"""

import bisect
import math

from tables import Table, spec, steps

SOURCE = 'huggingface/pytorch-image-models timm/scheduler/%s: %s.__init__ and _get_lr; scheduler.py: step_update.'


def _cycle(self, t):
    """The cycle arithmetic shared verbatim by CosineLRScheduler, TanhLRScheduler and PolyLRScheduler._get_lr."""
    if self.cycle_mul != 1:
        i = math.floor(math.log(1 - t / self.t_initial * (1 - self.cycle_mul), self.cycle_mul))
        t_i = self.cycle_mul ** i * self.t_initial
        t_curr = t - (1 - self.cycle_mul ** i) / (1 - self.cycle_mul) * self.t_initial
    else:
        i = t // self.t_initial
        t_i = self.t_initial
        t_curr = t - (self.t_initial * i)
    return i, t_i, t_curr


class CosineLRScheduler:
    def __init__(self, lr, t_initial, lr_min=0., cycle_mul=1., cycle_decay=1., cycle_limit=1, warmup_t=0,
                 warmup_lr_init=0, warmup_prefix=False, t_in_epochs=True, k_decay=1.0):
        self.base_values = [lr]
        assert t_initial > 0
        assert lr_min >= 0
        self.t_initial = t_initial
        self.lr_min = lr_min
        self.cycle_mul = cycle_mul
        self.cycle_decay = cycle_decay
        self.cycle_limit = cycle_limit
        self.warmup_t = warmup_t
        self.warmup_lr_init = warmup_lr_init
        self.warmup_prefix = warmup_prefix
        self.k_decay = k_decay
        if self.warmup_t:
            self.warmup_steps = [(v - warmup_lr_init) / self.warmup_t for v in self.base_values]
        else:
            self.warmup_steps = [1 for _ in self.base_values]

    def _get_lr(self, t):
        if t < self.warmup_t:
            lrs = [self.warmup_lr_init + t * s for s in self.warmup_steps]
        else:
            if self.warmup_prefix:
                t = t - self.warmup_t
            i, t_i, t_curr = _cycle(self, t)
            gamma = self.cycle_decay ** i
            lr_max_values = [v * gamma for v in self.base_values]
            k = self.k_decay
            if i < self.cycle_limit:
                lrs = [self.lr_min + 0.5 * (lr_max - self.lr_min) * (1 + math.cos(math.pi * t_curr ** k / t_i ** k))
                       for lr_max in lr_max_values]
            else:
                lrs = [self.lr_min for _ in self.base_values]
        return lrs

    def __call__(self, k):
        return self._get_lr(k)[0]


class TanhLRScheduler:
    def __init__(self, lr, t_initial, lb=-7., ub=3., lr_min=0., cycle_mul=1., cycle_decay=1., cycle_limit=1,
                 warmup_t=0, warmup_lr_init=0, warmup_prefix=False, t_in_epochs=True):
        self.base_values = [lr]
        assert t_initial > 0
        assert lr_min >= 0
        assert lb < ub
        assert cycle_limit >= 0
        assert warmup_t >= 0
        assert warmup_lr_init >= 0
        self.lb = lb
        self.ub = ub
        self.t_initial = t_initial
        self.lr_min = lr_min
        self.cycle_mul = cycle_mul
        self.cycle_decay = cycle_decay
        self.cycle_limit = cycle_limit
        self.warmup_t = warmup_t
        self.warmup_lr_init = warmup_lr_init
        self.warmup_prefix = warmup_prefix
        if self.warmup_t:
            t_v = self.base_values if self.warmup_prefix else self._get_lr(self.warmup_t)
            self.warmup_steps = [(v - warmup_lr_init) / self.warmup_t for v in t_v]
        else:
            self.warmup_steps = [1 for _ in self.base_values]

    def _get_lr(self, t):
        if t < self.warmup_t:
            lrs = [self.warmup_lr_init + t * s for s in self.warmup_steps]
        else:
            if self.warmup_prefix:
                t = t - self.warmup_t
            i, t_i, t_curr = _cycle(self, t)
            if i < self.cycle_limit:
                gamma = self.cycle_decay ** i
                lr_max_values = [v * gamma for v in self.base_values]
                tr = t_curr / t_i
                lrs = [self.lr_min + 0.5 * (lr_max - self.lr_min) * (1 - math.tanh(self.lb * (1. - tr) + self.ub * tr))
                       for lr_max in lr_max_values]
            else:
                lrs = [self.lr_min for _ in self.base_values]
        return lrs

    def __call__(self, k):
        return self._get_lr(k)[0]


class PolyLRScheduler:
    def __init__(self, lr, t_initial, power=0.5, lr_min=0., cycle_mul=1., cycle_decay=1., cycle_limit=1,
                 warmup_t=0, warmup_lr_init=0, warmup_prefix=False, t_in_epochs=True, k_decay=1.0):
        self.base_values = [lr]
        assert t_initial > 0
        assert lr_min >= 0
        self.t_initial = t_initial
        self.power = power
        self.lr_min = lr_min
        self.cycle_mul = cycle_mul
        self.cycle_decay = cycle_decay
        self.cycle_limit = cycle_limit
        self.warmup_t = warmup_t
        self.warmup_lr_init = warmup_lr_init
        self.warmup_prefix = warmup_prefix
        self.k_decay = k_decay
        if self.warmup_t:
            self.warmup_steps = [(v - warmup_lr_init) / self.warmup_t for v in self.base_values]
        else:
            self.warmup_steps = [1 for _ in self.base_values]

    def _get_lr(self, t):
        if t < self.warmup_t:
            lrs = [self.warmup_lr_init + t * s for s in self.warmup_steps]
        else:
            if self.warmup_prefix:
                t = t - self.warmup_t
            i, t_i, t_curr = _cycle(self, t)
            gamma = self.cycle_decay ** i
            lr_max_values = [v * gamma for v in self.base_values]
            k = self.k_decay
            if i < self.cycle_limit:
                lrs = [self.lr_min + (lr_max - self.lr_min) * (1 - t_curr ** k / t_i ** k) ** self.power
                       for lr_max in lr_max_values]
            else:
                lrs = [self.lr_min for _ in self.base_values]
        return lrs

    def __call__(self, k):
        return self._get_lr(k)[0]


class StepLRScheduler:
    def __init__(self, lr, decay_t, decay_rate=1., warmup_t=0, warmup_lr_init=0, warmup_prefix=True, t_in_epochs=True):
        self.base_values = [lr]
        self.decay_t = decay_t
        self.decay_rate = decay_rate
        self.warmup_t = warmup_t
        self.warmup_lr_init = warmup_lr_init
        self.warmup_prefix = warmup_prefix
        if self.warmup_t:
            self.warmup_steps = [(v - warmup_lr_init) / self.warmup_t for v in self.base_values]
        else:
            self.warmup_steps = [1 for _ in self.base_values]

    def _get_lr(self, t):
        if t < self.warmup_t:
            lrs = [self.warmup_lr_init + t * s for s in self.warmup_steps]
        else:
            if self.warmup_prefix:
                t = t - self.warmup_t
            lrs = [v * (self.decay_rate ** (t // self.decay_t)) for v in self.base_values]
        return lrs

    def __call__(self, k):
        return self._get_lr(k)[0]


class MultiStepLRScheduler:
    def __init__(self, lr, decay_t, decay_rate=1., warmup_t=0, warmup_lr_init=0., warmup_prefix=True, t_in_epochs=True):
        self.base_values = [lr]
        self.decay_t = decay_t
        self.decay_rate = decay_rate
        self.warmup_t = warmup_t
        self.warmup_lr_init = warmup_lr_init
        self.warmup_prefix = warmup_prefix
        if self.warmup_t:
            self.warmup_steps = [(v - warmup_lr_init) / self.warmup_t for v in self.base_values]
        else:
            self.warmup_steps = [1 for _ in self.base_values]

    def get_curr_decay_steps(self, t):
        return bisect.bisect_right(self.decay_t, t)

    def _get_lr(self, t):
        if t < self.warmup_t:
            lrs = [self.warmup_lr_init + t * s for s in self.warmup_steps]
        else:
            if self.warmup_prefix:
                t = t - self.warmup_t
            lrs = [v * (self.decay_rate ** self.get_curr_decay_steps(t)) for v in self.base_values]
        return lrs

    def __call__(self, k):
        return self._get_lr(k)[0]


CLASSES = {'CosineLRScheduler': ('cosine_lr.py', CosineLRScheduler), 'TanhLRScheduler': ('tanh_lr.py', TanhLRScheduler),
           'PolyLRScheduler': ('poly_lr.py', PolyLRScheduler), 'StepLRScheduler': ('step_lr.py', StepLRScheduler),
           'MultiStepLRScheduler': ('multistep_lr.py', MultiStepLRScheduler)}

# (kwargs, horizon, note[, far steps])
CASES = {
    'CosineLRScheduler': [
        (dict(lr=0.1, t_initial=100), 150, 'defaults: one cycle, then lr_min'),
        (dict(lr=0.1, t_initial=100, lr_min=1e-05, cycle_mul=2.0, cycle_decay=0.5, cycle_limit=3, warmup_t=5,
              warmup_lr_init=0.0001, warmup_prefix=True, k_decay=1.0), 800, 'the issue\'s example: cycles of 100, 200, 400'),
        (dict(lr=0.1, t_initial=50, lr_min=0.001, warmup_t=10, warmup_lr_init=0.01), 80,
         'warmup without prefix overlays the cosine: the lr jumps at step 10'),
        (dict(lr=1.0, t_initial=10, cycle_limit=4, cycle_decay=0.8), 60, 'equal cycles, peaks decaying'),
        (dict(lr=1.0, t_initial=4, cycle_mul=3.0, cycle_limit=5), 500, 'cycle_mul 3: the float logarithm misplaces restarts'),
        (dict(lr=1.0, t_initial=10, cycle_mul=1.5, cycle_limit=3), 80, 'cycles of fractional length'),
        (dict(lr=1.0, t_initial=10, cycle_mul=0.5, cycle_limit=10), 19, 'shrinking cycles (timm raises from step 20)', ()),
        (dict(lr=0.5, t_initial=40, k_decay=2.0, lr_min=0.01), 60, 'k-decay'),
        (dict(lr=0.1, t_initial=10, cycle_limit=0), 20, 'cycle_limit 0: lr_min from the first step after warmup'),
    ],
    'TanhLRScheduler': [
        (dict(lr=0.1, t_initial=100), 150, 'defaults: lb -7, ub 3'),
        (dict(lr=0.1, t_initial=50, lb=-6.0, ub=4.0, lr_min=0.001, cycle_limit=3, cycle_decay=0.5), 200, None),
        (dict(lr=0.1, t_initial=50, warmup_t=10, warmup_lr_init=0.001), 70,
         'warmup without prefix ramps to the tanh value at step 10, not to lr'),
        (dict(lr=0.1, t_initial=20, warmup_t=5, warmup_prefix=True, cycle_mul=2.0, cycle_limit=3), 200, None),
    ],
    'PolyLRScheduler': [
        (dict(lr=0.1, t_initial=100), 150, 'defaults: power 0.5'),
        (dict(lr=0.1, t_initial=100, power=2.0, lr_min=0.001, warmup_t=10, warmup_prefix=True), 150, None),
        (dict(lr=1.0, t_initial=10, power=1.0, cycle_limit=3, cycle_decay=0.5, cycle_mul=2.0), 100, None),
        (dict(lr=1.0, t_initial=20, power=1.0, k_decay=0.5), 30, 'k-decay'),
    ],
    'StepLRScheduler': [
        (dict(lr=0.1, decay_t=30, decay_rate=0.1), 100, None),
        (dict(lr=0.1, decay_t=10, decay_rate=0.5, warmup_t=5, warmup_lr_init=0.001), 60, 'warmup_prefix defaults to True here'),
        (dict(lr=0.1, decay_t=10, decay_rate=0.5, warmup_t=5, warmup_lr_init=0.001, warmup_prefix=False), 60, None),
        (dict(lr=0.1, decay_t=7), 30, 'decay_rate 1: constant'),
    ],
    'MultiStepLRScheduler': [
        (dict(lr=0.1, decay_t=[30, 80], decay_rate=0.1), 100, None),
        (dict(lr=0.1, decay_t=[10, 20, 20], decay_rate=0.5, warmup_t=5), 40, 'a repeated step counts twice'),
        (dict(lr=0.1, decay_t=[30, 10], decay_rate=0.5), 40, 'unsorted: bisect_right looks at 10 first, so both drops come at step 10'),
        (dict(lr=0.1, decay_t=[], decay_rate=0.5), 10, 'no steps: constant'),
    ],
}

ERRORS = {
    'CosineLRScheduler': [dict(lr=0.1, t_initial=0), dict(lr=0.1, t_initial=10, lr_min=-0.1),
                          dict(lr=0.1, t_initial=10, cycle_mul=0.0)],
    'TanhLRScheduler': [dict(lr=0.1, t_initial=10, lb=3.0, ub=3.0), dict(lr=0.1, t_initial=10, warmup_lr_init=-0.1)],
    'PolyLRScheduler': [dict(lr=0.1, t_initial=0)],
    'StepLRScheduler': [dict(lr=0.1, decay_t=0)],
}


def main():
    total = 0
    for name, (source, cls) in CLASSES.items():
        table = Table('timm', name, ('source: ' + SOURCE + '\nvalue at step k = _get_lr(k), the lr after step_update(num_updates=k)'
                                     ' with t_in_epochs=False; float64 as in timm.') % (source, name))
        for kwargs, horizon, note, *far in CASES[name]:
            schedule = cls(**kwargs)
            at = steps(horizon, *far) if far else steps(horizon)
            table.case(spec('timm.' + name, kwargs), [(k, schedule(k)) for k in at], note)
        for kwargs in ERRORS.get(name, []):
            table.rejects(spec('timm.' + name, kwargs), lambda: cls(**kwargs),
                          errors=(AssertionError, ValueError, ZeroDivisionError))
        total += table.write()
    print(total, 'cases')


if __name__ == '__main__':
    main()
