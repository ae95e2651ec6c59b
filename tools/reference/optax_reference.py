#!/usr/bin/env python3
"""Reference tables for the optax. dialect: optax's schedule functions.

optax and JAX cannot be installed here, so each function below is transcribed from optax/schedules/_schedule.py and
optax/schedules/_join.py at google-deepmind/optax@006cebd2adddd064757543329c83eaed0890ed82, keeping its arithmetic,
its checks and its fallbacks; the comment above each names the function it copies. `jnp` is replaced by the float64
shim below: optax evaluates in JAX, float32 unless jax_enable_x64 is set, so these tables are float64 evaluations of
optax's formulas (the Anneal dialect computes in float64 too; see docs/dialects/optax.md). absl logging is dropped.

Run: python3 tools/reference/optax_reference.py   (writes dialects/src/test/resources/reference/optax/*.tsv)
"""

import math

from tables import Table, spec, steps

COMMIT = 'google-deepmind/optax@006cebd2adddd064757543329c83eaed0890ed82'


class Call:
    """A nested call in a spec (optax.join_schedules' schedules), with the function it stands for."""

    def __init__(self, text, fn):
        self.text = text
        self.fn = fn

    def __call__(self, count):
        return self.fn(count)


class jnp:
    """The jax.numpy functions the schedules use, on Python floats (IEEE double)."""
    pi = math.pi

    @staticmethod
    def asarray(x):
        return x

    @staticmethod
    def clip(x, lo, hi):
        return min(max(x, lo), hi)

    @staticmethod
    def cos(x):
        return math.cos(x)

    @staticmethod
    def floor(x):
        return float(math.floor(x))

    @staticmethod
    def power(x, y):
        try:
            return float(x) ** y
        except OverflowError:  # IEEE pow overflows to infinity, as jnp.power does
            return math.inf

    @staticmethod
    def where(cond, a, b):
        return a if cond else b

    @staticmethod
    def maximum(a, b):
        return max(a, b)

    @staticmethod
    def minimum(a, b):
        return min(a, b)

    @staticmethod
    def sign(x):
        return float((x > 0) - (x < 0))


# optax/schedules/_schedule.py: constant_schedule
def constant_schedule(value):
    return lambda count: value


# optax/schedules/_schedule.py: polynomial_schedule
def polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin=0):
    if transition_steps <= 0:
        return lambda count: init_value
    if transition_begin < 0:
        transition_begin = 0

    def schedule(count):
        init_val = jnp.asarray(init_value)
        end_val = jnp.asarray(end_value)
        count = jnp.clip(count - transition_begin, 0, transition_steps)
        frac = 1 - count / transition_steps
        return (init_val - end_val) * (frac**power) + end_val

    return schedule


# optax/schedules/_schedule.py: linear_schedule
def linear_schedule(init_value, end_value, transition_steps, transition_begin=0):
    return polynomial_schedule(init_value=init_value, end_value=end_value, power=1, transition_steps=transition_steps,
                               transition_begin=transition_begin)


# optax/schedules/_schedule.py: piecewise_constant_schedule
def piecewise_constant_schedule(init_value, boundaries_and_scales=None):
    if boundaries_and_scales is not None:
        all_positive = all(scale >= 0.0 for scale in boundaries_and_scales.values())
        if not all_positive:
            raise ValueError('`piecewise_constant_schedule` expects non-negative scale factors')

    def schedule(count):
        v = init_value
        if boundaries_and_scales is not None:
            for threshold, scale in sorted(boundaries_and_scales.items()):
                indicator = jnp.maximum(0.0, jnp.sign(threshold - count))
                v = v * indicator + (1 - indicator) * scale * v
        return v

    return schedule


# optax/schedules/_schedule.py: exponential_decay
def exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0, staircase=False, end_value=None):
    if transition_steps <= 0:
        return lambda count: init_value
    if decay_rate == 0:
        return lambda count: init_value
    if transition_begin < 0:
        transition_begin = 0
    if end_value is not None:
        clip_fn = jnp.maximum if decay_rate < 1.0 else jnp.minimum

    def schedule(count):
        decreased_count = count - transition_begin
        p = decreased_count / transition_steps
        if staircase:
            p = jnp.floor(p)
        decayed_value = jnp.where(decreased_count <= 0, init_value, init_value * jnp.power(decay_rate, p))
        if end_value is not None:
            decayed_value = clip_fn(decayed_value, end_value)
        return decayed_value

    return schedule


