// Chain view: a chain's segments in upstream → midstream → downstream lanes with FEEDS arrows.
// With a park: each segment coloured by its gap kind (chainGaps) and labelled with its local enterprise
// count; a gap's fill candidates (gapCandidates) with their reasons in the side panel.
import { gql } from './api.js';
import { h, clear, hashFor, entityLink, facts, list, pct, joinNodes } from './dom.js';
import { chainStyle, GAP_STYLES, STAGES, STAGE_LABELS, wrapLabel } from './style.js';
import { loadDetails, renderDetails } from './details.js';

const CHOICES = `{ chains { id name } parks(includeSubParks: true) { id name focusChains { chain { id } } } }`;
const CHAIN = `query($id: ID!) { chain(id: $id) { id name description
  nodes { id name stage parent { id } downstream { id name chain { id name } } upstream { id name chain { id name } } } } }`;
const GAPS = `query($park: ID!, $chain: ID!, $weak: Int) { chainGaps(parkId: $park, chainId: $chain, weakBelow: $weak) {
  park { id name } coverage counts { segments present missing broken weak }
  segments { node { id } localCount kind }
  gaps { node { id name } kind localCount stage candidateCount unserved
    upstream { node { id name } localCount present } downstream { node { id name } localCount present }
    localPlatforms { id name } otherPlatforms { id name } } } }`;
const CANDIDATES = `query($park: ID!, $node: ID!, $after: String, $region: String) { gapCandidates(parkId: $park, nodeId: $node, first: 10, after: $after, region: $region) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { score reasons enterprise { id name tags region park { id name } }
    evidence { nodes { id name } edges { type source target } } } } } }`;
const HISTORY = `query($park: ID!, $chain: ID!) {
  gapHistory(parkId: $park, chainId: $chain, first: 60) { at coverage causeKind cause segments { nodeId kind localCount } }
  alerts(status: OPEN, first: 50) { id kind park { id } chain { id } nodeId at message } }`;
const LOCAL = `query($park: ID!, $node: ID!) { enterprises(parkId: $park, nodeId: $node, first: 50) { totalCount edges { node { id name tags } } } }`;

const COL_W = 175;
const ROW_H = 80;
const LANE_GAP = 70;

