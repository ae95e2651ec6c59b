// Line charts over uPlot (from its webjar): lines with an optional min–max band, a log-scale toggle, event
// markers, and drag-to-zoom that asks the caller for the window in detail (double-click: back to everything).
import {h} from './dom.js';

const COLORS = ['#1f6feb', '#d9480f', '#2f9e44', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5c940d', '#364fc7', '#862e9c'];
export const color = i => COLORS[i % COLORS.length];

/**
 * A chart in a box with a title and a log toggle.
 * spec: {title, xLabel, x: [...], lines: [{label, y: [...], min?: [...], max?: [...], color?, dash?}],
 *        events?: [{x, label}], log?: bool, onZoom?: (from, to) => void (null, null: reset)}
 * Returns {el, update(spec)}.
 */
export function chart(spec) {
  const box = h('div', {class: 'chart'});
  const plotEl = h('div', {class: 'plot'});
  let current = spec, plot = null;
  const log = h('input', {type: 'checkbox', checked: !!spec.log, onchange: () => draw(current)});
  box.append(h('div', {class: 'head'}, h('span', {class: 'title'}, spec.title),
    h('label', {class: 'muted'}, log, ' log y')), plotEl);

  function draw(s) {
    current = s;
    if (plot) plot.destroy();
    const positive = v => (v === null || v === undefined || (log.checked && !(v > 0))) ? null : v;
    const data = [s.x], series = [{label: s.xLabel || 'step'}], bands = [];
    s.lines.forEach((line, i) => {
      const c = line.color || color(i);
      if (line.min && line.max) {
        const lo = data.length;
        data.push(line.max.map(positive), line.min.map(positive));
        series.push({label: line.label + ' max', band: true, stroke: c + '55', width: 1, points: {show: false}},
                    {label: line.label + ' min', band: true, stroke: c + '55', width: 1, points: {show: false}});
        bands.push({series: [lo, lo + 1], fill: c + '22'});
      }
      data.push(line.y.map(positive));
      series.push({label: line.label, stroke: c, width: line.width || 1.5, dash: line.dash, spanGaps: true, points: {show: false}});
    });
    plot = new uPlot({
      width: widthOf(), height: s.height || 240, series, bands,
      scales: {x: {time: false}, y: log.checked ? {distr: 3} : {}},
      axes: [{label: s.xLabel || 'step'}, {}],
      legend: {show: s.lines.length <= 12},
      cursor: {drag: {x: true, y: false}},
      hooks: {
        draw: [u => markEvents(u, s.events || [])],
        setSelect: [u => {
          if (!s.onZoom || u.select.width < 2) return;
          const from = u.posToVal(u.select.left, 'x'), to = u.posToVal(u.select.left + u.select.width, 'x');
          u.setSelect({left: 0, width: 0, top: 0, height: 0}, false);
          s.onZoom(Math.max(0, Math.floor(from)), Math.ceil(to));
        }],
      },
    }, data, plotEl);
    plot.root.dataset.points = String(s.x.length);
    // the band's edges draw but do not crowd the legend
    const rows = plot.root.querySelectorAll('.u-legend .u-series');
    series.forEach((x, i) => { if (x.band && rows[i]) rows[i].style.display = 'none'; });
    if (s.onZoom) plot.over.ondblclick = () => s.onZoom(null, null);
  }

  const widthOf = () => Math.max(320, (box.clientWidth || 560) - 14);
  // charts are built before they are placed: take the box's width once it has one, and follow it
  new ResizeObserver(() => { if (plot && Math.abs(plot.width - widthOf()) > 4) plot.setSize({width: widthOf(), height: plot.height}); }).observe(box);
  draw(spec);
  return {el: box, update: draw, get plot() { return plot; }};
}

/** Vertical dashed lines at the events' x, labelled at the top. */
function markEvents(u, events) {
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = '#8a8f98';
  ctx.fillStyle = '#555';
  ctx.setLineDash([4, 4]);
  ctx.font = '11px system-ui';
  for (const e of events) {
    const x = u.valToPos(e.x, 'x', true);
    if (!(x >= u.bbox.left && x <= u.bbox.left + u.bbox.width)) continue;
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.fillText(e.label.slice(0, 24), x + 3, u.bbox.top + 11);
  }
  ctx.restore();
}

/** Joins several (x, y…) tables on their x: uPlot draws lines over one x array. */
export function join(tables) {
  const xs = [...new Set(tables.flatMap(t => t.x))].sort((a, b) => a - b);
  const at = new Map(xs.map((x, i) => [x, i]));
  return {x: xs, columns: tables.map(t => t.ys.map(y => {
    const out = new Array(xs.length).fill(null);
    t.x.forEach((x, i) => { out[at.get(x)] = y[i]; });
    return out;
  }))};
}
