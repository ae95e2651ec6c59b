// Playground: a spec or a schedule set and a total; every hyperparameter's curve, the check report and the
// conversions to each dialect, updated as you type; an error shows its message with a caret under its column.
import {h, add, fill, fmtNumber, showError} from './dom.js';
import {post} from './api.js';
import {chart} from './chart.js';

const EXAMPLE = 'warmup(5%, cosine(0.1, steps=95%))';

export function playgroundPage(root, _, params) {
  let alive = true, timer = null, asked = 0;
  const text = h('textarea', {id: 'spec', spellcheck: false, value: params.get('spec') || EXAMPLE, oninput: soon});
  const total = h('input', {id: 'total', type: 'number', min: 1, value: params.get('total') || 1000, oninput: soon, style: 'width:8em'});
  const lambda = h('input', {id: 'lambda-max', type: 'number', min: 0, step: 'any', placeholder: 'λmax', oninput: soon, style: 'width:7em'});
  const grad = h('input', {id: 'grad-bound', type: 'number', min: 0, step: 'any', placeholder: 'G', oninput: soon, style: 'width:7em'});
  const error = h('pre', {id: 'spec-error', class: 'error', hidden: true});
  const charts = h('div', {class: 'charts', id: 'playground-charts'});
  const report = h('div', {id: 'check-report'});
  const conversions = h('div', {id: 'conversions'});
  add(root, h('h1', {}, 'Playground'),
    h('p', {class: 'muted'}, 'A spec in any dialect (native, torch., hf., optax., keras.) or a schedule set (YAML or JSON with defaults/groups).'),
    text,
    h('div', {class: 'toolbar'}, h('label', {}, 'total steps ', total), h('label', {}, 'λmax ', lambda),
      h('label', {}, 'gradient bound G ', grad)),
    error, charts, h('div', {class: 'cols'}, h('div', {}, h('h2', {}, 'Check'), report), h('div', {}, h('h2', {}, 'Conversions'), conversions)));

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  }

  const views = {};
  async function update() {
    const n = ++asked;
    const q = {text: text.value, total: total.value ? Number(total.value) : null,
      lambdaMax: lambda.value ? Number(lambda.value) : null, gradBound: grad.value ? Number(grad.value) : null};
    let a;
    try { a = await post('/api/playground', q); } catch (e) { a = {error: {message: e.message}}; }
    if (!alive || n !== asked) return; // an older answer arriving late
    if (a.error) {
      error.hidden = false;
      const e = a.error;
      fill(error, e.column > 0 ? [e.reason, '\n', e.text.replace(/[\n\t]/g, ' '), '\n', ' '.repeat(e.column - 1) + '^', '  column ' + e.column] : e.message);
      return;
    }
    error.hidden = true;
    for (const c of a.curves) {
      if (c.error) continue;
      const spec = {title: c.name, x: c.step, lines: [{label: c.name, y: c.value}], height: 200};
      if (views[c.name]) views[c.name].update(spec);
      else { views[c.name] = chart(spec); views[c.name].el.dataset.name = c.name; charts.append(views[c.name].el); }
      views[c.name].el.dataset.spec = c.spec;
    }
    for (const name of Object.keys(views)) {
      if (!a.curves.some(c => c.name === name && !c.error)) { views[name].el.remove(); delete views[name]; }
    }
    fill(report, a.checks.map(checkView));
    fill(conversions, a.conversions.map(c => [h('h3', {}, c.name), h('table', {}, c.targets.map(t =>
      h('tr', {}, h('td', {}, t.target), h('td', {class: t.ok ? '' : 'muted'}, h('code', {}, t.text)))))]));
  }

  update();
  return () => { alive = false; clearTimeout(timer); };
}

function checkView(c) {
  if (c.error) return h('pre', {class: 'error'}, c.name + ': ' + c.error);
  return h('div', {}, h('p', {class: 'verdict-' + c.verdict.kind}, c.name + ': ' + c.verdict.line),
    c.sections.map(s => [h('h3', {}, s.title), h('table', {}, s.quantities.map(q =>
      h('tr', {}, h('td', {}, q.label), h('td', {class: 'num'}, q.text), h('td', {class: 'muted'}, q.formula)))),
      s.notes.map(n => h('p', {class: 'muted'}, '! ' + n))]));
}
