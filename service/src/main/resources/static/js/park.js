// Park view: a park with its sub-parks, platforms and enterprises, the coverage of each focus chain,
// and optionally a second park side by side (compareParks on every chain either park focuses on), with
// segment by segment what one park holds that the other lacks.
import { gql } from './api.js';
import { h, clear, hashFor, entityLink, facts, list, pct } from './dom.js';
import { GAP_STYLES, parkStyle, STAGE_LABELS, wrapLabel } from './style.js';

const ENTERPRISES_SHOWN = 60;
const PARK = `query($id: ID!, $first: Int!) { park(id: $id) {
  id name aliases kind region description source parent { id name }
  subParks { id name platforms { id name kind level } subParks { id name } }
  platforms { id name kind level }
  enterprises(first: $first) { totalCount edges { node { id name tags park { id } } } }
  focusChains { priority chain { id name } } } }`;
const PARKS = `{ parks(includeSubParks: true) { id name } }`;

// Comparing two parks: every segment with each park's count and kind, and what each alone holds.
const SEGMENT_FIELDS = 'segments { node { id name } localCount kind } heldOnlyHere { id }';

function compareQuery(chainIds, comparing) {
  const vars = chainIds.map((_, i) => `$c${i}: ID!`).join(', ');
  const fields = chainIds.map((_, i) => `c${i}: compareParks(parkIds: $parks, chainId: $c${i}) {
    park { id name } coverage localEnterprises counts { segments present missing broken weak }
    enterprisesByStage { stage enterprises } ${comparing ? SEGMENT_FIELDS : ''} }`).join('\n');
  return `query($parks: [ID!]!${vars ? ', ' + vars : ''}) { ${fields || '__typename'} }`;
}

export async function render(ctx) {
  const { route } = ctx;
  const parkId = route.id;
  const compareId = route.params.get('compare') || null;
  const all = await ctx.busy(gql(PARKS), 'Loading parks');
  if (!ctx.live()) return;

  const parkSelect = h('select', { id: 'park-view-select' }, h('option', { value: '' }, '— choose —'),
    all.parks.map((p) => h('option', { value: p.id, selected: p.id === parkId }, p.name)));
  const compareSelect = h('select', { id: 'compare-select' }, h('option', { value: '' }, '— none —'),
    all.parks.filter((p) => p.id !== parkId).map((p) => h('option', { value: p.id, selected: p.id === compareId }, p.name)));
  const go = () => { location.hash = hashFor('park', parkSelect.value || null, { compare: compareSelect.value || null }); };
  parkSelect.addEventListener('change', go);
  compareSelect.addEventListener('change', go);
  ctx.toolbar(h('label', { for: 'park-view-select' }, '园区 Park'), parkSelect,
    h('label', { for: 'compare-select' }, '对比 Compare with'), compareSelect);
  const cy = ctx.graph(parkStyle());

  if (!parkId) {
    ctx.empty('Choose a park in the toolbar.');
    clear(ctx.panel, h('h2', {}, '园区 Park view'), h('p', {}, 'A park with its sub-parks, platforms, enterprises and the coverage of each chain it focuses on; pick a second park to compare them side by side.'));
    return;
  }

  const ids = compareId ? [parkId, compareId] : [parkId];
  const parks = await ctx.busy(Promise.all(ids.map((id) => gql(PARK, { id, first: ENTERPRISES_SHOWN }).then((d) => d.park))), 'Loading park');
  if (!ctx.live()) return;
  const missing = ids.filter((id, i) => !parks[i]);
  if (missing.length) {
    ctx.empty(`No park with id ${missing.map((m) => `“${m}”`).join(', ')}.`);
    clear(ctx.panel, h('p', {}, `No park with id ${missing.join(', ')}. Choose one in the toolbar.`));
    return;
  }
  const chains = [];
  for (const p of parks) for (const fc of p.focusChains) if (!chains.some((c) => c.id === fc.chain.id)) chains.push(fc.chain);
  const comparison = chains.length
    ? await ctx.busy(gql(compareQuery(chains.map((c) => c.id), ids.length > 1), Object.fromEntries([['parks', ids], ...chains.map((c, i) => [`c${i}`, c.id])])), 'Loading coverage')
    : {};
  if (!ctx.live()) return;
  const coverage = (chainIndex, parkIndex) => comparison[`c${chainIndex}`][parkIndex];

  draw(cy, parks, chains, coverage);
  ctx.status(parks.map((p) => `${p.name}: ${p.enterprises.totalCount} enterprises`).join(' · '));
  ctx.legend(h('span', { class: 'legend-item muted' }, 'Hexagon: park · rectangle: enterprise · diamond: platform · star: focus chain (edge label: coverage) · click a node for its network view'));
  cy.on('tap', 'node', (ev) => { location.hash = hashFor('network', ev.target.id()); });

  ctx.exports(() => ({
    parks: parks.map((p) => ({ id: p.id, name: p.name })),
    coverage: chains.map((c, i) => ({ chain: c, parks: ids.map((_, j) => coverage(i, j)) })),
    nodes: cy.nodes().map((n) => ({ id: n.id(), type: n.data('type'), name: n.data('name') })),
    edges: cy.edges().map((e) => ({ id: e.id(), type: e.data('type'), source: e.data('source'), target: e.data('target') })),
  }));

  const main = parks[0];
  clear(ctx.panel,
    h('p', { class: 'type-badge type-Park' }, '园区 Park'),
    h('h2', {}, main.name),
    main.aliases.length ? h('p', { class: 'aliases' }, '别名 Aliases: ', main.aliases.join(' · ')) : null,
    facts([['Kind', main.kind], ['Region', main.region], ['Part of', main.parent && entityLink(main.parent)],
      ['Enterprises', `${main.enterprises.totalCount} (incl. sub-parks)`], ['Source', main.source]]),
    main.description ? h('p', { class: 'desc' }, main.description) : null,
    h('h3', {}, compareId ? `对比 ${parks[0].name} vs ${parks[1].name}` : '重点产业链 Focus chains'),
    chains.length ? chains.map((c, i) => coverageCard(c, i, parks, coverage)) : h('p', { class: 'muted' }, 'No focus chains.'),
    h('h3', {}, `Sub-parks (${main.subParks.length})`), list(main.subParks, (s) => [entityLink(s), ' ', h('a', { href: hashFor('park', s.id) }, 'park view')]),
    h('h3', {}, `Platforms (${main.platforms.length + main.subParks.reduce((a, s) => a + s.platforms.length, 0)})`),
    list([...main.platforms, ...main.subParks.flatMap((s) => s.platforms)], (p) => [entityLink(p), ` · ${[p.kind, p.level].filter(Boolean).join(' · ')}`]),
    h('h3', {}, `Enterprises (${main.enterprises.totalCount})`),
    list(main.enterprises.edges.map((e) => e.node), (e) => [entityLink(e), e.tags.length ? h('span', { class: 'muted' }, ` · ${e.tags.join(', ')}`) : '']),
    main.enterprises.totalCount > ENTERPRISES_SHOWN ? h('p', { class: 'muted' }, `First ${ENTERPRISES_SHOWN} drawn and listed.`) : null);
}

