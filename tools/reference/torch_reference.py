#!/usr/bin/python3
"""Reference tables for the torch. dialect, computed by REAL PyTorch (torch.optim.lr_scheduler).

Install Debian's PyTorch (1.13.1) and run with the system Python:

    apt-get install -y python3-torch
    /usr/bin/python3 tools/reference/torch_reference.py   # writes dialects/src/test/resources/reference/torch/*.tsv

Every case is a spec written exactly as Anneal reads it, e.g.
`torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)], milestones=[10])`.
The spec text is the single source of truth: it is evaluated as Python with a `torch` namespace whose calls build
the real PyTorch objects (an SGD optimizer with `lr`; nested schedulers built in list order on that optimizer,
as a user would write them), so the table cannot describe a different configuration than the one Anneal parses.

The value at step k is optimizer.param_groups[0]['lr'] after k calls of scheduler.step() (optimizer.step() is
called before each, as PyTorch asks); for ReduceLROnPlateau the k-th call is scheduler.step(metrics[k-1]).

File format (one file per scheduler, several cases each; the Java tests need no Python):

    # comment lines
    case<TAB>SPEC                     one configuration
    note<TAB>TEXT                     what it exercises
    columns<TAB>step<TAB>lr[<TAB>momentum][<TAB>metric]
    STEP<TAB>LR[<TAB>MOMENTUM][<TAB>METRIC]    repr(float): exact in IEEE double; METRIC of row k is the
                                      argument of the k-th step(metric) call ('-' in row 0)
    raises<TAB>STEP<TAB>MESSAGE       PyTorch raised while computing step STEP (the rows stop before it)
    error<TAB>SPEC<TAB>WHERE<TAB>MESSAGE   a configuration PyTorch rejects (WHERE: 'construction' or 'step K');
                                      Anneal rejects every one of them when it parses the spec
"""

import math
import os
import warnings

import torch as _torch
from torch.optim import lr_scheduler as L

warnings.filterwarnings('ignore')

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
OUT = os.path.join(ROOT, 'dialects', 'src', 'test', 'resources', 'reference', 'torch')
SOURCE = os.path.join(os.path.dirname(L.__file__), 'lr_scheduler.py')

# The optimizer's lr when the spec gives none (CyclicLR and OneCycleLR set it themselves).
PLACEHOLDER_LR = 0.123


class Call:
    """A torch.NAME(...) call of a spec, not yet built."""

    def __init__(self, name, kwargs):
        self.name = name
        self.kwargs = kwargs

    def build(self, optimizer):
        """Builds a nested scheduler on an existing optimizer (SequentialLR / ChainedScheduler items)."""
        kwargs = dict(self.kwargs)
        if self.name == 'SequentialLR':
            kwargs['schedulers'] = [c.build(optimizer) for c in kwargs['schedulers']]
            return L.SequentialLR(optimizer, **kwargs)
        if self.name == 'ChainedScheduler':
            return L.ChainedScheduler([c.build(optimizer) for c in kwargs['schedulers']])
        return getattr(L, self.name)(optimizer, **kwargs)

    def top(self):
        """Builds the optimizer with lr, then the scheduler on it."""
        kwargs = dict(self.kwargs)
        lr = kwargs.pop('lr', PLACEHOLDER_LR)
        param = _torch.nn.Parameter(_torch.zeros(1))
        optimizer = _torch.optim.SGD([param], lr=lr)
        return optimizer, Call(self.name, kwargs).build(optimizer)


class Namespace:
    def __getattr__(self, name):
        if name not in L.__all__:
            raise AttributeError(name)
        return lambda **kwargs: Call(name, kwargs)


def parse(spec):
    return eval(spec, {'__builtins__': {}}, {'torch': Namespace(), 'True': True, 'False': False, 'None': None})


def cycles_momentum(scheduler):
    if isinstance(scheduler, (L.SequentialLR, L.ChainedScheduler)):
        return any(cycles_momentum(s) for s in scheduler._schedulers)
    return bool(getattr(scheduler, 'cycle_momentum', False))


