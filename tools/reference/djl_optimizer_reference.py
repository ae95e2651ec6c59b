#!/usr/bin/python3
"""Reference trajectories for the djl module's AnnealOptimizer, computed by REAL PyTorch (torch.optim 1.13).

    apt-get install -y python3-torch
    /usr/bin/python3 tools/reference/djl_optimizer_reference.py   # writes djl/src/test/resources/reference/djl/optimizer.tsv

Each case trains six weights w on the quadratic loss sum(a*w) + sum(b*w*w) (per micro-batch its own a) with
torch.optim.SGD / Adam / AdamW, setting every scheduled hyperparameter in param_groups before each step, as
Anneal's optimizer reads its schedules. Schedules are Anneal specs limited to constant(v) and linear(a, b, n),
evaluated here by their closed forms. Gradient clipping is torch.nn.utils.clip_grad_norm_; accumulation adds the
micro-batches' gradients (backward twice) and divides by their number.

File format (the Java test needs no Python):

    case<TAB>NAME<TAB>RULE<TAB>CLIP_NORM (0: none)<TAB>ACCUMULATE
    schedule<TAB>HYPER<TAB>SPEC
    w0<TAB>v1,v2,…        initial weights
    a<TAB>v1,v2,…         one line per micro-batch
    b<TAB>v1,v2,…
    step<TAB>T<TAB>w1,w2,…   the weights after update T (repr of float32 values)
"""

import os
import re

import torch

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
OUT = os.path.join(ROOT, 'djl', 'src', 'test', 'resources', 'reference', 'djl', 'optimizer.tsv')
STEPS = 6

W0 = [0.5, -1.25, 2.0, 0.0, -0.75, 1.5]
A = [[0.3, -0.2, 0.8, -1.1, 0.05, 0.4], [-0.6, 0.9, 0.1, 0.7, -0.3, 0.2]]
B = [0.5, 1.0, 0.25, 2.0, 0.1, 0.75]

CASES = [
    ('sgd_linearLr_weightDecay', 'sgd', 0, 1, {'lr': 'linear(0.1, 0.02, 4)', 'weight_decay': 'constant(0.01)'}),
    ('momentum_scheduledMomentum', 'momentum', 0, 1, {'lr': 'constant(0.05)', 'momentum': 'linear(0.5, 0.9, 4)', 'weight_decay': 'constant(0.001)'}),
    ('nesterov_linearLr', 'nesterov', 0, 1, {'lr': 'linear(0.1, 0.05, 5)', 'momentum': 'constant(0.9)'}),
    ('adam_scheduledBeta1_l2', 'adam', 0, 1, {'lr': 'linear(0.01, 0.001, 5)', 'beta1': 'linear(0.8, 0.9, 5)', 'weight_decay': 'constant(0.01)'}),
    ('adamw_scheduledBeta2_eps', 'adamw', 0, 1, {'lr': 'constant(0.01)', 'beta2': 'linear(0.99, 0.999, 3)', 'eps': 'constant(1e-6)', 'weight_decay': 'constant(0.1)'}),
    ('sgd_clipNorm', 'sgd', 0.5, 1, {'lr': 'constant(0.1)'}),
    ('adam_accumulateTwo_clipNorm', 'adam', 1.0, 2, {'lr': 'constant(0.05)'}),
    ('momentum_accumulateTwo', 'momentum', 0, 2, {'lr': 'linear(0.2, 0.1, 3)'}),
]

DEFAULTS = {
    'sgd': {'momentum': 0.0, 'weight_decay': 0.0},
    'momentum': {'momentum': 0.9, 'weight_decay': 0.0},
    'nesterov': {'momentum': 0.9, 'weight_decay': 0.0},
    'adam': {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8, 'weight_decay': 0.0},
    'adamw': {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8, 'weight_decay': 0.01},
}


def value(spec, t):
    m = re.fullmatch(r'constant\(([^)]+)\)', spec)
    if m:
        return float(m.group(1))
    m = re.fullmatch(r'linear\(([^,]+), ([^,]+), (\d+)\)', spec)
    start, end, n = float(m.group(1)), float(m.group(2)), int(m.group(3))
    return start + (end - start) * min(t, n) / n


def hypers(rule, specs, t):
    h = dict(DEFAULTS[rule])
    for k, spec in specs.items():
        h[k] = value(spec, t)
    return h


def optimizer(rule, w, h):
    if rule in ('sgd', 'momentum', 'nesterov'):
        return torch.optim.SGD([w], lr=h['lr'], momentum=h['momentum'], weight_decay=h['weight_decay'], nesterov=rule == 'nesterov')
    cls = torch.optim.Adam if rule == 'adam' else torch.optim.AdamW
    return cls([w], lr=h['lr'], betas=(h['beta1'], h['beta2']), eps=h['eps'], weight_decay=h['weight_decay'])


def apply(group, rule, h):
    group['lr'] = h['lr']
    group['weight_decay'] = h['weight_decay']
    if rule in ('sgd', 'momentum', 'nesterov'):
        group['momentum'] = h['momentum']
    else:
        group['betas'] = (h['beta1'], h['beta2'])
        group['eps'] = h['eps']


def run(name, rule, clip, accumulate, specs):
    w = torch.tensor(W0, dtype=torch.float32, requires_grad=True)
    b = torch.tensor(B, dtype=torch.float32)
    opt = optimizer(rule, w, hypers(rule, specs, 0))
    lines = ['case\t%s\t%s\t%r\t%d' % (name, rule, float(clip), accumulate)]
    lines += ['schedule\t%s\t%s' % (k, v) for k, v in specs.items()]
    lines.append('w0\t' + ','.join(repr(x) for x in W0))
    lines += ['a\t' + ','.join(repr(x) for x in a) for a in A[:accumulate]]
    lines.append('b\t' + ','.join(repr(x) for x in B))
    for t in range(STEPS):
        opt.zero_grad()
        for a in A[:accumulate]:
            loss = (torch.tensor(a, dtype=torch.float32) * w).sum() + (b * w * w).sum()
            loss.backward()
        with torch.no_grad():
            w.grad /= accumulate
        if clip:
            torch.nn.utils.clip_grad_norm_([w], clip)
        apply(opt.param_groups[0], rule, hypers(rule, specs, t))
        opt.step()
        lines.append('step\t%d\t%s' % (t, ','.join(repr(float(x)) for x in w.detach().numpy())))
    return lines


def main():
    out = ['# AnnealOptimizer reference: torch %s, written by tools/reference/djl_optimizer_reference.py' % torch.__version__]
    for case in CASES:
        out += run(*case)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        f.write('\n'.join(out) + '\n')
    print('wrote', OUT)


if __name__ == '__main__':
    main()