# optax/schedules/_schedule.py: cosine_decay_schedule
def cosine_decay_schedule(init_value, decay_steps, alpha=0.0, exponent=1.0):
    if not decay_steps > 0:
        raise ValueError('The cosine_decay_schedule requires positive decay_steps, got' f' {decay_steps=}.')

    def schedule(count):
        steps_ = float(decay_steps)
        count = float(count)
        count = jnp.minimum(count, steps_)
        cosine_decay = 0.5 * (1 + jnp.cos(jnp.pi * count / steps_))
        decayed = (1 - alpha) * cosine_decay**exponent + alpha
        return init_value * decayed

    return schedule


# optax/schedules/_schedule.py: _linear_interpolate
def _linear_interpolate(start, end, pct):
    return (end - start) * pct + start


# optax/schedules/_schedule.py: _cosine_interpolate
def _cosine_interpolate(start, end, pct):
    return end + (start - end) / 2.0 * (jnp.cos(jnp.pi * pct) + 1)


# optax/schedules/_schedule.py: piecewise_interpolate_schedule (the array expressions written out element-wise)
def piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales=None):
    if interpolate_type == 'linear':
        interpolate_fn = _linear_interpolate
    elif interpolate_type == 'cosine':
        interpolate_fn = _cosine_interpolate
    else:
        raise ValueError("`interpolate_type` must be either 'cosine' or 'linear'")

    if boundaries_and_scales:
        boundaries, scales = zip(*sorted(boundaries_and_scales.items()))
        if not all(scale >= 0.0 for scale in scales):
            raise ValueError('`piecewise_interpolate_schedule` expects non-negative scale factors')
    else:
        boundaries, scales = (), ()

    def schedule(count):
        bounds = (0,) + tuple(boundaries)                       # jnp.stack((0,) + boundaries)
        values = [init_value]                                   # jnp.cumprod(jnp.stack((init_value,) + scales))
        for s in scales:
            values.append(values[-1] * s)
        interval_sizes = [max(bounds[i + 1] - bounds[i], 1) for i in range(len(bounds) - 1)]
        indicator = [bounds[i] <= count < bounds[i + 1] for i in range(len(bounds) - 1)]
        pct = [(count - bounds[i]) / interval_sizes[i] for i in range(len(bounds) - 1)]
        interp_vals = [interpolate_fn(values[i], values[i + 1], pct[i]) for i in range(len(bounds) - 1)]
        dot = 0.0                                               # indicator.dot(interp_vals)
        for ind, v in zip(indicator, interp_vals):
            dot += float(ind) * v
        return dot + (bounds[-1] <= count) * values[-1]

    return schedule


# optax/schedules/_schedule.py: linear_onecycle_schedule
def linear_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, pct_final=0.85, div_factor=25.0,
                             final_div_factor=1e4):
    if transition_steps <= 0:
        raise ValueError('A linear onecycle schedule was set with a non-positive `transition_steps`')
    return piecewise_interpolate_schedule('linear', peak_value / div_factor, {
        int(pct_start * transition_steps): div_factor,
        int(pct_final * transition_steps): 1.0 / div_factor,
        transition_steps: 1.0 / final_div_factor,
    })


# optax/schedules/_schedule.py: cosine_onecycle_schedule
def cosine_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, div_factor=25.0, final_div_factor=1e4):
    if transition_steps <= 0:
        raise ValueError('A cosine onecycle schedule was set with a non-positive `transition_steps`')
    return piecewise_interpolate_schedule('cosine', peak_value / div_factor, {
        int(pct_start * transition_steps): div_factor,
        int(transition_steps): 1.0 / (div_factor * final_div_factor),
    })


# optax/schedules/_schedule.py: warmup_constant_schedule
def warmup_constant_schedule(init_value, peak_value, warmup_steps):
    return linear_schedule(init_value=init_value, end_value=peak_value, transition_steps=warmup_steps)


# optax/schedules/_schedule.py: warmup_cosine_decay_schedule
def warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value=0.0, exponent=1.0):
    alpha = 0.0 if peak_value == 0.0 else end_value / peak_value
    schedules = [
        linear_schedule(init_value=init_value, end_value=peak_value, transition_steps=warmup_steps),
        cosine_decay_schedule(init_value=peak_value, decay_steps=decay_steps - warmup_steps, alpha=alpha, exponent=exponent),
    ]
    return join_schedules(schedules, [warmup_steps])


# optax/schedules/_schedule.py: warmup_exponential_decay_schedule
def warmup_exponential_decay_schedule(init_value, peak_value, warmup_steps, transition_steps, decay_rate,
                                      transition_begin=0, staircase=False, end_value=None):
    schedules = [
        linear_schedule(init_value=init_value, end_value=peak_value, transition_steps=warmup_steps),
        exponential_decay(init_value=peak_value, transition_steps=transition_steps, decay_rate=decay_rate,
                          transition_begin=transition_begin, staircase=staircase, end_value=end_value),
    ]
    return join_schedules(schedules, [warmup_steps])