def run(spec, steps, metrics=None):
    """(rows, raised): rows are (step, lr, momentum or None, metric or None) until PyTorch raises or steps end."""
    optimizer, scheduler = parse(spec).top()
    momentum = cycles_momentum(scheduler)
    group = optimizer.param_groups[0]

    def row(k, metric=None):
        return (k, group['lr'], group['momentum'] if momentum else None, metric)

    rows = [row(0)]
    count = len(metrics) if metrics is not None else steps
    for k in range(1, count + 1):
        optimizer.step()
        try:
            if metrics is not None:
                scheduler.step(metrics[k - 1])
            else:
                scheduler.step()
        except Exception as e:  # PyTorch's own error at this step: part of the reference
            return rows, (k, '%s: %s' % (type(e).__name__, e))
        rows.append(row(k, metrics[k - 1] if metrics is not None else None))
    return rows, None


def where_rejected(spec, steps=3):
    try:
        optimizer, scheduler = parse(spec).top()
    except Exception as e:
        return 'construction', '%s: %s' % (type(e).__name__, e)
    for k in range(1, steps + 1):
        optimizer.step()
        try:
            scheduler.step()
        except Exception as e:
            return 'step %d' % k, '%s: %s' % (type(e).__name__, e)
    return None, None


def fmt(v):
    v = float(v)
    if v != v or v in (math.inf, -math.inf):
        raise ValueError('non-finite value %r' % v)
    return repr(v)


def sampled(rows, every):
    """All rows up to 300, then every `every`-th row and the last one (long runs)."""
    if every is None:
        return rows
    return [r for i, r in enumerate(rows) if i <= 300 or i % every == 0 or i == len(rows) - 1]