export async function render(ctx) {
  const { route } = ctx;
  const chainId = route.id;
  const parkId = route.params.get('park') || null;
  const weak = weakBelow(route.params.get('weak'));
  let selected = route.params.get('node') || null;
  // the candidates' region filter (the start of a region, e.g. 浙江省), kept while segments are picked
  let candidateRegion = route.params.get('region') || '';

  const choices = await ctx.busy(gql(CHOICES), 'Loading chains and parks');
  if (!ctx.live()) return;
  toolbar(ctx, choices, chainId, parkId, weak);
  const cy = ctx.graph(chainStyle(), { autoungrabify: false });

  if (!chainId) {
    ctx.empty('Choose a chain (and a park to see its gaps) in the toolbar.');
    clear(ctx.panel, h('h2', {}, '产业链 Chain view'),
      h('p', {}, 'Pick a chain to see its segments from upstream to downstream. Pick a park as well to colour each segment by what the park lacks: 断链 broken, 缺链 missing, 弱链 weak.'));
    return;
  }

  const [chainData, gapData, historyData] = await ctx.busy(Promise.all([
    gql(CHAIN, { id: chainId }),
    parkId ? gql(GAPS, { park: parkId, chain: chainId, weak }) : Promise.resolve(null),
    // the history is an extra: the view works without it
    parkId ? gql(HISTORY, { park: parkId, chain: chainId }).catch(() => null) : Promise.resolve(null),
  ]), parkId ? 'Loading chain and gaps' : 'Loading chain');
  if (!ctx.live()) return;
  const chain = chainData.chain;
  if (!chain) {
    ctx.empty(`No chain with id “${chainId}”.`);
    clear(ctx.panel, h('p', {}, `No chain with id “${chainId}”. Choose one in the toolbar.`));
    return;
  }
  const report = gapData && gapData.chainGaps;
  const status = new Map(report ? report.segments.map((s) => [s.node.id, s]) : []);
  const gaps = new Map(report ? report.gaps.map((g) => [g.node.id, g]) : []);
  const history = (historyData && historyData.gapHistory) || [];
  const changed = changedSegments(history);
  const alerts = ((historyData && historyData.alerts) || [])
    .filter((a) => a.park && a.park.id === parkId && (!a.chain || a.chain.id === chainId));

  // Narrow screens (phones): lanes stacked top to bottom instead of side by side.
  const vertical = document.getElementById('cy').clientWidth < 600;
  const positions = layout(chain.nodes, vertical);
  const ids = new Set(chain.nodes.map((n) => n.id));
  const lanesUsed = [...new Set(chain.nodes.map((n) => n.stage || 'NONE'))];
  const elements = [];
  for (const lane of [...STAGES, 'NONE'].filter((l) => lanesUsed.includes(l))) {
    elements.push({ group: 'nodes', data: { id: `lane:${lane}`, label: STAGE_LABELS[lane] }, classes: 'lane', selectable: false, grabbable: false });
  }
  for (const n of chain.nodes) {
    const s = status.get(n.id);
    const kind = s ? (s.kind || 'OK') : undefined;
    elements.push({
      group: 'nodes',
      data: {
        id: n.id, name: n.name, stage: n.stage, parent: `lane:${n.stage || 'NONE'}`, gap: kind,
        localCount: s ? s.localCount : undefined,
        label: s ? `${changed.has(n.id) ? '△ ' : ''}${wrapLabel(n.name, 10)}\n本地 ${s.localCount} 家` : wrapLabel(n.name, 9),
      },
      classes: `segment${n.parent ? ' sub' : ''}${changed.has(n.id) ? ' changed' : ''}`,
      position: positions.get(n.id),
      grabbable: true,
    });
  }
  for (const n of chain.nodes) {
    for (const d of n.downstream) {
      if (!ids.has(d.id)) continue;
      const cut = (gaps.get(n.id) && gaps.get(n.id).kind === 'BROKEN') || (gaps.get(d.id) && gaps.get(d.id).kind === 'BROKEN');
      elements.push({ group: 'edges', data: { id: `FEEDS:${n.id}->${d.id}`, type: 'FEEDS', source: n.id, target: d.id }, classes: `feeds${cut ? ' cut' : ''}` });
    }
    if (n.parent && ids.has(n.parent.id)) {
      elements.push({ group: 'edges', data: { id: `PART_OF:${n.id}->${n.parent.id}`, type: 'PART_OF', source: n.id, target: n.parent.id }, classes: 'partof' });
    }
  }
  cy.add(elements);
  cy.layout({ name: 'preset', fit: true, padding: 24 }).run();
  ctx.status(`${chain.name}: ${chain.nodes.length} segments${report ? `, ${report.park.name} covers ${pct(report.coverage)}` : ''}`);

  if (report) {
    ctx.legend(['BROKEN', 'MISSING', 'WEAK', 'OK'].map((k) => h('span', { class: 'legend-item', id: `legend-${k}`, title: GAP_STYLES[k].help },
      h('span', { class: 'swatch', style: `background:${GAP_STYLES[k].fill};border-color:${GAP_STYLES[k].border}` }),
      `${GAP_STYLES[k].label} (${k === 'OK' ? report.counts.present - report.counts.weak : report.counts[k.toLowerCase()]})`)),
    h('span', { class: 'legend-item muted' }, '“本地 n 家”: local enterprises · red dashed arrows: the cut · dotted: sub-segment'
      + (changed.size ? ' · △ 最近变化 changed in the latest snapshot' : '')));
  } else {
    ctx.legend(h('span', { class: 'legend-item muted' }, 'Arrows: FEEDS (upstream → downstream) · dotted: sub-segment of · choose a park to see its gaps'));
  }

  ctx.exports(() => ({
    chain: { id: chain.id, name: chain.name },
    park: report ? { id: report.park.id, name: report.park.name, coverage: report.coverage, counts: report.counts } : null,
    nodes: chain.nodes.map((n) => ({ id: n.id, type: 'ChainNode', name: n.name, stage: n.stage,
      localCount: status.has(n.id) ? status.get(n.id).localCount : undefined, gap: status.has(n.id) ? status.get(n.id).kind : undefined })),
    edges: cy.edges().map((e) => ({ id: e.id(), type: e.data('type'), source: e.data('source'), target: e.data('target') })),
  }));

  function save() { ctx.setParams({ park: parkId, weak: weak !== DEFAULT_WEAK_BELOW ? weak : null, region: candidateRegion || null, node: selected }); }

  function overview() {
    selected = null;
    cy.elements().unselect();
    save();
    clear(ctx.panel,
      h('p', { class: 'type-badge type-Chain' }, '产业链 Chain'),
      h('h2', {}, chain.name),
      chain.description ? h('p', { class: 'desc' }, chain.description) : null,
      report ? [
        h('p', { class: 'coverage' }, `${report.park.name}: coverage ${pct(report.coverage)} `,
          h('meter', { min: 0, max: 1, value: report.coverage, 'aria-label': 'coverage' })),
        facts([['Segments', report.counts.segments], ['Held', report.counts.present], ['断链 Broken', report.counts.broken],
          ['缺链 Missing', report.counts.missing], ['弱链 Weak', report.counts.weak]]),
        h('h3', {}, 'Gaps, most severe first'),
        list(report.gaps, (g) => h('button', { type: 'button', class: `linklike gap-${g.kind}`, onclick: () => pick(g.node.id, true) },
          h('span', { class: 'swatch', style: `background:${GAP_STYLES[g.kind].fill};border-color:${GAP_STYLES[g.kind].border}` }),
          `${g.node.name} · ${GAP_STYLES[g.kind].label} · 本地 ${g.localCount}`), 'No gaps.'),
        trendFigure(history),
        changed.size ? [h('h3', {}, '最近变化 Changed in the latest snapshot'),
          h('ul', { id: 'changed-segments' }, [...changed.entries()].map(([id, c]) => h('li', {},
            h('button', { type: 'button', class: 'linklike', onclick: () => pick(id, true) },
              `${(chain.nodes.find((x) => x.id === id) || { name: id }).name}: ${kindLabel(c.from)} → ${kindLabel(c.to)}`))))] : null,
        alerts.length ? [h('h3', {}, `预警 Alerts (${alerts.length})`),
          h('ul', { id: 'alerts-list', class: 'alerts' }, alerts.map((a) => h('li', { class: 'alert-item' },
            h('span', { class: 'muted' }, a.at.slice(0, 16).replace('T', ' ')), ' ', a.message)))] : null,
        h('div', { class: 'actions' }, h('a', { class: 'button-link', href: hashFor('park', report.park.id) }, `园区视图 Park view: ${report.park.name}`)),
        h('h3', {}, '报告 Report'),
        h('div', { class: 'actions report-links' },
          h('a', { class: 'button-link', id: 'report-html', href: reportUrl(report.park.id, chain.id, 'html', weak), target: '_blank', rel: 'noopener', title: 'A page to print or save as PDF (A4)' }, '打印页 Print page (A4)'),
          h('a', { class: 'button-link', id: 'report-xlsx', href: reportUrl(report.park.id, chain.id, 'xlsx', weak), download: '', title: 'Summary, segments, candidates and trend as an Excel workbook' }, '工作簿 Workbook (.xlsx)')),
      ] : h('p', { class: 'muted' }, 'Choose a park in the toolbar to colour the segments by gap kind.'),
      h('h3', {}, 'Segments'),
      lanesUsed.length ? [...STAGES, 'NONE'].filter((l) => lanesUsed.includes(l)).map((lane) => [
        h('h4', {}, STAGE_LABELS[lane]),
        list(chain.nodes.filter((n) => (n.stage || 'NONE') === lane), (n) => h('button', { type: 'button', class: 'linklike', onclick: () => pick(n.id, true) }, n.name)),
      ]) : null);
  }

  async function pick(id, focus) {
    const node = cy.getElementById(id);
    if (node.empty() || !node.hasClass('segment')) return;
    selected = id;
    cy.elements().unselect();
    node.select();
    save();
    const n = chain.nodes.find((x) => x.id === id);
    const back = h('button', { type: 'button', class: 'back', onclick: overview }, '← Chain overview');
    if (!report) {
      clear(ctx.panel, back, h('p', { class: 'muted' }, 'Loading…'));
      const entity = await ctx.busy(loadDetails('ChainNode', id), 'Loading segment');
      if (!ctx.live() || selected !== id) return;
      clear(ctx.panel, back, renderDetails('ChainNode', entity, [h('a', { class: 'button-link', href: hashFor('network', id) }, 'Network view')]));
      if (focus) ctx.focusPanel();
      return;
    }
    const s = status.get(id);
    const g = gaps.get(id);
    const kind = s.kind || 'OK';
    const candidatesBox = h('div', { id: 'candidates', class: 'candidates' });
    clear(ctx.panel, back,
      h('p', { class: 'type-badge type-ChainNode' }, `环节 Segment · ${STAGE_LABELS[n.stage || 'NONE']}`),
      h('h2', {}, n.name),
      h('p', { class: `gap-banner gap-${kind}`, style: `background:${GAP_STYLES[kind].fill};color:${GAP_STYLES[kind].text};border-color:${GAP_STYLES[kind].border}` },
        `${GAP_STYLES[kind].label} — ${s.localCount} local enterprise${s.localCount === 1 ? '' : 's'} in ${report.park.name}`),
      g ? facts([
        ['Fed by', g.upstream.length ? joinNodes(g.upstream.map((u) => presence(u))) : 'nothing'],
        ['Feeds', g.downstream.length ? joinNodes(g.downstream.map((u) => presence(u))) : 'nothing'],
        ['Platforms here', g.localPlatforms.length ? joinNodes(g.localPlatforms.map(entityLink)) : (g.unserved ? 'none in the park' : null)],
        ['Platforms elsewhere', g.otherPlatforms.length ? joinNodes(g.otherPlatforms.map(entityLink)) : null],
        ['Outside enterprises', g.candidateCount],
      ]) : null,
      h('div', { class: 'actions' }, h('a', { class: 'button-link', href: hashFor('network', id) }, 'Network view')),
      s.localCount > 0 ? h('div', { id: 'local' }, h('p', { class: 'muted' }, 'Loading local enterprises…')) : null,
      candidatesBox);
    if (focus) ctx.focusPanel();
    const work = [loadCandidates(id, candidatesBox, kind)];
    if (s.localCount > 0) work.push(loadLocal(id));
    await Promise.all(work);
  }

  function presence(u) {
    return h('span', { class: u.present ? 'present' : 'absent' }, entityLink(u.node), ` (${u.localCount})`);
  }

  async function loadLocal(id) {
    const data = await ctx.busy(gql(LOCAL, { park: parkId, node: id }), 'Loading local enterprises').catch(() => null);
    const box = document.getElementById('local');
    if (!data || !box || selected !== id) return;
    const conn = data.enterprises;
    clear(box, h('h3', {}, `Local enterprises (${conn.totalCount})`),
      list(conn.edges.map((e) => e.node), (e) => [entityLink(e), e.tags.length ? ` · ${e.tags.join(', ')}` : '']));
  }

  async function loadCandidates(id, box, kind, after = null, ol = null) {
    const title = kind === 'OK' || kind === 'WEAK' ? '强链 Enterprises that could strengthen it' : '补链 Fill candidates';
    if (!ol) {
      ol = h('ol', { class: 'candidate-list', 'aria-label': 'Fill candidates' });
      const region = h('input', { id: 'candidate-region', type: 'search', value: candidateRegion, placeholder: '例如 e.g. 浙江省',
        title: '只看地区以此开头的企业 · Only enterprises whose region starts with this' });
      const filter = h('form', { class: 'region-filter', id: 'candidate-region-filter' },
        h('label', { for: 'candidate-region' }, '地区 Region'), region, h('button', { type: 'submit' }, '筛选 Filter'));
      filter.addEventListener('submit', (event) => {
        event.preventDefault();
        candidateRegion = region.value.trim();
        save();
        loadCandidates(id, box, kind);
      });
      clear(box, h('h3', {}, title), filter, h('p', { class: 'muted', id: 'candidates-loading' }, 'Loading candidates…'), ol);
    }
    let data;
    try {
      data = await ctx.busy(gql(CANDIDATES, { park: parkId, node: id, after, region: candidateRegion || null }), 'Loading candidates');
    } catch (e) {
      const l = box.querySelector('#candidates-loading');
      if (l) l.textContent = 'Candidates could not be loaded (see the error above).';
      return;
    }
    if (selected !== id || !ctx.live()) return;
    const loading = box.querySelector('#candidates-loading');
    if (loading) loading.remove();
    const page = data.gapCandidates;
    const candidates = page.edges.map((e) => e.node);
    const heading = box.querySelector('h3');
    if (heading) heading.textContent = `${title} (${page.totalCount})`;
    const names = new Map();
    for (const c of candidates) for (const n of c.evidence.nodes) names.set(n.id, n.name);
    for (const c of candidates) {
      ol.append(h('li', { class: 'candidate' },
        h('div', { class: 'candidate-head' }, entityLink(c.enterprise), h('span', { class: 'score', title: 'ranking score' }, c.score.toFixed(2))),
        h('div', { class: 'muted' }, [c.enterprise.park ? c.enterprise.park.name : (c.enterprise.region || 'no park'), ...c.enterprise.tags].join(' · ')),
        h('ul', { class: 'reasons' }, c.reasons.map((r) => h('li', {}, r))),
        c.evidence.edges.length ? h('p', { class: 'evidence' }, 'Ties: ',
          joinNodes(c.evidence.edges.map((e) => `${names.get(e.source) || e.source} → ${names.get(e.target) || e.target} (${e.type})`), '; ')) : null));
    }
    box.querySelector('.more-candidates')?.remove();
    if (ol.children.length === 0) {
      box.append(h('p', { class: 'muted', id: 'no-candidates' }, candidateRegion
        ? `地区“${candidateRegion}”没有候选企业 · No enterprise outside the park in this region works in this segment.`
        : 'No enterprise outside the park works in this segment yet.'));
    } else if (page.pageInfo.hasNextPage) {
      const last = page.pageInfo.endCursor;
      box.append(h('button', { type: 'button', class: 'more-candidates', onclick: () => loadCandidates(id, box, kind, last, ol) },
        `更多候选 More candidates (${ol.children.length} / ${page.totalCount})`));
    }
  }

  cy.on('tap', 'node.segment', (ev) => { pick(ev.target.id(), false).catch(() => {}); });
  cy.on('tap', (ev) => { if (ev.target === cy && selected) overview(); });

  if (selected && cy.getElementById(selected).nonempty()) await pick(selected, false);
  else overview();
}

