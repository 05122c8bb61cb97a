// The explorer's shell: hash router, search box, loading and error states, toolbar, exports.
// Routes: #/network/ID?expand=a,b&sel=ID   #/chain/CHAIN?park=PARK&node=SEGMENT   #/park/PARK?compare=PARK2   #/review/DOCUMENT
import cytoscape from '../webjars/cytoscape/dist/cytoscape.esm.min.mjs';
import { gql } from './api.js';
import { h, clear, hashFor, download, pct } from './dom.js';
import { TYPE_LABELS } from './style.js';
import * as networkView from './network.js';
import * as chainView from './chain.js';
import * as parkView from './park.js';
import * as reviewView from './review.js';

const VIEWS = { network: networkView, chain: chainView, park: parkView, review: reviewView };

const $ = (id) => document.getElementById(id);
let generation = 0;
let pending = 0;
let cy = null;
let exportData = () => null;
let currentRoute = null;

function parseRoute() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const [view, ...rest] = path.split('/');
  return {
    view: VIEWS[view] ? view : 'home',
    id: rest.length ? decodeURIComponent(rest.join('/')) : null,
    params: new URLSearchParams(query),
  };
}

/** The context a view renders with. Stale work (the user moved on) is dropped by the generation check. */
function context(route) {
  const gen = ++generation;
  const live = () => gen === generation;
  return {
    route,
    live,
    panel: $('panel'),
    /** Runs async work with the loading indicator; API errors are shown, then rethrown as null result. */
    async busy(promise, what = 'Loading') {
      pending++;
      showLoading(what);
      try {
        const value = await promise;
        return value;
      } catch (e) {
        if (live()) showError(e);
        throw e;
      } finally {
        pending--;
        if (pending === 0) hideLoading();
      }
    },
    graph(style, options = {}) {
      if (cy) cy.destroy();
      cy = cytoscape({
        container: $('cy'), style, elements: [], minZoom: 0.15, maxZoom: 3,
        boxSelectionEnabled: false, ...options,
      });
      window.cy = cy;
      return cy;
    },
    /** Rewrites the URL's parameters for the current view without re-rendering (for sharing and reload). */
    setParams(params) {
      const hash = hashFor(route.view, route.id, params);
      if (hash !== location.hash) history.replaceState(null, '', hash);
    },
    toolbar(...items) { clear($('toolbar'), items, route.view === 'review' ? null : exportButtons()); },
    legend(...items) { clear($('legend'), items); $('legend').hidden = items.flat().length === 0; },
    empty(message) { const el = $('empty'); el.hidden = !message; el.textContent = message || ''; },
    exports(fn) { exportData = fn; },
    status(text) { $('status').textContent = text || ''; },
    clearError() { hideError(); },
    focusPanel() { $('panel').focus({ preventScroll: false }); },
  };
}

function showLoading(what) {
  $('loading').hidden = false;
  $('loading').lastElementChild.textContent = `${what}…`;
  document.body.setAttribute('aria-busy', 'true');
}

function hideLoading() {
  $('loading').hidden = true;
  document.body.removeAttribute('aria-busy');
}

