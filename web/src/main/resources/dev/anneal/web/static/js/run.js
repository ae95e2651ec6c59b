// A run: its configuration and schedule, a chart per series with event markers, log toggles, a choice of x axis;
// zooming re-reads the window in detail; a RUNNING run refreshes itself.
import {h, add, fill, kvTable, fmtNumber, fmtTime, fmtDuration, showError} from './dom.js';
import {get} from './api.js';
import {chart} from './chart.js';
import {axesOf, axis} from './axes.js';

export function runPage(root, [id]) {
  let alive = true, timer = null;
  (async () => {
    try {
      const run = await get('/api/runs/' + encodeURIComponent(id));
      const first = await get('/api/runs/' + encodeURIComponent(id) + '/series', {points: 1000});
      if (alive) render(run, first.series);
    } catch (e) { if (alive) showError(root, e); }
  })();

  function render(run, series) {
    const xSelect = h('select', {id: 'x-axis', onchange: () => redraw()}, axesOf(run, series).map(a => h('option', {value: a.key}, a.label)));
    const charts = h('div', {class: 'charts', id: 'charts'});
    add(root, 
      h('h1', {}, run.name, ' ', h('span', {class: 'status-' + run.status}, run.status.toLowerCase())),
      h('div', {class: 'muted'}, run.kind + ' · ' + run.id + ' · started ' + fmtTime(run.started) + ' · ' + fmtDuration(run.durationMs)
        + (run.seed !== null ? ' · seed ' + run.seed : '')),
      run.message ? h('pre', {class: 'error'}, run.message) : null,
      h('div', {class: 'cols'},
        h('div', {}, h('h2', {}, 'Configuration'), kvTable(Object.entries(run.config)),
          Object.keys(run.metrics).length ? [h('h2', {}, 'Final metrics'), kvTable(Object.entries(run.metrics).map(([k, v]) => [k, fmtNumber(v)]))] : null),
        h('div', {}, h('h2', {}, 'Schedule'), h('pre', {id: 'schedule'}, run.schedule || '(none recorded)'),
          run.events.length ? [h('h2', {}, 'Events'), h('ul', {class: 'events'}, run.events.slice(0, 50).map(e =>
            h('li', {}, 'step ' + e.step + ' · ' + e.type + ': ' + e.message)))] : null,
          run.artifacts.length ? [h('h2', {}, 'Artifacts'), h('ul', {}, run.artifacts.map(a =>
            h('li', {}, h('a', {href: '/api/runs/' + encodeURIComponent(run.id) + '/artifacts/' + a.index, target: '_blank', rel: 'noopener'},
              a.path.split('/').pop()), ' ', h('span', {class: 'muted'}, a.kind))))] : null)),
      h('div', {class: 'toolbar'}, h('h2', {}, 'Series'), h('label', {}, 'x: ', xSelect),
        h('span', {class: 'muted'}, 'drag to zoom (re-read in detail), double-click to reset')),
      charts);

    const views = {};
    const windows = {};
    function redraw() {
      const ax = axis(xSelect.value, run, series.time);
      for (const [key, data] of Object.entries(series)) {
        if (key === 'time') continue;
        const spec = {
          title: key, xLabel: xSelect.selectedOptions[0].textContent,
          x: data.step.map(ax.toX),
          lines: [{label: key, y: data.last, min: data.min, max: data.max}],
          events: run.events.map(e => ({x: ax.toX(e.step), label: e.type})),
          onZoom: (from, to) => zoom(key, from === null ? null : ax.toStep(from), to === null ? null : ax.toStep(to)),
        };
        if (views[key]) views[key].update(spec);
        else { views[key] = chart(spec); views[key].el.dataset.series = key; charts.append(views[key].el); }
      }
    }

    async function zoom(key, from, to) {
      windows[key] = from === null ? null : {from, to};
      const got = await get('/api/runs/' + encodeURIComponent(run.id) + '/series', {keys: key, points: 1000, ...(windows[key] || {})});
      series[key] = got.series[key];
      redraw();
    }

    async function refresh() {
      if (!alive) return;
      try {
        const now = await get('/api/runs/' + encodeURIComponent(run.id) + '/series', {points: 1000});
        for (const k of Object.keys(now.series)) if (!windows[k]) series[k] = now.series[k];
        redraw();
        if (now.status === 'RUNNING') timer = setTimeout(refresh, 2000);
      } catch (e) { /* the next refresh tries again */ timer = setTimeout(refresh, 5000); }
    }

    redraw();
    if (run.status === 'RUNNING') timer = setTimeout(refresh, 2000);
  }
  return () => { alive = false; clearTimeout(timer); };
}
