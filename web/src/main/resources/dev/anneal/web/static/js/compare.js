// Compare: any number of runs on one chart; EMA smoothing with a time constant in steps; runs grouped by a
// configuration key drawn as mean and min–max band; downsampled by the server, re-read in detail on zoom.
import {h, add, fill, showError} from './dom.js';
import {get} from './api.js';
import {chart, color} from './chart.js';

export function comparePage(root, _, params) {
  const state = {runs: (params.get('runs') || '').split(',').filter(Boolean), series: params.get('series') || '',
    smooth: params.get('smooth') || '', group: params.get('group') || '', from: null, to: null};
  let alive = true, view = null;

  const ids = h('input', {id: 'compare-runs', size: 50, value: state.runs.join(','), placeholder: 'run ids, separated by commas'});
  const seriesSel = h('select', {id: 'compare-series'});
  const smooth = h('input', {id: 'smooth', type: 'number', min: 0, step: 'any', value: state.smooth, placeholder: 'τ (steps)', style: 'width:7em'});
  const groupSel = h('select', {id: 'group-by'});
  const body = h('div', {});
  const apply = () => {
    state.runs = ids.value.split(',').map(s => s.trim()).filter(Boolean);
    state.series = seriesSel.value; state.smooth = smooth.value; state.group = groupSel.value;
    state.from = state.to = null;
    history.replaceState(null, '', '#/compare?' + new URLSearchParams({runs: state.runs.join(','), series: state.series,
      smooth: state.smooth, group: state.group}));
    load();
  };
  ids.onchange = apply; seriesSel.onchange = apply; smooth.onchange = apply; groupSel.onchange = apply;
  add(root, h('h1', {}, 'Compare'),
    h('div', {class: 'toolbar'}, h('label', {}, 'runs ', ids), h('label', {}, 'series ', seriesSel),
      h('label', {}, 'smoothing ', smooth), h('label', {}, 'group by ', groupSel)),
    h('div', {class: 'muted'}, 'Smoothing: exponential moving average with bias correction; τ is in steps, so it smooths alike however densely a run was sampled. Group by: runs sharing a configuration value as their mean and min–max band.'),
    body);

  async function load() {
    if (!state.runs.length) { fill(body, h('p', {class: 'muted'}, 'Pick runs in the Runs table, or type their ids.')); return; }
    try {
      let data = await get('/api/compare', {runs: state.runs.join(','), series: state.series || undefined});
      if (!state.series || !data.available.includes(state.series)) {
        state.series = data.available.includes('loss') ? 'loss' : data.available[0];
      }
      data = await get('/api/compare', {runs: state.runs.join(','), series: state.series, points: 800,
        smooth: state.smooth > 0 ? state.smooth : undefined, group: state.group || undefined,
        from: state.from ?? undefined, to: state.to ?? undefined});
      if (alive) render(data);
    } catch (e) { if (alive) { fill(body); showError(body, e); } }
  }

  function options(sel, values, current, none) {
    fill(sel, none !== undefined ? h('option', {value: ''}, none) : null,
      values.map(v => h('option', {value: v, selected: v === current}, v)));
  }

  function render(data) {
    options(seriesSel, data.available, state.series);
    const keys = [...new Set(data.runs.flatMap(r => Object.keys(r.config)))].sort();
    options(groupSel, keys, state.group, 'none');
    const withData = data.runs.filter(r => r.data);
    let lines;
    if (data.groups) {
      lines = data.groups.map((g, i) => ({label: g.key + '=' + g.value + ' (' + g.runs + ' runs)', y: g.mean, min: g.min, max: g.max, color: color(i), x: g.step}));
    } else {
      lines = withData.map((r, i) => ({label: r.name + ' ' + r.id, y: r.data.smoothed || r.data.last, color: color(i), x: r.data.step,
        raw: r.data.smoothed ? r.data.last : null}));
    }
    // one x for every line: the union of their steps
    const xs = [...new Set(lines.flatMap(l => l.x))].sort((a, b) => a - b);
    const at = new Map(xs.map((x, i) => [x, i]));
    const spread = (l, values) => {
      if (!values) return undefined;
      const out = new Array(xs.length).fill(null);
      values.forEach((v, i) => { out[at.get(l.x[i])] = v; });
      return out;
    };
    const drawn = [];
    for (const l of lines) {
      if (l.raw) drawn.push({label: l.label + ' (raw)', y: spread(l, l.raw), color: l.color + '40', width: 1});
      drawn.push({label: l.label, y: spread(l, l.y), min: spread(l, l.min), max: spread(l, l.max), color: l.color, width: 2});
    }
    const spec = {title: state.series + (state.smooth > 0 ? ' · EMA τ=' + state.smooth + ' steps' : ''), x: xs, lines: drawn, height: 380,
      log: params.get('log') === '1',
      onZoom: (from, to) => { state.from = from; state.to = to; load(); }};
    if (!view) { view = chart(spec); view.el.id = 'compare-chart'; fill(body, view.el); }
    else view.update(spec);
    const missing = data.runs.filter(r => !r.data).map(r => r.name + ' ' + r.id);
    if (missing.length) add(body, h('p', {class: 'muted'}, 'no series ' + state.series + ' in: ' + missing.join(', ')));
    fill(body.querySelector('.run-list') || body.appendChild(h('div', {class: 'run-list'})),
      h('ul', {}, data.runs.map((r, i) => h('li', {}, h('a', {href: '#/run/' + encodeURIComponent(r.id)}, r.name), ' ', h('span', {class: 'muted'}, r.id + (r.group ? ' · ' + state.group + '=' + r.group : ''))))));
  }

  load();
  return () => { alive = false; };
}