/** The chain report's download (GET /export/report), relative to the page like the GraphQL endpoint. */
function reportUrl(parkId, chainId, format, weak) {
  const params = new URLSearchParams({ parkId, chainId, format });
  if (weak !== DEFAULT_WEAK_BELOW) params.set('weakBelow', String(weak));
  return new URL(`export/report?${params}`, document.baseURI).toString();
}

/** Segments whose kind differs between the last two snapshots: id → { from, to }. */
function changedSegments(history) {
  const changed = new Map();
  if (history.length < 2) return changed;
  const before = new Map(history[history.length - 2].segments.map((s) => [s.nodeId, s.kind]));
  for (const s of history[history.length - 1].segments) {
    if (before.has(s.nodeId) && before.get(s.nodeId) !== s.kind) changed.set(s.nodeId, { from: before.get(s.nodeId), to: s.kind });
  }
  return changed;
}

function kindLabel(kind) {
  return kind ? GAP_STYLES[kind].label : GAP_STYLES.OK.label;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/**
 * The park's coverage on the chain over its snapshots (gapHistory), as a small line: x by time, y 0..100 %.
 * Each point has a title (time, coverage, cause), so the values are readable without the drawing too.
 */
function trendFigure(history) {
  const figure = h('figure', { id: 'coverage-trend', class: 'trend', dataset: { points: String(history.length) } });
  if (history.length === 0) {
    figure.append(h('figcaption', { class: 'muted' }, '覆盖率趋势 Coverage trend: 尚无快照 no snapshots yet'));
    return figure;
  }
  const W = 280, H = 90, PAD = 6;
  const times = history.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const x = (t) => (t1 === t0 ? W / 2 : PAD + (W - 2 * PAD) * (t - t0) / (t1 - t0));
  const y = (c) => H - PAD - (H - 2 * PAD) * c;
  const points = history.map((p, i) => [x(times[i]), y(p.coverage)]);
  const drawing = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-label': `覆盖率趋势 Coverage trend: ${history.map((p) => pct(p.coverage)).join(' → ')}` },
  svg('line', { x1: PAD, y1: y(0), x2: W - PAD, y2: y(0), class: 'trend-axis', stroke: '#a0aec0' }),
  svg('line', { x1: PAD, y1: y(1), x2: W - PAD, y2: y(1), class: 'trend-axis', stroke: '#e2e8f0' }),
  svg('polyline', { points: points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' '), fill: 'none',
    stroke: '#2b6cb0', 'stroke-width': 2, class: 'trend-line' }),
  ...history.map((p, i) => svg('circle', { cx: points[i][0].toFixed(1), cy: points[i][1].toFixed(1), r: 3, fill: '#2b6cb0',
    class: 'trend-point' }, svg('title', {}, `${p.at.slice(0, 16).replace('T', ' ')} · ${pct(p.coverage)} · ${p.causeKind} ${p.cause}`))));
  const first = history[0], last = history[history.length - 1];
  figure.append(drawing, h('figcaption', {},
    `覆盖率趋势 Coverage trend: ${pct(first.coverage)} → ${pct(last.coverage)} (${history.length} 个快照 snapshots)`));
  return figure;
}

