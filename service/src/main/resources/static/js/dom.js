// Tiny DOM helpers: elements are built with textContent only, so names from the graph are never parsed as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function hashFor(view, id, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) {
      query.set(k, Array.isArray(v) ? v.join(',') : v);
    }
  }
  const q = query.toString();
  return `#/${view}${id ? '/' + encodeURIComponent(id) : ''}${q ? '?' + q : ''}`;
}

/** A link to the network view of an entity. */
export function entityLink(entity) {
  if (!entity) return '—';
  return h('a', { href: hashFor('network', entity.id), title: entity.id }, entity.name);
}

/** A definition list from [label, value] pairs, skipping empty values. */
export function facts(pairs) {
  const dl = h('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    dl.append(h('dt', {}, label), h('dd', {}, value));
  }
  return dl;
}

export function list(items, render, emptyText = 'none') {
  if (!items || items.length === 0) return h('p', { class: 'muted' }, emptyText);
  return h('ul', { class: 'plain' }, items.map((item) => h('li', {}, render(item))));
}

export function joinNodes(nodes, sep = ', ') {
  const out = [];
  nodes.forEach((n, i) => { if (i) out.push(sep); out.push(n); });
  return out;
}

export function pct(x) {
  return `${Math.round(x * 1000) / 10}%`;
}

export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