# Metric sequences for ReduceLROnPlateau.
FALLING_THEN_FLAT = [1.0, 0.9, 0.8, 0.75, 0.75, 0.75, 0.75, 0.75, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7,
                     0.69995, 0.69995, 0.69995, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
RISING_THEN_FLAT = [0.1, 0.2, 0.3, 0.3, 0.3, 0.31, 0.31, 0.31, 0.31, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.49,
                    0.48, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
NOISY = [2.0 * math.exp(-k / 15.0) + 0.05 * math.sin(1.7 * k) for k in range(80)]
NEGATIVE = [-1.0, -1.05, -1.1, -1.1, -1.1001, -1.1001, -1.2, -1.2, -1.2, -1.2, -1.2, -1.2]
WITH_NAN = [1.0, 0.5, float('nan'), 0.4, 0.4, 0.4, float('nan'), 0.3, 0.3, 0.3, 0.3, 0.3]

# name -> list of (spec, steps or metrics, note[, sampling]).
CASES = {
    'StepLR': [
        ('torch.StepLR(lr=0.1, step_size=30, gamma=0.1)', 200, 'drops at 30, 60, 90, ...; recursive form lr*gamma*gamma*...'),
        ('torch.StepLR(lr=0.05, step_size=7, gamma=0.5)', 100, None),
        ('torch.StepLR(lr=1, step_size=1, gamma=0.9)', 400, 'a drop at every step: 400 chained multiplications'),
        ('torch.StepLR(lr=0.3, step_size=10)', 60, 'default gamma=0.1'),
    ],
    'MultiStepLR': [
        ('torch.MultiStepLR(lr=0.1, milestones=[30, 80], gamma=0.1)', 120, None),
        ('torch.MultiStepLR(lr=0.1, milestones=[5, 5, 20], gamma=0.5)', 40, 'a repeated milestone multiplies by gamma^2'),
        ('torch.MultiStepLR(lr=0.2, milestones=[0, 10])', 20, 'milestone 0 applies at construction: step 0 is already lr*gamma'),
        ('torch.MultiStepLR(lr=0.1, milestones=[50, 20], gamma=0.3)', 70, 'unsorted milestones: PyTorch counts them, order does not matter'),
        ('torch.MultiStepLR(lr=0.1, milestones=[])', 10, 'no milestones: constant'),
    ],
    'ConstantLR': [
        ('torch.ConstantLR(lr=0.05)', 20, 'defaults factor=1/3, total_iters=5; lr*f*(1/f) at total_iters'),
        ('torch.ConstantLR(lr=0.05, factor=0.5, total_iters=4)', 10, None),
        ('torch.ConstantLR(lr=0.1, factor=0.1, total_iters=0)', 10, 'total_iters=0: the factor set at construction is never undone'),
        ('torch.ConstantLR(lr=0.3, factor=0.3, total_iters=10)', 30, None),
        ('torch.ConstantLR(lr=0.1, factor=1.0, total_iters=3)', 8, None),
        ('torch.ConstantLR(lr=0.1, factor=0.0, total_iters=3)', 8, 'factor=0 is accepted, then lr*(1/0) raises at total_iters'),
    ],
    'LinearLR': [
        ('torch.LinearLR(lr=0.05)', 20, 'defaults start_factor=1/3, end_factor=1, total_iters=5'),
        ('torch.LinearLR(lr=0.1, start_factor=0.1, total_iters=10)', 30, None),
        ('torch.LinearLR(lr=0.1, start_factor=0.1, end_factor=0.0, total_iters=10)', 20,
         'end_factor=0: the recursive form ends at -2.2e-19, not 0, and holds it'),
        ('torch.LinearLR(lr=0.1, start_factor=0.5, end_factor=0.25, total_iters=8)', 20, None),
        ('torch.LinearLR(lr=0.1, start_factor=0.25, total_iters=0)', 10, 'total_iters=0: start_factor forever'),
        ('torch.LinearLR(lr=0.02, start_factor=1.0, end_factor=0.0, total_iters=1000)', 1200, 'a long ramp down to 0', 7),
    ],
    'ExponentialLR': [
        ('torch.ExponentialLR(lr=0.1, gamma=0.9)', 200, None),
        ('torch.ExponentialLR(lr=1, gamma=0.5)', 300, None),
        ('torch.ExponentialLR(lr=0.1, gamma=0.999)', 20000, '20000 chained multiplications (rows sampled)', 97),
        ('torch.ExponentialLR(lr=0.1, gamma=1.01)', 100, 'gamma > 1 grows'),
    ],
    'PolynomialLR': [
        ('torch.PolynomialLR(lr=0.1)', 12, 'defaults total_iters=5, power=1; 0 from total_iters on'),
        ('torch.PolynomialLR(lr=0.1, total_iters=100, power=2.0)', 120, None),
        ('torch.PolynomialLR(lr=0.1, total_iters=30, power=0.5)', 40, None),
        ('torch.PolynomialLR(lr=0.1, total_iters=0)', 5, 'total_iters=0: constant'),
        ('torch.PolynomialLR(lr=0.1, total_iters=10, power=0.0)', 15, 'power=0: constant (0.0**0 == 1)'),
    ],
    'CosineAnnealingLR': [
        ('torch.CosineAnnealingLR(lr=0.1, T_max=100)', 350, 'past T_max the lr climbs back: period 2*T_max'),
        ('torch.CosineAnnealingLR(lr=0.1, T_max=10, eta_min=0.001)', 50, None),
        ('torch.CosineAnnealingLR(lr=0.1, T_max=1)', 10, 'T_max=1 alternates lr, 0'),
        ('torch.CosineAnnealingLR(lr=0.1, T_max=1000, eta_min=1e-05)', 2500, 'long run past T_max (rows sampled)', 11),
        ('torch.CosineAnnealingLR(lr=0.01, T_max=7, eta_min=0.02)', 30, 'eta_min above lr: the cosine runs upwards'),
    ],
    'CosineAnnealingWarmRestarts': [
        ('torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10)', 50, None),
        ('torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=5, T_mult=2, eta_min=0.001)', 100, None),
        ('torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=1)', 5, 'T_0=1: lr at every step'),
        ('torch.CosineAnnealingWarmRestarts(lr=0.05, T_0=3, T_mult=3)', 200, None),
    ],
    'CyclicLR': [
        ('torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10)', 60, 'triangular; momentum cycles 0.9 -> 0.8'),
        ('torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=5, step_size_down=15, mode=\'triangular2\')', 120, None),
        ('torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, mode=\'exp_range\', gamma=0.99)', 100, None),
        ('torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4, scale_mode=\'iterations\')', 40,
         'scale_mode is ignored without scale_fn: same as triangular'),
        ('torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4, mode=\'exp_range\', gamma=0.9, scale_mode=\'cycle\')', 40,
         'scale_mode is ignored without scale_fn: exp_range scales by iterations'),
        ('torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=3, cycle_momentum=False)', 30, None),
        ('torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=2.5, step_size_down=4, base_momentum=0.7, max_momentum=0.95)', 40,
         'fractional step sizes'),
        ('torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4, step_size_down=0)', 20, 'step_size_down=0: a sawtooth'),
        ('torch.CyclicLR(base_lr=0.1, max_lr=0.01, step_size_up=5, mode=\'triangular2\')', 40, 'base_lr above max_lr: inverted'),
    ],
    'OneCycleLR': [
        ('torch.OneCycleLR(max_lr=0.1, total_steps=100)', 101, 'step total_steps extrapolates the last phase; step 101 raises'),
        ('torch.OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy=\'linear\')', 101, None),
        ('torch.OneCycleLR(max_lr=0.1, total_steps=100, three_phase=True)', 101, None),
        ('torch.OneCycleLR(max_lr=1.0, total_steps=60, pct_start=0.25, anneal_strategy=\'linear\', div_factor=10.0, final_div_factor=100.0, three_phase=True)', 61, None),
        ('torch.OneCycleLR(max_lr=0.01, epochs=4, steps_per_epoch=25)', 101, 'total_steps = epochs*steps_per_epoch'),
        ('torch.OneCycleLR(max_lr=0.1, total_steps=50, cycle_momentum=False)', 51, None),
        ('torch.OneCycleLR(max_lr=0.1, total_steps=40, pct_start=0.5, base_momentum=0.8, max_momentum=0.9)', 41, None),
        ('torch.OneCycleLR(max_lr=0.1, total_steps=20, pct_start=1.0)', 21, 'pct_start=1: the last phase has length 0, step 20 divides by 0'),
        ('torch.OneCycleLR(max_lr=0.1, total_steps=20, pct_start=0.0)', 21, 'pct_start=0: the first phase ends at step -1'),
        ('torch.OneCycleLR(max_lr=0.1, total_steps=20, pct_start=0.8, three_phase=True)', 21, 'pct_start > 0.5 with three phases: the second phase runs past the end'),
    ],
    'SequentialLR': [
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)], milestones=[10])',
         250, 'warmup then cosine; the cosine climbs back after its T_max'),
        ('torch.SequentialLR(lr=1, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2), torch.ExponentialLR(gamma=0.9)], milestones=[2])',
         20, 'the example of the PyTorch docs'),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.5, total_iters=5), torch.StepLR(step_size=3, gamma=0.5), torch.CosineAnnealingWarmRestarts(T_0=4)], milestones=[5, 15])',
         40, None),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.ExponentialLR(gamma=0.9), torch.ExponentialLR(gamma=0.5)], milestones=[5])',
         15, 'at the milestone the next scheduler restarts from the base lr (a jump up)'),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=2), torch.ConstantLR(factor=0.5, total_iters=0)], milestones=[4])',
         10, 'restart uses the closed form: ConstantLR(total_iters=0) restarts at lr, not lr*factor'),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.ExponentialLR(gamma=0.5), torch.LinearLR(start_factor=0.5, total_iters=4)], milestones=[0])',
         10, 'milestone 0 is never met exactly: the second scheduler takes over at step 1 with a plain step()'),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.OneCycleLR(max_lr=1.0, total_steps=20), torch.ExponentialLR(gamma=0.9)], milestones=[20])',
         30, "OneCycleLR overwrites the optimizer's initial_lr: ExponentialLR restarts from max_lr/div_factor"),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=5), torch.ConstantLR(factor=0.5, total_iters=5)], milestones=[20])',
         30, "CyclicLR first sets initial_lr to its base_lr; momentum stays where CyclicLR left it"),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=10), torch.OneCycleLR(max_lr=1.0, total_steps=10)], milestones=[5])',
         15, 'the first scheduler starts from the initial_lr OneCycleLR set, not from lr'),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=3), torch.LinearLR(start_factor=0.5, total_iters=0)], milestones=[5])',
         10, "LinearLR(total_iters=0)'s closed form divides by 0 when the milestone restarts it"),
        ('torch.SequentialLR(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=5, eta_min=0.01), torch.PolynomialLR(total_iters=4, power=2.0), torch.MultiStepLR(milestones=[2, 4], gamma=0.5)], milestones=[8, 12])',
         25, None),
    ],
    'ChainedScheduler': [
        ('torch.ChainedScheduler(lr=1, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2), torch.ExponentialLR(gamma=0.9)])',
         20, 'the example of the PyTorch docs (whose comment is off by one step)'),
        ('torch.ChainedScheduler(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=5), torch.CosineAnnealingLR(T_max=20)])',
         60, 'past T_max the cosine re-seeds from its own base lr'),
        ('torch.ChainedScheduler(lr=0.1, schedulers=[torch.StepLR(step_size=3, gamma=0.5), torch.MultiStepLR(milestones=[4, 8]), torch.ExponentialLR(gamma=0.95)])',
         30, None),
        ('torch.ChainedScheduler(lr=0.1, schedulers=[torch.CosineAnnealingLR(T_max=10, eta_min=0.01), torch.ExponentialLR(gamma=0.9)])',
         40, 'eta_min makes the cosine step affine, not a factor'),
        ('torch.ChainedScheduler(lr=0.1, schedulers=[torch.CosineAnnealingWarmRestarts(T_0=5), torch.ExponentialLR(gamma=0.9)])',
         20, 'CosineAnnealingWarmRestarts overwrites the lr: ExponentialLR multiplies by gamma once, not gamma^k'),
        ('torch.ChainedScheduler(lr=0.1, schedulers=[torch.ExponentialLR(gamma=0.9), torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4)])',
         20, 'CyclicLR built second reads base_lrs=initial_lr for its first step'),
        ('torch.ChainedScheduler(lr=0.1, schedulers=[torch.ConstantLR(factor=0.5, total_iters=3), torch.PolynomialLR(total_iters=8, power=2.0)])',
         12, None),
        ('torch.ChainedScheduler(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.2, total_iters=100), torch.CosineAnnealingLR(T_max=1000, eta_min=0.0)])',
         1000, 'a long product of two recursions (rows sampled)', 13),
    ],
    'ReduceLROnPlateau': [
        ('torch.ReduceLROnPlateau(lr=0.1, patience=2)', FALLING_THEN_FLAT, 'mode=min, rel threshold 1e-4: 0.69995 is not better than 0.7'),
        ('torch.ReduceLROnPlateau(lr=0.1, mode=\'max\', factor=0.5, patience=1)', RISING_THEN_FLAT, None),
        ('torch.ReduceLROnPlateau(lr=0.1, patience=1, threshold=0.05, threshold_mode=\'abs\')', FALLING_THEN_FLAT, None),
        ('torch.ReduceLROnPlateau(lr=0.1, factor=0.5, patience=1, cooldown=3)', FALLING_THEN_FLAT, None),
        ('torch.ReduceLROnPlateau(lr=0.1, factor=0.2, patience=0, min_lr=0.001)', FALLING_THEN_FLAT, 'floors at min_lr'),
        ('torch.ReduceLROnPlateau(lr=0.1, factor=0.5, patience=0, eps=0.02)', FALLING_THEN_FLAT, 'a reduction smaller than eps is skipped'),
        ('torch.ReduceLROnPlateau(lr=0.1, patience=1, threshold=0.05)', NEGATIVE,
         'rel threshold with negative metrics: best*(1-threshold) lies above best, so an equal metric counts as better'),
        ('torch.ReduceLROnPlateau(lr=0.01, mode=\'max\', threshold=0.1, threshold_mode=\'abs\', patience=3, cooldown=1)', RISING_THEN_FLAT, None),
        ('torch.ReduceLROnPlateau(lr=0.1)', NOISY, 'defaults: patience=10'),
        ('torch.ReduceLROnPlateau(lr=0.1, patience=1)', WITH_NAN, 'a NaN metric is never better'),
        ('torch.ReduceLROnPlateau(lr=0.1, threshold=1.0, patience=1)', FALLING_THEN_FLAT,
         'rel threshold 1 in min mode: best*(1-1) is inf*0 = nan at first, so no metric is ever better'),
    ],
}

