#!/usr/bin/python3
"""Reference table for dynamic loss scaling: PyTorch's GradScaler (torch.cuda.amp, 1.13) driven on the CPU.

Install Debian's PyTorch (1.13.1) and run with the system Python:

    apt-get install -y python3-torch
    /usr/bin/python3 tools/reference/torch_gradscaler_reference.py
    # writes optim/src/test/resources/reference/gradscaler/gradscaler.tsv

Debian's PyTorch is built without CUDA, and GradScaler's two kernels have no CPU implementation in 1.13
(torch._amp_update_scale_ and torch._amp_foreach_non_finite_check_and_unscale_ exist only for CUDA; the CPU ones
arrived in 2.3). So this script runs the REAL GradScaler class (its scale/unscale_/step/update logic, the step
skipping in _maybe_opt_step, the state it keeps) and a real torch.optim.SGD on CPU tensors, and replaces only
what is CUDA-bound:

- the two kernels, ported line by line from aten/src/ATen/native/cuda/AmpKernels.cu at v1.13.1:
  amp_update_scale_cuda_kernel (scale *= backoff on inf/NaN and tracker = 0; otherwise tracker + 1, and on
  reaching growth_interval scale *= growth and tracker = 0; the product is formed in double and stored in the
  float32 scale) and _amp_foreach_non_finite_check_and_unscale_cuda_ (found_inf = 1 if any value is not finite,
  checked before unscaling; every value multiplied by inv_scale unless inv_scale == 1);
- the CUDA assertions: amp_definitely_not_available() and the is_cuda assertion of _MultiDeviceReplicator.

scaler.scale(loss) asserts a CUDA tensor, so the loss is scaled as its body does, loss * scaler._scale. The
gradient comes from real autograd: loss = sum(w * p), so p.grad = scale * w (one float32 rounding). For the fp16
cases the scaled gradient is then rounded through torch's float16 (p.grad.half().float()): that is what a
half-precision backward pass stores, with values of magnitude >= 65520 becoming inf.

File format (the Java tests need no Python):

    # comment lines
    case<TAB>NAME<TAB>WHAT IT EXERCISES
    config<TAB>init_scale<TAB>growth_factor<TAB>backoff_factor<TAB>growth_interval<TAB>fp16 (0|1)<TAB>lr
    params<TAB>P0<TAB>P1...           the parameters before step 0
    STEP<TAB>W0 W1 ...<TAB>SCALE<TAB>SKIPPED<TAB>SCALE_AFTER<TAB>TRACKER_AFTER<TAB>P0 P1 ...<TAB>OVERFLOWS<TAB>UNDERFLOWS
        W: the unscaled gradient of step STEP (space-separated, float32 values, inf/nan allowed);
        SCALE: the scale the loss was multiplied by; SKIPPED: 1 if GradScaler skipped optimizer.step();
        SCALE_AFTER, TRACKER_AFTER: after scaler.update(); P: the parameters after the step;
        OVERFLOWS / UNDERFLOWS (fp16 cases, else 0): finite scaled values that became inf in float16, and non-zero
        scaled values that became float16 subnormals or zero, counted with torch's own float16 conversion.
    Floats are repr() of the float32 value, exact in decimal.
"""

import math
import os
import random
import warnings

import torch
import torch.cuda.amp.grad_scaler as gs

warnings.filterwarnings('ignore')

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
OUT = os.path.join(ROOT, 'optim', 'src', 'test', 'resources', 'reference', 'gradscaler', 'gradscaler.tsv')


# --- CPU stand-ins for the CUDA-only pieces (see the module docstring) ---

def amp_update_scale_(current_scale, growth_tracker, found_inf, growth_factor, backoff_factor, growth_interval):
    """Port of amp_update_scale_cuda_kernel (AmpKernels.cu, v1.13.1)."""
    if found_inf.item():
        current_scale.copy_((current_scale.double() * backoff_factor).float())
        growth_tracker.fill_(0)
    else:
        successful = growth_tracker.item() + 1
        if successful == growth_interval:
            current_scale.copy_((current_scale.double() * growth_factor).float())
            growth_tracker.fill_(0)
        else:
            growth_tracker.fill_(successful)
    return current_scale


def amp_foreach_non_finite_check_and_unscale_(scaled_grads, found_inf, inv_scale):
    """Port of _amp_foreach_non_finite_check_and_unscale_cuda_ (AmpKernels.cu, v1.13.1)."""
    for g in scaled_grads:
        if not bool(torch.isfinite(g).all()):
            found_inf.fill_(1.0)
        if inv_scale.item() != 1.0:
            g.mul_(inv_scale)


class CpuReplicator(gs._MultiDeviceReplicator):
    """_MultiDeviceReplicator without its is_cuda assertion."""

    def __init__(self, master_tensor):
        self.master = master_tensor
        self._per_device_tensors = {}