# optax/schedules/_schedule.py: sgdr_schedule
def sgdr_schedule(cosine_kwargs):
    boundaries = []
    schedules = []
    step = 0
    for kwargs in cosine_kwargs:
        schedules += [warmup_cosine_decay_schedule(**kwargs)]
        boundaries += [step + kwargs['decay_steps']]
        step += kwargs['decay_steps']
    return join_schedules(schedules, boundaries[:-1])


# optax/schedules/_join.py: join_schedules
def join_schedules(schedules, boundaries):
    def schedule(step):
        output = schedules[0](step)
        for boundary, schedule in zip(boundaries, schedules[1:]):
            output = jnp.where(step < boundary, output, schedule(step - boundary))
        return output

    return schedule


def call(name, **kwargs):
    """A nested optax call: its spec text and the schedule it builds."""
    return Call(spec('optax.' + name, kwargs), FUNCTIONS[name][0](**kwargs))


FUNCTIONS = {
    'constant_schedule': (constant_schedule, 'constant_schedule'),
    'linear_schedule': (linear_schedule, 'linear_schedule, polynomial_schedule'),
    'polynomial_schedule': (polynomial_schedule, 'polynomial_schedule'),
    'exponential_decay': (exponential_decay, 'exponential_decay'),
    'cosine_decay_schedule': (cosine_decay_schedule, 'cosine_decay_schedule'),
    'warmup_constant_schedule': (warmup_constant_schedule, 'warmup_constant_schedule, linear_schedule'),
    'warmup_cosine_decay_schedule': (warmup_cosine_decay_schedule,
                                     'warmup_cosine_decay_schedule, linear_schedule, cosine_decay_schedule; _join.py: join_schedules'),
    'warmup_exponential_decay_schedule': (warmup_exponential_decay_schedule,
                                          'warmup_exponential_decay_schedule, linear_schedule, exponential_decay; _join.py: join_schedules'),
    'sgdr_schedule': (sgdr_schedule, 'sgdr_schedule, warmup_cosine_decay_schedule; _join.py: join_schedules'),
    'piecewise_constant_schedule': (piecewise_constant_schedule, 'piecewise_constant_schedule'),
    'piecewise_interpolate_schedule': (piecewise_interpolate_schedule,
                                       'piecewise_interpolate_schedule, _linear_interpolate, _cosine_interpolate'),
    'linear_onecycle_schedule': (linear_onecycle_schedule, 'linear_onecycle_schedule, piecewise_interpolate_schedule'),
    'cosine_onecycle_schedule': (cosine_onecycle_schedule, 'cosine_onecycle_schedule, piecewise_interpolate_schedule'),
    'join_schedules': (join_schedules, '_join.py: join_schedules, and the nested schedules\' functions'),
}


