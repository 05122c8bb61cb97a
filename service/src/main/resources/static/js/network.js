// Network view: an entity's neighbourhood (GraphQL `network`), expanded node by node.
// Each expansion draws at most `limit` new neighbours; the rest wait behind a "+n more" node.
import { gql } from './api.js';
import { h, clear, hashFor } from './dom.js';
import { networkStyle, TYPE_COLOURS, TYPE_LABELS, TYPE_SHAPES, wrapLabel } from './style.js';
import { loadDetails, renderDetails } from './details.js';

const FETCH_LIMIT = 500; // neighbours asked for per expansion; beyond that the API says truncated
const LIMITS = [10, 20, 50];
const NETWORK = `query($id: ID!, $limit: Int!) { network(id: $id, depth: 1, limit: $limit) {
  truncated nodes { id type name depth } edges { id type source target } } }`;

export async function render(ctx) {
  const { route } = ctx;
  const startId = route.id;
  const limit = LIMITS.includes(Number(route.params.get('limit'))) ? Number(route.params.get('limit')) : LIMITS[0];
  const cy = ctx.graph(networkStyle());
  const known = new Map(); // id -> GraphNode from the API (drawn or waiting)
  const edgePool = new Map(); // id -> GraphEdge seen in any answer
  const waiting = new Map(); // expanded node id -> { rest: [GraphNode], truncated }
  const expanded = [];
  let selected = route.params.get('sel');

  legend(ctx);
  if (!startId) {
    ctx.toolbar();
    ctx.empty('Search for an entity above to draw its neighbourhood.');
    clear(ctx.panel, h('h2', {}, '网络 Network'), h('p', {}, 'Pick a search result: its neighbours are drawn. Click a node to show its details and expand it.'));
    return;
  }

  const limitSelect = h('select', { id: 'neighbour-limit', onchange: () => { location.hash = hashFor('network', startId, { limit: limitSelect.value }); } },
    LIMITS.map((n) => h('option', { value: n, selected: n === limit }, `${n}`)));
  ctx.toolbar(h('label', { for: 'neighbour-limit' }, 'Neighbours per expand '), limitSelect,
    h('button', { type: 'button', id: 'relayout', onclick: () => relayout(true) }, 'Re-layout'));

  function save() {
    ctx.setParams({ limit: limit === LIMITS[0] ? null : limit, expand: expanded.filter((id) => id !== startId), sel: selected });
  }

  function addNode(n) {
    if (cy.getElementById(n.id).nonempty()) return false;
    const near = cy.getElementById(n.via || '');
    const pos = near.nonempty() ? { x: near.position('x') + (Math.random() - 0.5) * 120, y: near.position('y') + (Math.random() - 0.5) * 120 } : { x: 0, y: 0 };
    cy.add({ group: 'nodes', data: { id: n.id, type: n.type, name: n.name, label: wrapLabel(n.name, 10), start: n.id === startId }, position: pos });
    return true;
  }

  function addEdges() {
    for (const e of edgePool.values()) {
      if (cy.getElementById(e.id).empty() && cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty()) {
        cy.add({ group: 'edges', data: { id: e.id, type: e.type, source: e.source, target: e.target, label: e.type } });
      }
    }
  }

  function updateMore(id) {
    const w = waiting.get(id);
    const moreId = `more:${id}`;
    cy.getElementById(moreId).remove();
    if (!w) return;
    const count = w.rest.length;
    if (count === 0 && !w.truncated) return;
    const base = cy.getElementById(id);
    cy.add({ group: 'nodes', data: { id: moreId, type: 'More', for: id, label: `+${count}${w.truncated ? '+' : ''} more`, name: `${count} more neighbours of ${base.data('name')}` },
      position: { x: base.position('x') + 60, y: base.position('y') - 50 } });
    cy.add({ group: 'edges', data: { id: `${moreId}:edge`, type: 'More', source: id, target: moreId } });
  }

  function reveal(id) {
    const w = waiting.get(id);
    if (!w) return 0;
    const batch = w.rest.splice(0, limit);
    let added = 0;
    for (const n of batch) if (addNode({ ...n, via: id })) added++;
    addEdges();
    updateMore(id);
    return added;
  }

  async function expand(id) {
    if (expanded.includes(id)) return;
    const data = await ctx.busy(gql(NETWORK, { id, limit: FETCH_LIMIT }), 'Expanding');
    if (!ctx.live()) return;
    const sg = data.network;
    for (const n of sg.nodes) if (!known.has(n.id)) known.set(n.id, n);
    for (const e of sg.edges) edgePool.set(e.id, e);
    const centre = sg.nodes.find((n) => n.depth === 0);
    if (centre) addNode(centre);
    const rest = interleave(sg.nodes.filter((n) => n.depth > 0 && cy.getElementById(n.id).empty()));
    waiting.set(id, { rest, truncated: sg.truncated });
    expanded.push(id);
    cy.getElementById(id).data('expanded', true);
    reveal(id);
  }

  function relayout(animate) {
    const layout = cy.layout({
      name: 'cose', animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 50, nodeRepulsion: () => 4500, gravity: 1.5, numIter: 1500,
    });
    layout.one('layoutstop', () => {
      // cose draws round shapes; the canvas is wide: flatten a tall drawing (up to 35 %) so labels stay readable
      const bb = cy.nodes().boundingBox();
      const target = cy.width() / Math.max(cy.height(), 1);
      const squash = Math.max(0.65, Math.min(1, (bb.w / Math.max(bb.h, 1)) / target));
      const cyY = (bb.y1 + bb.y2) / 2;
      cy.nodes().positions((n) => ({ x: n.position('x'), y: cyY + (n.position('y') - cyY) * squash }));
      if (animate) cy.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 250 });
      else cy.fit(undefined, 30);
    });
    layout.run();
    ctx.status(`${cy.nodes().filter((n) => n.data('type') !== 'More').length} nodes drawn · click a node to expand it`);
  }

  async function select(id, focus = false) {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    selected = id;
    cy.elements().unselect();
    node.select();
    save();
    const type = node.data('type');
    const expandButton = h('button', { type: 'button', id: 'expand-selected', disabled: expanded.includes(id),
      onclick: async () => { await expand(id).catch(() => {}); relayout(true); renderPanel(); save(); } },
    expanded.includes(id) ? 'Expanded' : 'Expand neighbours');
    const centre = h('a', { class: 'button-link', href: hashFor('network', id) }, 'Centre here');
    const detailBox = h('div', { class: 'details-box' }, h('p', { class: 'muted' }, 'Loading details…'));
    renderPanel(detailBox);
    try {
      const entity = await ctx.busy(loadDetails(type, id), 'Loading details');
      if (!ctx.live() || selected !== id) return;
      clear(detailBox, renderDetails(type, entity, [expandButton, id === startId ? null : centre].filter(Boolean)));
      if (focus) ctx.focusPanel();
    } catch (e) {
      clear(detailBox, h('p', { class: 'muted' }, 'Details could not be loaded (see the error above).'));
    }
  }

  let detailBoxRef = null;
  function renderPanel(detailBox = detailBoxRef) {
    detailBoxRef = detailBox;
    const nodes = cy.nodes().filter((n) => n.data('type') !== 'More').sort((a, b) => a.data('name').localeCompare(b.data('name'), 'zh'));
    const mores = cy.nodes('[type = "More"]');
    clear(ctx.panel,
      detailBox || h('p', { class: 'muted' }, 'Click a node to see its details and expand it.'),
      h('h3', {}, `In this drawing (${nodes.length})`),
      h('ul', { class: 'plain node-list' }, nodes.map((n) => h('li', {},
        h('button', { type: 'button', class: 'linklike', 'aria-pressed': n.id() === selected ? 'true' : 'false', onclick: () => activate(n.id(), true) },
          h('span', { class: `dot`, style: `background:${TYPE_COLOURS[n.data('type')]}` }), n.data('name')),
        n.data('expanded') ? h('span', { class: 'muted' }, ' · expanded') : null))),
      mores.length ? h('ul', { class: 'plain' }, mores.map((m) => h('li', {},
        h('button', { type: 'button', class: 'more-button', onclick: () => revealMore(m.data('for')) }, `${m.data('label')} of ${cy.getElementById(m.data('for')).data('name')}`)))) : null);
  }

  function revealMore(forId) {
    reveal(forId);
    relayout(true);
    renderPanel();
  }

  async function activate(id, focus) {
    const node = cy.getElementById(id);
    if (node.data('type') === 'More') { revealMore(node.data('for')); return; }
    const fresh = !expanded.includes(id);
    const details = select(id, focus);
    if (fresh) {
      try { await expand(id); } catch (e) { /* shown */ }
      const button = document.getElementById('expand-selected');
      if (button && selected === id && expanded.includes(id)) { button.disabled = true; button.textContent = 'Expanded'; }
      relayout(true);
      renderPanel();
      save();
    }
    await details;
  }

  cy.on('tap', 'node', (ev) => { activate(ev.target.id(), false); });

  ctx.exports(() => ({
    start: startId,
    nodes: cy.nodes().filter((n) => n.data('type') !== 'More').map((n) => ({ id: n.id(), type: n.data('type'), name: n.data('name') })),
    edges: cy.edges().filter((e) => e.data('type') !== 'More').map((e) => ({ id: e.id(), type: e.data('type'), source: e.data('source'), target: e.data('target') })),
    hidden: [...waiting.entries()].filter(([, w]) => w.rest.length || w.truncated).map(([id, w]) => ({ of: id, count: w.rest.length, truncated: w.truncated })),
  }));

  await expand(startId);
  for (const id of (route.params.get('expand') || '').split(',').filter(Boolean)) {
    if (!ctx.live()) return;
    if (cy.getElementById(id).empty() && known.has(id)) {
      // an expanded node may have been behind "+n more": reveal it
      addNode({ ...known.get(id) });
      addEdges();
    }
    if (cy.getElementById(id).nonempty()) await expand(id).catch(() => {});
  }
  relayout(false);
  renderPanel();
  await select(selected && cy.getElementById(selected).nonempty() ? selected : startId);
}

const TYPE_ORDER = ['Park', 'Chain', 'Platform', 'ChainNode', 'Enterprise'];

/** Neighbours in turns by type (parks, chains, platforms, segments, enterprises), so the first batch shows the structure. */
function interleave(nodes) {
  const byType = TYPE_ORDER.map((t) => nodes.filter((n) => n.type === t));
  byType.push(nodes.filter((n) => !TYPE_ORDER.includes(n.type)));
  const out = [];
  for (let i = 0; out.length < nodes.length; i++) for (const group of byType) if (i < group.length) out.push(group[i]);
  return out;
}

function legend(ctx) {
  ctx.legend(Object.entries(TYPE_LABELS).map(([type, label]) => h('span', { class: 'legend-item' },
    h('span', { class: `swatch shape-${TYPE_SHAPES[type]}`, style: `background:${TYPE_COLOURS[type]}` }), label)),
  h('span', { class: 'legend-item muted' }, 'Double border: expanded · “+n more”: click to draw more'));
}