gs.amp_definitely_not_available = lambda: False
gs._MultiDeviceReplicator = CpuReplicator
torch._amp_update_scale_ = amp_update_scale_
torch._amp_foreach_non_finite_check_and_unscale_ = amp_foreach_non_finite_check_and_unscale_


def f32(x):
    return float(torch.tensor(x, dtype=torch.float32))


def fmt(x):
    return repr(float(x))


def run_case(name, note, init_scale, growth_factor, backoff_factor, growth_interval, fp16, lr, params, grads):
    p = torch.nn.Parameter(torch.tensor(params, dtype=torch.float32))
    optimizer = torch.optim.SGD([p], lr=lr)
    scaler = torch.cuda.amp.GradScaler(init_scale=init_scale, growth_factor=growth_factor,
                                       backoff_factor=backoff_factor, growth_interval=growth_interval)
    assert scaler.is_enabled()
    scaler._lazy_init_scale_growth_tracker(torch.device('cpu'))
    lines = ['case\t%s\t%s' % (name, note),
             'config\t%s\t%s\t%s\t%d\t%d\t%s' % (fmt(init_scale), fmt(growth_factor), fmt(backoff_factor),
                                                 growth_interval, 1 if fp16 else 0, fmt(lr)),
             'params\t' + '\t'.join(fmt(v) for v in p.detach().tolist())]
    for step, w in enumerate(grads):
        w = torch.tensor(w, dtype=torch.float32)
        optimizer.zero_grad()
        scale_used = scaler.get_scale()
        loss = (w * p).sum()
        (loss * scaler._scale).backward()        # the body of scaler.scale(loss)
        overflows = underflows = 0
        if fp16:
            scaled = p.grad.clone()
            halved = scaled.half().float()
            overflows = int((torch.isfinite(scaled) & torch.isinf(halved)).sum())
            underflows = int(((scaled != 0) & (halved.abs() < 2.0 ** -14)).sum())
            p.grad.copy_(halved)
        before = p.detach().clone()
        scaler.step(optimizer)
        state = scaler._per_optimizer_states[id(optimizer)]
        skipped = int(sum(v.item() for v in state['found_inf_per_device'].values()) > 0)
        scaler.update()
        assert skipped == 0 or torch.equal(before, p.detach()), 'a skipped step changed the parameters'
        lines.append('\t'.join([str(step), ' '.join(fmt(v) for v in w.tolist()), fmt(scale_used), str(skipped),
                                fmt(scaler.get_scale()), str(scaler._get_growth_tracker()),
                                ' '.join(fmt(v) for v in p.detach().tolist()), str(overflows), str(underflows)]))
    return lines


def pattern_grads(pattern, rng, n):
    """One gradient per character: '.' finite, 'i' one value +inf, 'n' one value NaN."""
    out = []
    for c in pattern:
        w = [f32(rng.uniform(-1, 1)) for _ in range(n)]
        if c == 'i':
            w[rng.randrange(n)] = math.inf
        elif c == 'n':
            w[rng.randrange(n)] = math.nan
        out.append(w)
    return out


def main():
    rng = random.Random(20241123)
    cases = []
    cases.append(run_case(
        'defaults', 'PyTorch defaults: two overflows, 2000 clean steps (growth at the 2000th), NaN, clean',
        2.0 ** 16, 2.0, 0.5, 2000, False, 0.01, [1.0, -2.0],
        pattern_grads('ii' + '.' * 2001 + 'n' + '.' * 5, rng, 2)))
    cases.append(run_case(
        'interval3', 'growth_interval 3: growth, backoff, tracker reset by an overflow mid-count',
        1024.0, 2.0, 0.5, 3, False, 0.1, [0.5, -0.25, 2.0],
        pattern_grads('......i..n...ii.........n.i.....', rng, 3)))
    cases.append(run_case(
        'odd_factors', 'growth 1.7, backoff 0.3, init 1000: the product in double, stored as float32; inexact 1/scale',
        1000.0, 1.7, 0.3, 2, False, 0.1, [1.0, 2.0, 3.0],
        pattern_grads('....i.....ni......i..i....', rng, 3)))
    big = []
    for step in range(40):
        m = f32(2.0 ** ((step % 9) - 4))          # 1/16 .. 16: at scale 65536 the larger ones overflow float16
        big.append([f32(0.75 * m), f32(-1.5e-10 * m), f32(3e-13), f32(-0.3)])
    cases.append(run_case(
        'fp16_overflow', 'fp16 gradients: overflow arises from scale * |g| >= 65520; tiny values underflow',
        2.0 ** 16, 2.0, 0.5, 4, True, 0.01, [1.0, -1.0, 0.5, 0.25], big))
    with open(OUT, 'w') as f:
        f.write('# Generated by tools/reference/torch_gradscaler_reference.py with torch %s; do not edit.\n'
                % torch.__version__)
        for lines in cases:
            f.write('\n'.join(lines) + '\n')
    print('wrote', OUT)


if __name__ == '__main__':
    main()