function coverageCard(chain, i, parks, coverage) {
  const rows = parks.map((p, j) => coverage(i, j));
  const cell = (fn) => rows.map((r) => h('td', {}, fn(r)));
  return h('section', { class: 'coverage-card' },
    h('h4', {}, h('a', { href: hashFor('chain', chain.id, { park: parks[0].id }) }, chain.name)),
    h('table', { class: 'compare' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), parks.map((p) => h('th', { scope: 'col' }, h('a', { href: hashFor('chain', chain.id, { park: p.id }), title: 'chain view with this park' }, p.name))))),
      h('tbody', {},
        h('tr', {}, h('th', { scope: 'row' }, 'Coverage'), cell((r) => [pct(r.coverage), ' ', h('meter', { min: 0, max: 1, value: r.coverage, 'aria-hidden': 'true' })])),
        h('tr', {}, h('th', { scope: 'row' }, 'Held / segments'), cell((r) => `${r.counts.present} / ${r.counts.segments}`)),
        h('tr', { class: 'row-broken' }, h('th', { scope: 'row' }, '断链 Broken'), cell((r) => r.counts.broken)),
        h('tr', {}, h('th', { scope: 'row' }, '缺链 Missing'), cell((r) => r.counts.missing)),
        h('tr', {}, h('th', { scope: 'row' }, '弱链 Weak'), cell((r) => r.counts.weak)),
        h('tr', {}, h('th', { scope: 'row' }, 'Local enterprises'), cell((r) => r.localEnterprises)),
        ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'].map((stage) => h('tr', {}, h('th', { scope: 'row' }, STAGE_LABELS[stage]),
          cell((r) => (r.enterprisesByStage.find((s) => s.stage === stage) || { enterprises: 0 }).enterprises))))),
    parks.length === 2 ? segmentDiff(chain, parks, rows) : null);
}

const segments = (n) => `${n} segment${n === 1 ? '' : 's'}`;

/**
 * Two parks segment by segment, in chain order: each park's local count and gap kind, and which park alone
 * holds the segment (heldOnlyHere of compareParks); a summary line of how many each alone holds above.
 */