def cases():
    return {
        'constant_schedule': [
            (dict(value=0.1), 10, None),
            (dict(value=-3.5), 5, None),
        ],
        'linear_schedule': [
            (dict(init_value=0.0, end_value=0.01, transition_steps=10), 20, None),
            (dict(init_value=1.0, end_value=0.01, transition_steps=100, transition_begin=5), 120, 'held at init_value until transition_begin'),
            (dict(init_value=1.0, end_value=2.0, transition_steps=0), 5, 'transition_steps=0: init_value for ever'),
            (dict(init_value=0.5, end_value=-0.5, transition_steps=7, transition_begin=3), 15, None),
        ],
        'polynomial_schedule': [
            (dict(init_value=1.0, end_value=0.01, power=2, transition_steps=100), 120, None),
            (dict(init_value=1.0, end_value=0.01, power=2, transition_steps=100, transition_begin=5), 120, 'the optax docstring example'),
            (dict(init_value=0.1, end_value=0.0, power=0.5, transition_steps=30), 40, None),
            (dict(init_value=0.1, end_value=0.0, power=0.0, transition_steps=30), 40, 'power=0: 0**0 = 1 holds init_value to the end'),
            (dict(init_value=0.1, end_value=0.3, power=3.0, transition_steps=0), 5, 'transition_steps=0: init_value for ever'),
        ],
        'exponential_decay': [
            (dict(init_value=0.1, transition_steps=10, decay_rate=0.5), 60, 'continuous'),
            (dict(init_value=0.1, transition_steps=10, decay_rate=0.5, staircase=True), 60, None),
            (dict(init_value=0.1, transition_steps=10, decay_rate=0.5, transition_begin=15, end_value=0.02), 80,
             'held until transition_begin, then bounded below by end_value'),
            (dict(init_value=0.1, transition_steps=5, decay_rate=2.0, end_value=1.0), 50, 'decay_rate > 1: end_value is an upper bound'),
            (dict(init_value=0.1, transition_steps=10, decay_rate=0.5, end_value=0.3), 20,
             'end_value above init_value with decay_rate < 1: the bound lifts every value, step 0 included'),
            (dict(init_value=0.1, transition_steps=10, decay_rate=0.0), 20, 'decay_rate=0: init_value for ever'),
            (dict(init_value=0.1, transition_steps=0, decay_rate=0.5, end_value=0.5), 10, 'transition_steps=0: init_value, unclipped'),
            (dict(init_value=0.1, transition_steps=3, decay_rate=0.9, transition_begin=4, staircase=True), 30, None),
        ],
        'cosine_decay_schedule': [
            (dict(init_value=0.01, decay_steps=60), 80, None),
            (dict(init_value=1.0, decay_steps=100, alpha=0.1), 120, None),
            (dict(init_value=1.0, decay_steps=50, alpha=0.05, exponent=2.0), 60, None),
            (dict(init_value=0.5, decay_steps=7, exponent=0.5), 12, None),
            (dict(init_value=1.0, decay_steps=20, alpha=1.5), 25, 'alpha > 1 rises'),
        ],
        'warmup_constant_schedule': [
            (dict(init_value=0.0, peak_value=0.1, warmup_steps=10), 20, None),
            (dict(init_value=0.05, peak_value=0.1, warmup_steps=0), 5, 'warmup_steps=0: linear_schedule holds init_value for ever'),
        ],
        'warmup_cosine_decay_schedule': [
            (dict(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=100, end_value=0.0), 120, None),
            (dict(init_value=0.1, peak_value=1.0, warmup_steps=10, decay_steps=100, end_value=0.05, exponent=2.0), 120, None),
            (dict(init_value=0.0, peak_value=0.5, warmup_steps=0, decay_steps=40, end_value=0.1), 50, 'no warmup'),
            (dict(init_value=0.2, peak_value=0.0, warmup_steps=5, decay_steps=20, end_value=0.3), 30,
             'peak_value=0: alpha is 0 and end_value is ignored'),
        ],
        'warmup_exponential_decay_schedule': [
            (dict(init_value=0.0, peak_value=0.1, warmup_steps=10, transition_steps=50, decay_rate=0.5), 150, None),
            (dict(init_value=0.0, peak_value=0.1, warmup_steps=10, transition_steps=20, decay_rate=0.5, transition_begin=10,
                  staircase=True, end_value=0.03), 100, None),
            (dict(init_value=0.01, peak_value=0.1, warmup_steps=0, transition_steps=5, decay_rate=0.8), 30, 'no warmup'),
        ],
        'sgdr_schedule': [
            (dict(cosine_kwargs=[
                dict(init_value=0.0, peak_value=1.0, warmup_steps=5, decay_steps=20, end_value=0.0),
                dict(init_value=0.0, peak_value=0.5, warmup_steps=5, decay_steps=40, end_value=0.0)]), 80, None),
            (dict(cosine_kwargs=[
                dict(init_value=0.1, peak_value=1.0, warmup_steps=0, decay_steps=10, end_value=0.1),
                dict(init_value=0.1, peak_value=1.0, warmup_steps=2, decay_steps=15, end_value=0.05, exponent=2.0),
                dict(init_value=0.0, peak_value=0.3, warmup_steps=3, decay_steps=12)]), 50, 'three cycles; the last holds its end'),
            (dict(cosine_kwargs=[dict(init_value=0.0, peak_value=1.0, warmup_steps=4, decay_steps=16)]), 25, 'a single cycle'),
        ],
        'piecewise_constant_schedule': [
            (dict(init_value=0.1, boundaries_and_scales={100: 0.1, 200: 0.1}), 250, None),
            (dict(init_value=1.0, boundaries_and_scales={30: 0.5, 10: 2.0, 20: 0.0}), 40, 'unsorted keys; a zero scale'),
            (dict(init_value=0.3, boundaries_and_scales=None), 5, None),
            (dict(init_value=1.0, boundaries_and_scales={0: 0.5, 3: 3.0}), 6, 'a boundary at 0 scales step 0'),
        ],
        'piecewise_interpolate_schedule': [
            (dict(interpolate_type='linear', init_value=1.0, boundaries_and_scales={4: 0.1, 8: 0.01}), 12, 'the optax docstring example'),
            (dict(interpolate_type='cosine', init_value=1.0, boundaries_and_scales={10: 0.5, 30: 4.0}), 40, None),
            (dict(interpolate_type='linear', init_value=0.2, boundaries_and_scales={0: 2.0, 5: 0.5}), 10,
             'a boundary at 0: an empty first interval'),
            (dict(interpolate_type='cosine', init_value=0.7), 5, 'no boundaries: init_value'),
        ],
        'linear_onecycle_schedule': [
            (dict(transition_steps=100, peak_value=0.1), 120, None),
            (dict(transition_steps=33, peak_value=1.0, pct_start=0.2, pct_final=0.7, div_factor=10.0, final_div_factor=100.0), 40, None),
            (dict(transition_steps=1, peak_value=1.0), 5, 'int(0.3) == int(0.85) == 0: the later key overwrites the earlier'),
            (dict(transition_steps=10, peak_value=1.0, pct_start=0.5, pct_final=1.0), 15, 'pct_final=1: the key T is overwritten'),
        ],
        'cosine_onecycle_schedule': [
            (dict(transition_steps=100, peak_value=0.1), 120, None),
            (dict(transition_steps=37, peak_value=2.0, pct_start=0.4, div_factor=5.0, final_div_factor=50.0), 45, None),
            (dict(transition_steps=10, peak_value=1.0, pct_start=1.0), 15, 'pct_start=1: both keys are T, only the final one stays'),
        ],
        'join_schedules': [
            (dict(schedules=[call('linear_schedule', init_value=0.0, end_value=0.01, transition_steps=10),
                             call('cosine_decay_schedule', init_value=0.01, decay_steps=60)], boundaries=[10]), 80, None),
            (dict(schedules=[call('constant_schedule', value=0.1),
                             call('exponential_decay', init_value=0.1, transition_steps=5, decay_rate=0.5),
                             call('constant_schedule', value=0.001)], boundaries=[10, 30]), 40, None),
            (dict(schedules=[call('constant_schedule', value=1.0), call('constant_schedule', value=2.0),
                             call('linear_schedule', init_value=3.0, end_value=4.0, transition_steps=10)], boundaries=[20, 5]), 30,
             'unsorted boundaries: the later where() wins from step 5 on'),
            (dict(schedules=[call('warmup_cosine_decay_schedule', init_value=0.0, peak_value=1.0, warmup_steps=5, decay_steps=20),
                             call('join_schedules', schedules=[call('constant_schedule', value=0.2),
                                                               call('constant_schedule', value=0.1)], boundaries=[5])],
                  boundaries=[20]), 35, 'a join inside a join; each sees its own relative step'),
        ],
    }


