// The side panel's entity details: one query per entity type, rendered with links to other views.
import { gql } from './api.js';
import { h, facts, list, entityLink, hashFor, joinNodes } from './dom.js';
import { TYPE_LABELS, STAGE_LABELS } from './style.js';

const QUERIES = {
  Park: `query($id: ID!) { entity: park(id: $id) {
    id name aliases kind region description source
    parent { id name } subParks { id name }
    platforms { id name kind level }
    enterprises(first: 10) { totalCount edges { node { id name } } }
    focusChains { priority chain { id name } } } }`,
  Enterprise: `query($id: ID!) { entity: enterprise(id: $id) {
    id name aliases creditCode region tags founded employees revenue description source
    park { id name }
    chainNodes { weight confidence node { id name stage chain { id name } } }
    suppliers { product since enterprise { id name } }
    customers { product since enterprise { id name } }
    platforms { kind platform { id name } } } }`,
  Platform: `query($id: ID!) { entity: platform(id: $id) {
    id name aliases kind level description source park { id name }
    links { kind since enterprise { id name } chainNode { id name chain { id } } } } }`,
  Chain: `query($id: ID!) { entity: chain(id: $id) { id name aliases description source nodes { id name stage } } }`,
  ChainNode: `query($id: ID!) { entity: chainNode(id: $id) {
    id name aliases stage description source
    chain { id name } parent { id name } children { id name }
    upstream { id name } downstream { id name }
    platforms { id name }
    enterprisesByPark { count park { id name } } } }`,
};

export async function loadDetails(type, id) {
  const query = QUERIES[type];
  if (!query) return null;
  const data = await gql(query, { id });
  return data.entity;
}

function chainLink(chain, park, text) {
  return h('a', { class: 'button-link', href: hashFor('chain', chain.id, { park: park && park.id }) },
    text || `产业链视图 Chain view: ${chain.name}${park ? ' · ' + park.name : ''}`);
}

/** Renders an entity's details; `actions` are extra elements (buttons) placed under the title. */
export function renderDetails(type, e, actions = []) {
  if (!e) return h('p', { class: 'muted' }, 'This entity no longer exists.');
  const head = [
    h('p', { class: `type-badge type-${type}` }, TYPE_LABELS[type] || type),
    h('h2', { id: 'details-title' }, e.name),
    e.aliases && e.aliases.length ? h('p', { class: 'aliases' }, '别名 Aliases: ', e.aliases.join(' · ')) : null,
    actions.length ? h('div', { class: 'actions' }, actions) : null,
  ];
  let body = [];
  switch (type) {
    case 'Park':
      body = [
        facts([['Kind', e.kind], ['Region', e.region], ['Part of', e.parent && entityLink(e.parent)], ['Source', e.source]]),
        e.description ? h('p', { class: 'desc' }, e.description) : null,
        h('div', { class: 'actions' },
          h('a', { class: 'button-link', href: hashFor('park', e.id) }, '园区视图 Park view'),
          e.focusChains.map((fc) => chainLink(fc.chain, e))),
        h('h3', {}, `Sub-parks (${e.subParks.length})`), list(e.subParks, entityLink),
        h('h3', {}, `Platforms (${e.platforms.length})`),
        list(e.platforms, (p) => [entityLink(p), ` · ${p.kind || ''} ${p.level || ''}`]),
        h('h3', {}, `Enterprises (${e.enterprises.totalCount}, incl. sub-parks)`),
        list(e.enterprises.edges.map((x) => x.node), entityLink),
        e.enterprises.totalCount > e.enterprises.edges.length
          ? h('p', { class: 'muted' }, `… and ${e.enterprises.totalCount - e.enterprises.edges.length} more (see the park view)`) : null,
      ];
      break;
    case 'Enterprise':
      body = [
        facts([
          ['Park', e.park && entityLink(e.park)], ['Region', e.region], ['Tags', e.tags.join(', ')],
          ['Founded', e.founded], ['Employees', e.employees && e.employees.toLocaleString()],
          ['Revenue', e.revenue != null ? `${e.revenue} 亿元` : null], ['Credit code', e.creditCode], ['Source', e.source],
        ]),
        e.description ? h('p', { class: 'desc' }, e.description) : null,
        h('h3', {}, '挂链 Works in'),
        list(e.chainNodes, (l) => [entityLink(l.node), ` (${l.node.chain.name}`,
          l.weight != null ? `, weight ${l.weight}` : '', l.confidence != null ? `, confidence ${l.confidence}` : '', ') ',
          h('a', { href: hashFor('chain', l.node.chain.id, { park: e.park && e.park.id, node: l.node.id }) }, 'in chain')]),
        h('h3', {}, 'Suppliers'), list(e.suppliers, (s) => [entityLink(s.enterprise), s.product ? ` · ${s.product}` : '']),
        h('h3', {}, 'Customers'), list(e.customers, (s) => [entityLink(s.enterprise), s.product ? ` · ${s.product}` : '']),
        h('h3', {}, 'Platforms'), list(e.platforms, (p) => [entityLink(p.platform), ` · ${p.kind}`]),
      ];
      break;
    case 'Platform':
      body = [
        facts([['Kind', e.kind], ['Level', e.level], ['Park', e.park && entityLink(e.park)], ['Source', e.source]]),
        e.description ? h('p', { class: 'desc' }, e.description) : null,
        h('h3', {}, 'Links'),
        list(e.links, (l) => [`${l.kind} → `, entityLink(l.enterprise || l.chainNode)]),
      ];
      break;
    case 'Chain':
      body = [
        e.description ? h('p', { class: 'desc' }, e.description) : null,
        h('div', { class: 'actions' }, chainLink(e, null)),
        h('h3', {}, `Segments (${e.nodes.length})`),
        list(e.nodes, (n) => [entityLink(n), ` · ${STAGE_LABELS[n.stage || 'NONE']}`]),
      ];
      break;
    case 'ChainNode':
      body = [
        facts([
          ['Stage', STAGE_LABELS[e.stage || 'NONE']], ['Chain', entityLink(e.chain)], ['Part of', e.parent && entityLink(e.parent)],
          ['Sub-segments', e.children.length ? joinNodes(e.children.map(entityLink)) : null],
          ['Fed by', e.upstream.length ? joinNodes(e.upstream.map(entityLink)) : null],
          ['Feeds', e.downstream.length ? joinNodes(e.downstream.map(entityLink)) : null],
          ['Platforms', e.platforms.length ? joinNodes(e.platforms.map(entityLink)) : null],
          ['Source', e.source],
        ]),
        e.description ? h('p', { class: 'desc' }, e.description) : null,
        h('div', { class: 'actions' }, chainLink(e.chain, null)),
        h('h3', {}, 'Enterprises by park'),
        list(e.enterprisesByPark, (g) => [g.park ? entityLink(g.park) : 'no park', `: ${g.count} `,
          g.park ? h('a', { href: hashFor('chain', e.chain.id, { park: g.park.id, node: e.id }) }, 'gaps') : null]),
      ];
      break;
    default:
      body = [];
  }
  return h('div', { class: 'details' }, head, body);
}