function showError(e) {
  const box = $('error');
  const lines = String(e && e.message ? e.message : e).split('\n');
  clear(box,
    h('strong', {}, '出错了 Error: '),
    lines.length === 1 ? lines[0] : h('ul', {}, lines.map((l) => h('li', {}, l))),
    h('button', { type: 'button', class: 'retry', onclick: () => render() }, 'Retry'),
    h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss error', onclick: hideError }, '×'));
  box.hidden = false;
}

function hideError() {
  $('error').hidden = true;
  clear($('error'));
}

function exportButtons() {
  return h('span', { class: 'exports' },
    h('button', { type: 'button', id: 'export-png', onclick: exportPng, title: 'Download the drawing as a PNG image' }, 'PNG'),
    h('button', { type: 'button', id: 'export-json', onclick: exportJson, title: 'Download the drawn subgraph as JSON' }, 'JSON'),
    h('button', { type: 'button', id: 'fit', onclick: () => cy && cy.animate({ fit: { padding: 30 } }, { duration: 250 }), title: 'Fit the drawing to the window' }, 'Fit'));
}

function stamp() {
  return `${currentRoute.view}${currentRoute.id ? '-' + currentRoute.id : ''}`.replace(/[^\w.-]+/g, '_');
}

function exportPng() {
  if (!cy || cy.elements().empty()) return;
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  download(`chaingraph-${stamp()}.png`, blob);
}

function exportJson() {
  const data = exportData() || (cy ? {
    nodes: cy.nodes().map((n) => n.data()),
    edges: cy.edges().map((e) => e.data()),
  } : null);
  if (!data) return;
  const json = JSON.stringify({ view: location.hash, exportedAt: new Date().toISOString(), ...data }, null, 2);
  download(`chaingraph-${stamp()}.json`, new Blob([json], { type: 'application/json' }));
}

async function render() {
  hideError();
  const route = parseRoute();
  currentRoute = route;
  for (const v of Object.keys(VIEWS)) {
    const link = $(`nav-${v}`);
    if (v === route.view) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const ctx = context(route);
  exportData = () => null;
  ctx.legend();
  ctx.empty(null);
  $('home').hidden = true;
  ctx.status('');
  if (route.view === 'home') {
    renderHome(ctx);
    return;
  }
  try {
    await VIEWS[route.view].render(ctx);
  } catch (e) {
    // already shown by busy(); anything else is a bug worth showing too
    if (ctx.live() && $('error').hidden) showError(e);
    if (!(e && e.name === 'ApiError')) console.error(e);
  }
}

// The start page: every park's focus chains with coverage and gap counts (parkGaps), worst first, sortable.
const GAP_SORTS = {
  worst: (a, b) => b.broken - a.broken || b.missing - a.missing || a.coverage - b.coverage || b.weak - a.weak,
  coverage: (a, b) => a.coverage - b.coverage,
  broken: (a, b) => b.broken - a.broken,
  missing: (a, b) => b.missing - a.missing,
  weak: (a, b) => b.weak - a.weak,
  park: (a, b) => a.park.localeCompare(b.park, 'zh-Hans-CN-u-co-pinyin'),
};

function overviewQuery(parkIds) {
  const vars = parkIds.map((_, i) => `$p${i}: ID!`).join(', ');
  const fields = parkIds.map((_, i) => `p${i}: parkGaps(parkId: $p${i}) { chain { id name } coverage counts { segments present missing broken weak } }`).join('\n');
  return `query(${vars}) { ${fields} }`;
}

function renderOverview(ctx, box, parks) {
  const focused = parks.filter((p) => p.focusChains.length > 0);
  if (focused.length === 0) {
    clear(box, h('p', { class: 'muted' }, 'No park has focus chains yet (park_chains.csv).'));
    return;
  }
  const variables = {};
  focused.forEach((p, i) => { variables[`p${i}`] = p.id; });
  ctx.busy(gql(overviewQuery(focused.map((p) => p.id)), variables), 'Loading the parks\' gap reports').then((data) => {
    if (!ctx.live()) return;
    const rows = [];
    focused.forEach((p, i) => {
      for (const r of data[`p${i}`]) {
        rows.push({ parkId: p.id, park: p.name, chainId: r.chain.id, chain: r.chain.name, coverage: r.coverage, ...r.counts });
      }
    });
    let sort = 'worst';
    const tbody = h('tbody');
    const draw = () => {
      const sorted = [...rows].sort((a, b) => GAP_SORTS[sort](a, b) || a.park.localeCompare(b.park, 'zh-Hans-CN-u-co-pinyin'));
      clear(tbody, sorted.map((r) => h('tr', { dataset: { park: r.parkId, chain: r.chainId } },
        h('td', {}, h('a', { href: hashFor('park', r.parkId) }, r.park)),
        h('td', {}, h('a', { href: hashFor('chain', r.chainId, { park: r.parkId }) }, r.chain)),
        h('td', { class: 'num' }, pct(r.coverage)),
        h('td', { class: 'num gap-broken' }, String(r.broken)),
        h('td', { class: 'num gap-missing' }, String(r.missing)),
        h('td', { class: 'num gap-weak' }, String(r.weak)))));
      for (const th of box.querySelectorAll('th[data-sort]')) th.setAttribute('aria-sort', th.dataset.sort === sort ? 'ascending' : 'none');
    };
    const header = (key, zh, en) => h('th', { scope: 'col', dataset: { sort: key } },
      h('button', { type: 'button', class: 'sort', onclick: () => { sort = key; draw(); } }, zh, h('br'), h('span', { class: 'muted' }, en)));
    clear(box,
      h('p', { class: 'muted' }, '最严重的缺口在前 Worst gaps first: 断链 broken, then 缺链 missing, then low coverage. Click a heading to sort.'),
      h('table', { id: 'overview', class: 'overview' },
        h('thead', {}, h('tr', {},
          header('park', '园区', 'Park'), h('th', { scope: 'col' }, '产业链', h('br'), h('span', { class: 'muted' }, 'Chain')),
          header('coverage', '覆盖率', 'Coverage'), header('broken', '断链', 'Broken'),
          header('missing', '缺链', 'Missing'), header('weak', '弱链', 'Weak'))),
        tbody));
    draw();
  }).catch(() => {});
}

function renderHome(ctx) {
  ctx.graph([]);
  ctx.toolbar();
  const overview = h('div', { id: 'overview-box' }, h('p', { class: 'muted' }, 'Loading the overview…'));
  const home = clear($('home'), h('h2', {}, '总览：各园区的产业链缺口 Overview: every park\'s chain gaps'), overview);
  home.hidden = false;
  const panel = clear(ctx.panel, h('h2', {}, '产业链图谱 Network explorer'),
    h('p', {}, 'Find the segments of a chain a park lacks (缺链), holds weakly (弱链) or where the chain is cut (断链), and the enterprises that could fill them (补链).'),
    h('p', {}, 'Search for a park, enterprise, platform, chain or segment above, start from the overview, or open a view below.'),
    h('p', { class: 'muted' }, 'Loading parks and chains…'));
  ctx.busy(gql(`{ parks(includeSubParks: true) { id name focusChains { chain { id name } } } chains { id name } }`), 'Loading parks and chains')
    .then((data) => {
      if (!ctx.live()) return;
      panel.lastElementChild.remove();
      renderOverview(ctx, overview, data.parks);
      panel.append(
        h('h3', {}, '园区 Parks'),
        h('ul', { class: 'plain' }, data.parks.map((p) => h('li', {},
          h('a', { href: hashFor('park', p.id) }, p.name), ' ',
          p.focusChains.map((fc) => [' · ', h('a', { href: hashFor('chain', fc.chain.id, { park: p.id }) }, `${fc.chain.name} gaps`)])))),
        h('h3', {}, '产业链 Chains'),
        h('ul', { class: 'plain' }, data.chains.map((c) => h('li', {}, h('a', { href: hashFor('chain', c.id) }, c.name)))));
    }).catch(() => {});
}

// --- search -----------------------------------------------------------------------------------
let searchTimer = null;
let searchSeq = 0;

async function runSearch(text) {
  const results = $('search-results');
  const seq = ++searchSeq;
  if (!text.trim()) { results.hidden = true; clear(results); return; }
  clear(results, h('li', { class: 'muted' }, 'Searching…'));
  results.hidden = false;
  try {
    const data = await gql('query($text: String!) { search(text: $text, first: 12) { edges { node { id type name score } } } }', { text });
    if (seq !== searchSeq) return;
    const hits = data.search.edges.map((e) => e.node);
    if (hits.length === 0) {
      clear(results, h('li', { class: 'muted' }, `No match for “${text}”`));
      return;
    }
    clear(results, hits.map((hit) => h('li', {},
      h('button', { type: 'button', class: 'hit', dataset: { id: hit.id, type: hit.type }, onclick: () => pick(hit) },
        h('span', { class: `type-badge type-${hit.type}` }, TYPE_LABELS[hit.type] || hit.type), ' ', hit.name))));
  } catch (e) {
    if (seq !== searchSeq) return;
    clear(results, h('li', { class: 'search-error', role: 'alert' }, `Search failed: ${e.message}`));
  }
}

function pick(hit) {
  $('search-results').hidden = true;
  location.hash = hashFor('network', hit.id);
}

function setupSearch() {
  const form = $('search-form');
  const input = $('search-input');
  form.addEventListener('submit', (ev) => { ev.preventDefault(); clearTimeout(searchTimer); runSearch(input.value); });
  input.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => runSearch(input.value), 250); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') { const first = $('search-results').querySelector('button'); if (first) { ev.preventDefault(); first.focus(); } }
    if (ev.key === 'Escape') $('search-results').hidden = true;
  });
  $('search-results').addEventListener('keydown', (ev) => {
    const buttons = [...$('search-results').querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown' && i < buttons.length - 1) { ev.preventDefault(); buttons[i + 1].focus(); }
    if (ev.key === 'ArrowUp') { ev.preventDefault(); (i > 0 ? buttons[i - 1] : input).focus(); }
    if (ev.key === 'Escape') { $('search-results').hidden = true; input.focus(); }
  });
  document.addEventListener('click', (ev) => { if (!form.contains(ev.target)) $('search-results').hidden = true; });
}

// The drawing follows its box (window resized, error or legend shown): keep it fitted.
let resizeTimer = null;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (cy && !cy.destroyed()) { cy.resize(); if (cy.elements().nonempty()) cy.fit(undefined, 24); } }, 100);
}).observe($('cy'));

setupSearch();
window.addEventListener('hashchange', render);
render();