# Configurations PyTorch rejects, at construction or at an early step.
ERRORS = {
    'StepLR': ['torch.StepLR(lr=0.1, step_size=0)', 'torch.StepLR(lr=-0.1, step_size=3)'],
    'ConstantLR': ['torch.ConstantLR(lr=0.1, factor=1.5)', 'torch.ConstantLR(lr=0.1, factor=-0.1)'],
    'LinearLR': ['torch.LinearLR(lr=0.1, start_factor=1.5)', 'torch.LinearLR(lr=0.1, start_factor=0.0)',
                 'torch.LinearLR(lr=0.1, end_factor=1.5)', 'torch.LinearLR(lr=0.1, end_factor=-0.5)'],
    'CosineAnnealingLR': ['torch.CosineAnnealingLR(lr=0.1, T_max=0)'],
    'CosineAnnealingWarmRestarts': ['torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=0)',
                                    'torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=0)'],
    'CyclicLR': ["torch.CyclicLR(base_lr=0.01, max_lr=0.1, mode='sawtooth')",
                 'torch.CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=0)'],
    'OneCycleLR': ['torch.OneCycleLR(max_lr=0.1)', 'torch.OneCycleLR(max_lr=0.1, total_steps=0)',
                   'torch.OneCycleLR(max_lr=0.1, total_steps=100, pct_start=1.5)',
                   "torch.OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='exp')",
                   'torch.OneCycleLR(max_lr=0.1, epochs=0, steps_per_epoch=10)',
                   'torch.OneCycleLR(max_lr=0.1, epochs=3, steps_per_epoch=-1)',
                   'torch.OneCycleLR(max_lr=0.1, total_steps=10, pct_start=0.1)',
                   'torch.OneCycleLR(max_lr=0.1, total_steps=100, div_factor=0.0)'],
    'SequentialLR': ['torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=2), torch.ExponentialLR(gamma=0.9)], milestones=[])',
                     'torch.SequentialLR(lr=0.1, schedulers=[torch.StepLR(step_size=2)], milestones=[3])'],
    'ChainedScheduler': ['torch.ChainedScheduler(lr=0.1, schedulers=[])'],
    'ReduceLROnPlateau': ['torch.ReduceLROnPlateau(lr=0.1, factor=1.0)', "torch.ReduceLROnPlateau(lr=0.1, mode='median')",
                          "torch.ReduceLROnPlateau(lr=0.1, threshold_mode='pct')"],
}