/** The API's default weak threshold: a segment with fewer local enterprises than this (but some) is WEAK. */
const DEFAULT_WEAK_BELOW = 2;

/** The weak threshold from the page's address: a whole number from 1 to 99, else the default. */
function weakBelow(param) {
  const n = Number(param);
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : DEFAULT_WEAK_BELOW;
}

function toolbar(ctx, choices, chainId, parkId, weak) {
  const chainSelect = h('select', { id: 'chain-select' },
    h('option', { value: '' }, '— choose —'),
    choices.chains.map((c) => h('option', { value: c.id, selected: c.id === chainId }, c.name)));
  const focusing = choices.parks.filter((p) => p.focusChains.some((fc) => fc.chain.id === chainId));
  const others = choices.parks.filter((p) => !focusing.includes(p));
  const parkSelect = h('select', { id: 'park-select' },
    h('option', { value: '' }, '— no park —'),
    focusing.length ? h('optgroup', { label: 'Parks focusing on this chain' }, focusing.map((p) => h('option', { value: p.id, selected: p.id === parkId }, p.name))) : null,
    h('optgroup', { label: focusing.length ? 'Other parks' : 'Parks' }, others.map((p) => h('option', { value: p.id, selected: p.id === parkId }, p.name))));
  const weakInput = h('input', { id: 'weak-below', type: 'number', min: 1, max: 99, step: 1, value: String(weak),
    disabled: !parkId, title: '弱链阈值：本地企业少于此数（但不为零）的环节为弱链 · Weak below: a segment with fewer local enterprises than this (but some) is weak' });
  const go = () => {
    const w = weakBelow(weakInput.value);
    location.hash = hashFor('chain', chainSelect.value || null,
      { park: parkSelect.value || null, weak: w !== DEFAULT_WEAK_BELOW ? w : null });
  };
  chainSelect.addEventListener('change', go);
  parkSelect.addEventListener('change', go);
  weakInput.addEventListener('change', go);
  ctx.toolbar(h('label', { for: 'chain-select' }, '产业链 Chain'), chainSelect, h('label', { for: 'park-select' }, '园区 Park'), parkSelect,
    h('label', { for: 'weak-below' }, '弱链阈值 Weak below'), weakInput);
}

