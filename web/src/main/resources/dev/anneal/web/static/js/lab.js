// The lab: each `anneal lab` run with its studies; a study with its claim, table, verdict and figure.
import {h, add, fill, fmtNumber, fmtTime, showError} from './dom.js';
import {get} from './api.js';
import {chart} from './chart.js';

export function labPage(root) {
  let alive = true;
  add(root, h('h1', {}, 'Lab'));
  (async () => {
    try {
      const labs = await get('/api/lab');
      if (!alive) return;
      if (!labs.length) add(root, h('p', {class: 'muted'}, 'No lab runs yet: run `anneal lab`.'));
      for (const lab of labs) {
        add(root, h('h2', {}, lab.name, ' ', h('span', {class: 'muted'}, fmtTime(lab.started) + ' · ' + lab.id)),
          h('table', {class: 'lab-studies'}, h('tr', {}, h('th', {}, 'study'), h('th', {}, 'status'), h('th', {}, 'verdict')),
            lab.studies.map(s => h('tr', {}, h('td', {}, h('a', {href: '#/lab/' + encodeURIComponent(s.id)}, s.name)),
              h('td', {class: 'status-' + s.status}, s.status.toLowerCase()), h('td', {}, verdictOf(s))))));
      }
    } catch (e) { if (alive) showError(root, e); }
  })();
  return () => { alive = false; };
}

function verdictOf(s) {
  return s.verdict || '';
}

export function studyPage(root, [id]) {
  let alive = true;
  (async () => {
    try {
      const s = await get('/api/lab/' + encodeURIComponent(id));
      const data = s.series.length ? (await get('/api/runs/' + encodeURIComponent(id) + '/series', {points: 1000})).series : {};
      if (!alive) return;
      const word = (s.verdict || '').split(':')[0];
      add(root, h('h1', {}, s.name),
        s.claim ? h('p', {id: 'claim'}, h('b', {}, 'Claim: '), s.claim) : null,
        h('p', {id: 'verdict', class: 'verdict-' + word}, s.verdict || 'no verdict recorded'),
        h('h2', {}, 'Table: each arm’s mean over the seeds'),
        h('table', {id: 'study-table'}, s.table.map(r => h('tr', {}, h('td', {}, r.arm), h('td', {class: 'num'}, fmtNumber(r.mean))))));
      const keys = Object.keys(data);
      if (keys.length) {
        const xs = [...new Set(keys.flatMap(k => data[k].step))].sort((a, b) => a - b);
        const at = new Map(xs.map((x, i) => [x, i]));
        const lines = keys.map(k => {
          const y = new Array(xs.length).fill(null);
          data[k].step.forEach((x, i) => { y[at.get(x)] = data[k].last[i]; });
          return {label: k, y};
        });
        add(root, h('h2', {}, 'Figure'), chart({title: s.name, x: xs, lines, height: 360, log: true}).el);
      }
    } catch (e) { if (alive) showError(root, e); }
  })();
  return () => { alive = false; };
}
