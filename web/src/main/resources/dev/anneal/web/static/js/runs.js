// Runs: a sortable, filterable, paged table; polls while runs are RUNNING; pick runs to compare.
import {h, add, fill, fmtNumber, fmtTime, fmtDuration, showError} from './dom.js';
import {get} from './api.js';

const KINDS = ['', 'train', 'find-lr', 'lab', 'sweep', 'trial'];
const STATUSES = ['', 'running', 'finished', 'failed', 'killed'];
const METRIC_COLUMNS = 4;

export function runsPage(root) {
  const state = {q: '', kind: '', status: '', sort: 'started', order: 'desc', page: 0, size: 50};
  const picked = new Set();
  let timer = null, alive = true;

  const search = h('input', {type: 'search', id: 'run-filter', placeholder: 'filter by name or id', oninput: () => { state.q = search.value; state.page = 0; load(); }});
  const kind = h('select', {onchange: () => { state.kind = kind.value; state.page = 0; load(); }}, KINDS.map(k => h('option', {value: k}, k || 'any kind')));
  const status = h('select', {onchange: () => { state.status = status.value; state.page = 0; load(); }}, STATUSES.map(s => h('option', {value: s}, s || 'any status')));
  const compare = h('button', {id: 'compare-picked', disabled: true, onclick: () => { location.hash = '#/compare?runs=' + [...picked].join(','); }}, 'Compare');
  const info = h('span', {class: 'muted'});
  const table = h('table', {id: 'runs'});
  const pager = h('div', {class: 'toolbar'});
  add(root, h('h1', {}, 'Runs'), h('div', {class: 'toolbar'}, search, kind, status, compare, info), table, pager);

  async function load() {
    clearTimeout(timer);
    try {
      const data = await get('/api/runs', {q: state.q, kind: state.kind, status: state.status, sort: state.sort,
        order: state.order, page: state.page, size: state.size});
      if (!alive) return;
      render(data);
      // RUNNING runs change: ask again while any is shown
      if (data.running > 0) timer = setTimeout(load, 2000);
    } catch (e) { if (alive) showError(root, e); }
  }

  function header(label, sort, cls) {
    const sorted = state.sort === sort;
    return h('th', {title: label, class: ['sortable', cls, sorted ? 'sorted' : '', sorted && state.order === 'asc' ? 'asc' : ''].join(' '),
      onclick: () => {
        state.order = sorted && state.order === 'desc' ? 'asc' : 'desc';
        state.sort = sort; state.page = 0; load();
      }}, label);
  }

  function render(data) {
    const metrics = data.metrics.slice(0, METRIC_COLUMNS);
    fill(table,
      h('thead', {}, h('tr', {}, h('th', {}, ''), header('name', 'name'), header('kind', 'kind'), header('status', 'status'),
        header('started', 'started'), header('duration', 'duration'), metrics.map(m => header(m, 'metric:' + m, 'num')))),
      h('tbody', {}, data.runs.map(r => h('tr', {'data-id': r.id},
        h('td', {}, h('input', {type: 'checkbox', checked: picked.has(r.id), onchange: e => {
          e.target.checked ? picked.add(r.id) : picked.delete(r.id);
          compare.disabled = picked.size < 1;
          compare.textContent = 'Compare' + (picked.size ? ' (' + picked.size + ')' : '');
        }})),
        h('td', {}, h('a', {href: '#/run/' + encodeURIComponent(r.id), class: 'run-name'}, r.name), ' ', h('span', {class: 'muted'}, r.id)),
        h('td', {}, r.kind),
        h('td', {class: 'status-' + r.status}, r.status.toLowerCase()),
        h('td', {}, fmtTime(r.started)),
        h('td', {class: 'num'}, fmtDuration(r.durationMs)),
        metrics.map(m => h('td', {class: 'num'}, fmtNumber(r.metrics[m])))))));
    const pages = Math.max(1, Math.ceil(data.total / data.size));
    info.textContent = data.total + ' runs' + (data.running ? ', ' + data.running + ' running' : '');
    fill(pager,
      h('button', {disabled: state.page === 0, onclick: () => { state.page--; load(); }}, '‹ previous'),
      h('span', {id: 'page-info'}, 'page ' + (state.page + 1) + ' of ' + pages),
      h('button', {disabled: state.page + 1 >= pages, onclick: () => { state.page++; load(); }}, 'next ›'));
  }

  load();
  return () => { alive = false; clearTimeout(timer); };
}
