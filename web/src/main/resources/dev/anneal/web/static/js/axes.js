// The x axis of a run's charts: step, samples seen (step × the run's batch size) or wall time (its `time`
// series, seconds since the start, when the run recorded one).

/** The x axes a run offers: [{key, label}]. */
export function axesOf(run, series) {
  const axes = [{key: 'step', label: 'step'}];
  if (batchOf(run)) axes.push({key: 'samples', label: 'samples seen'});
  if (series.time) axes.push({key: 'time', label: 'wall time (s)'});
  return axes;
}

function batchOf(run) {
  const b = Number(run.config && (run.config.batch || run.config['batch-size'] || run.config.batch_size));
  return b > 0 ? b : null;
}

/** {toX(step), toStep(x)} for an axis; `time` is the run's time series ({step, last}). */
export function axis(key, run, time) {
  if (key === 'samples') {
    const b = batchOf(run);
    return {toX: s => (s + 1) * b, toStep: x => Math.max(0, Math.round(x / b) - 1)};
  }
  if (key === 'time' && time && time.step.length) {
    const steps = time.step, secs = time.last;
    const toX = s => interpolate(steps, secs, s);
    const toStep = x => Math.round(interpolate(secs, steps, x));
    return {toX, toStep};
  }
  return {toX: s => s, toStep: x => Math.round(x)};
}

/** y at x by linear interpolation over increasing xs (clamped at the ends). */
function interpolate(xs, ys, x) {
  let lo = 0, hi = xs.length - 1;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[hi]) return ys[hi];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid; else hi = mid;
  }
  const t = (x - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] + t * (ys[hi] - ys[lo]);
}