/**
 * Lane layout: one column band per stage, left to right. Inside a lane, a segment's rank is its longest
 * FEEDS path from the lane's sources; ranks alternate between two sub-columns so that arrows inside a lane
 * run diagonally instead of through other boxes. Rows follow the average height of the segments feeding
 * each one (fewer crossings); the first lane is then re-ordered by the segments it feeds.
 */
export function layout(nodes, vertical = false) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const laneOf = (n) => n.stage || 'NONE';
  const preds = new Map(nodes.map((n) => [n.id, []]));
  const succs = new Map(nodes.map((n) => [n.id, []]));
  for (const n of nodes) for (const d of n.downstream) if (byId.has(d.id)) { succs.get(n.id).push(d.id); preds.get(d.id).push(n.id); }
  const rank = new Map();
  const visiting = new Set();
  const rankOf = (id) => {
    if (rank.has(id)) return rank.get(id);
    if (visiting.has(id)) return 0; // a FEEDS cycle: break it
    visiting.add(id);
    const n = byId.get(id);
    let r = 0;
    for (const p of preds.get(id)) if (laneOf(byId.get(p)) === laneOf(n)) r = Math.max(r, rankOf(p) + 1);
    visiting.delete(id);
    rank.set(id, r);
    return r;
  };
  nodes.forEach((n) => rankOf(n.id));

  const lanes = [...STAGES, 'NONE'].filter((l) => nodes.some((n) => laneOf(n) === l));
  const y = new Map();
  const columns = new Map(); // lane -> [col0 ids, col1 ids]
  const bary = (id, neighbours) => {
    const ys = neighbours.get(id).filter((p) => y.has(p)).map((p) => y.get(p));
    return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.POSITIVE_INFINITY;
  };
  const place = (ids) => ids.forEach((id, i) => y.set(id, (i - (ids.length - 1) / 2) * ROW_H));
  for (const lane of lanes) {
    const members = nodes.filter((n) => laneOf(n) === lane);
    const maxRank = Math.max(...members.map((n) => rank.get(n.id)));
    const cols = maxRank === 0 ? [[]] : [[], []];
    for (let r = 0; r <= maxRank; r++) {
      const atRank = members.filter((n) => rank.get(n.id) === r)
        .map((n) => ({ id: n.id, b: bary(n.id, preds), name: n.name, parent: n.parent && n.parent.id }))
        .sort((a, b) => (a.b - b.b) || a.name.localeCompare(b.name, 'zh'));
      // sub-segments right after their parent
      const ordered = [];
      for (const item of atRank.filter((x) => !x.parent || !atRank.some((o) => o.id === x.parent))) {
        ordered.push(item.id, ...atRank.filter((x) => x.parent === item.id).map((x) => x.id));
      }
      cols[r % cols.length].push(...ordered);
      cols.forEach(place);
    }
    columns.set(lane, cols);
  }
  // second pass for the first lane: follow the segments it feeds
  const first = columns.get(lanes[0]);
  if (first && lanes.length > 1) {
    first.forEach((col) => {
      // keep a parent and its sub-segments together, ordered by the group's best key
      const groupOf = (id) => { const p = byId.get(id).parent; return p && col.includes(p.id) ? p.id : id; };
      const groups = new Map();
      col.forEach((id, i) => {
        const g = groupOf(id);
        if (!groups.has(g)) groups.set(g, { key: Number.POSITIVE_INFINITY, i, ids: [] });
        const group = groups.get(g);
        group.ids.push(id);
        group.key = Math.min(group.key, bary(id, succs));
      });
      const order = [...groups.entries()].sort((a, b) => (a[1].key - b[1].key) || (a[1].i - b[1].i));
      col.splice(0, col.length, ...order.flatMap(([g, group]) => [g, ...group.ids.filter((id) => id !== g)]));
      place(col);
    });
  }
  const positions = new Map();
  let offset = 0;
  for (const lane of lanes) {
    const cols = columns.get(lane);
    if (vertical) {
      // a lane is a band: sub-columns become two rows, the order inside a column runs left to right
      cols.forEach((col, c) => col.forEach((id) => positions.set(id, { x: (y.get(id) / ROW_H) * (COL_W - 5) + (c === 1 ? COL_W / 2 : 0), y: offset + c * ROW_H })));
      offset += cols.length * ROW_H + LANE_GAP;
    } else {
      cols.forEach((col, c) => col.forEach((id) => positions.set(id, { x: offset + c * COL_W, y: y.get(id) + (c === 1 ? ROW_H / 4 : 0) })));
      offset += cols.length * COL_W + LANE_GAP;
    }
  }
  return positions;
}