ERRORS = {
    'cosine_decay_schedule': [dict(init_value=0.1, decay_steps=0)],
    'warmup_cosine_decay_schedule': [dict(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=10)],
    'piecewise_constant_schedule': [dict(init_value=0.1, boundaries_and_scales={10: -0.5})],
    'piecewise_interpolate_schedule': [dict(interpolate_type='cos', init_value=0.1, boundaries_and_scales={10: 0.5}),
                                       dict(interpolate_type='linear', init_value=0.1, boundaries_and_scales={10: -1.0})],
    'linear_onecycle_schedule': [dict(transition_steps=0, peak_value=0.1), dict(transition_steps=10, peak_value=0.1, div_factor=-2.0)],
    'cosine_onecycle_schedule': [dict(transition_steps=0, peak_value=0.1), dict(transition_steps=10, peak_value=0.1, div_factor=0.0)],
    'sgdr_schedule': [dict(cosine_kwargs=[dict(init_value=0.0, peak_value=1.0, warmup_steps=5, decay_steps=5)])],
}


def main():
    total = 0
    all_cases = cases()
    for name, (fn, source) in FUNCTIONS.items():
        table = Table('optax', name, 'source: optax optax/schedules/_schedule.py: %s (%s).\n'
                                     'value at step k = schedule(k); the formulas in float64 (optax: JAX, float32 by default).'
                      % (source, COMMIT))
        for kwargs, horizon, note in all_cases[name]:
            sched = fn(**kwargs)
            table.case(spec('optax.' + name, kwargs), [(k, sched(k)) for k in steps(horizon)], note)
        for kwargs in ERRORS.get(name, []):
            table.rejects(spec('optax.' + name, kwargs), lambda: fn(**kwargs))
        total += table.write()
    print(total, 'cases')


if __name__ == '__main__':
    main()