def main():
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for name, cases in CASES.items():
        lines = ['# Reference values for torch.%s, generated by tools/reference/torch_reference.py; do not edit.' % name,
                 '# computed by PyTorch %s (Debian python3-torch), %s' % (_torch.__version__, 'torch/optim/lr_scheduler.py'),
                 '# value at step k = optimizer.param_groups[0]["lr"] after k calls of scheduler.step()'
                 + (' (the k-th with metric k)' if name == 'ReduceLROnPlateau' else '')]
        for case in cases:
            spec, steps, note = case[0], case[1], case[2]
            every = case[3] if len(case) > 3 else None
            metrics = steps if isinstance(steps, list) else None
            rows, raised = run(spec, None if metrics else steps, metrics)
            lines.append('case\t' + spec)
            if note:
                lines.append('note\t' + note)
            columns = ['step', 'lr']
            if rows[0][2] is not None:
                columns.append('momentum')
            if metrics is not None:
                columns.append('metric')
            lines.append('columns\t' + '\t'.join(columns))
            for k, lr, momentum, metric in sampled(rows, every):
                cells = [str(k), fmt(lr)]
                if momentum is not None:
                    cells.append(fmt(momentum))
                if metrics is not None:
                    cells.append('-' if k == 0 else repr(float(metric)))
                lines.append('\t'.join(cells))
            if raised:
                lines.append('raises\t%d\t%s' % (raised[0], raised[1].replace('\t', ' ').replace('\n', ' ')))
            total += 1
        for spec in ERRORS.get(name, []):
            where, message = where_rejected(spec)
            if where is None:
                raise AssertionError('PyTorch accepts ' + spec)
            lines.append('error\t%s\t%s\t%s' % (spec, where, message.replace('\t', ' ').replace('\n', ' ')))
        path = os.path.join(OUT, name + '.tsv')
        with open(path, 'w') as f:
            f.write('\n'.join(lines) + '\n')
        print(path, len(cases), 'cases', len(ERRORS.get(name, [])), 'errors')
    print(total, 'cases in all')


if __name__ == '__main__':
    main()
