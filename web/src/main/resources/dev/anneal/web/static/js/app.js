// The router: #/runs, #/run/ID, #/compare?runs=a,b, #/playground, #/lab, #/lab/ID.
import {h, fill} from './dom.js';
import {runsPage} from './runs.js';
import {runPage} from './run.js';
import {comparePage} from './compare.js';
import {playgroundPage} from './playground.js';
import {labPage, studyPage} from './lab.js';

const pages = {runs: runsPage, run: runPage, compare: comparePage, playground: playgroundPage, lab: labPage};
let stop = null;

function route() {
  if (stop) stop();
  stop = null;
  const [path, query] = (location.hash.slice(1) || '/runs').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query || '');
  const name = parts[0] in pages ? parts[0] : 'runs';
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name
    || (name === 'run' && a.dataset.page === 'runs')));
  const root = fill(document.getElementById('page'));
  const page = name === 'lab' && parts[1] ? studyPage : pages[name];
  try {
    stop = page(root, parts.slice(1), params) || null;
  } catch (e) {
    fill(root, h('pre', {class: 'error'}, e.message));
  }
}

window.addEventListener('hashchange', route);
route();