function segmentDiff(chain, parks, rows) {
  const [a, b] = parks.map((p) => p.name);
  const only = rows.map((r) => new Set(r.heldOnlyHere.map((n) => n.id)));
  const counts = rows.map((r) => new Map(r.segments.map((s) => [s.node.id, s])));
  const held = (j, id) => (counts[j].get(id) || { localCount: 0 }).localCount > 0;
  const status = (j, id) => {
    const s = counts[j].get(id) || { localCount: 0, kind: null };
    return [h('span', { class: 'count' }, s.localCount),
      s.kind ? h('span', { class: `gap-kind kind-${s.kind}`, title: GAP_STYLES[s.kind].help }, GAP_STYLES[s.kind].label) : null];
  };
  const difference = (id) => {
    const j = [0, 1].find((k) => only[k].has(id));
    if (j === undefined) return '';
    const name = parks[j].name;
    return [h('span', { lang: 'zh' }, `仅 ${name} 有`), ' ', h('span', { class: 'en' }, `Only ${name} holds`)];
  };
  const rowClass = (id) => {
    if (held(0, id) && !held(1, id)) return 'only-first';
    if (held(1, id) && !held(0, id)) return 'only-second';
    return null;
  };
  return [
    h('p', { class: 'segment-diff-summary' },
      h('span', { lang: 'zh' }, `${a} 有而 ${b} 缺 ${only[0].size} 个环节 · ${b} 有而 ${a} 缺 ${only[1].size} 个环节`), ' ',
      h('span', { class: 'en' }, `${a} holds ${segments(only[0].size)} ${b} lacks · ${b} holds ${segments(only[1].size)} ${a} lacks`)),
    h('table', { class: 'compare segment-diff', dataset: { chain: chain.id } },
      h('colgroup', {}, h('col', { class: 'segment' }), parks.map(() => h('col', { class: 'park' })), h('col', { class: 'difference' })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '环节 Segment'), parks.map((p) => h('th', { scope: 'col' }, p.name)),
        h('th', { scope: 'col' }, '差异 Difference'))),
      h('tbody', {}, rows[0].segments.map(({ node }) => h('tr', { class: rowClass(node.id), dataset: { node: node.id } },
        h('th', { scope: 'row' }, h('a', { href: hashFor('chain', chain.id, { park: parks[0].id, node: node.id }), title: node.id }, node.name)),
        h('td', {}, status(0, node.id)), h('td', {}, status(1, node.id)),
        h('td', { class: 'difference' }, difference(node.id)))))),
  ];
}

const CELL_W = 140;
const CELL_H = 76;
const COLS = 4;

/**
 * Each park is a box holding its platforms and enterprises in a grid, its sub-parks as boxes inside it;
 * its focus chains stand beside it (between the two parks when comparing), the edge labelled with coverage.
 */
function draw(cy, parks, chains, coverage) {
  const els = [];
  const seen = new Set();
  const node = (id, type, name, extra = {}, classes = '') => {
    if (seen.has(id)) return false;
    seen.add(id);
    els.push({ group: 'nodes', data: { id, type, name, label: classes.includes('parkbox') ? name : wrapLabel(name, 9), ...extra }, classes });
    return true;
  };
  const edge = (type, source, target, label) => els.push({ group: 'edges', data: { id: `${type}:${source}->${target}`, type, source, target, label } });
  let x0 = 0;
  const boxes = [];
  parks.forEach((p, j) => {
    if (!node(p.id, 'Park', p.name, {}, 'parkbox')) return;
    const subIds = new Set(p.subParks.map((s) => s.id));
    const grid = (members, parent, top) => {
      members.forEach((m, i) => {
        if (node(m.id, m.type, m.name, { parent }, 'member')) {
          els[els.length - 1].position = { x: x0 + (i % COLS) * CELL_W, y: top + Math.floor(i / COLS) * CELL_H };
        }
      });
      return top + Math.ceil(members.length / COLS) * CELL_H;
    };
    const own = [
      ...p.platforms.map((pl) => ({ ...pl, type: 'Platform' })),
      ...p.enterprises.edges.map((e) => e.node).filter((e) => !(e.park && subIds.has(e.park.id))).map((e) => ({ ...e, type: 'Enterprise' })),
    ];
    let y = grid(own, p.id, 0);
    for (const s of p.subParks) {
      if (!node(s.id, 'Park', s.name, { parent: p.id }, 'parkbox sub')) continue;
      const members = [
        ...s.platforms.map((pl) => ({ ...pl, type: 'Platform' })),
        ...p.enterprises.edges.map((e) => e.node).filter((e) => e.park && e.park.id === s.id).map((e) => ({ ...e, type: 'Enterprise' })),
        ...s.subParks.map((ss) => ({ ...ss, type: 'Park' })),
      ];
      y = grid(members.length ? members : [{ id: `${s.id}:empty`, type: 'More', name: 'no entries' }], s.id, y + 50);
    }
    boxes.push({ park: p, x: x0, height: y });
    x0 += COLS * CELL_W + (parks.length > 1 && j === 0 ? 240 : 0);
  });
  const chainX = parks.length > 1 ? (COLS * CELL_W) + 240 / 2 - CELL_W / 2 : COLS * CELL_W + 180;
  const height = Math.max(...boxes.map((b) => b.height), CELL_H);
  chains.forEach((c, i) => {
    node(c.id, 'Chain', c.name);
    els[els.length - 1].position = { x: chainX, y: height / 2 + (i - (chains.length - 1) / 2) * 110 };
    parks.forEach((p, j) => {
      if (p.focusChains.some((fc) => fc.chain.id === c.id) && seen.has(p.id)) edge('FOCUSES_ON', p.id, c.id, `覆盖 ${pct(coverage(i, j).coverage)}`);
    });
  });
  cy.add(els);
  cy.layout({ name: 'preset', fit: true, padding: 24 }).run();
}
