// Review view: ingested documents with the names found in them highlighted, and their proposals
// (and the chain segments proposed after imports) to accept or reject with an EDITOR token.
// Routes: #/review (the queue)   #/review/DOCUMENT
import { gql } from './api.js';
import { h, clear, hashFor } from './dom.js';

const KIND_LABELS = {
  MENTION: '提及 Mention',
  NEW_ENTITY: '新实体 New entity',
  IN_PARK: '入驻 In park',
  COUNT: '数量 Count',
  CHAIN: '链 Chain',
  SEGMENT: '环节建议 Segment',
};
const STATUS_LABELS = { PENDING: '待审核 Pending', ACCEPTED: '已接受 Accepted', REJECTED: '已拒绝 Rejected' };
const PROPOSAL = `id kind status confidence subject { id name type } object { id name type } count value
  sentence start end rule field reviewedBy reason`;
const DOCUMENTS = `{ documents(first: 100) { edges { node { id title fileName ingestedAt } } }
  segments: proposals(kind: SEGMENT, status: PENDING, first: 50) { edges { node { ${PROPOSAL} } } pageInfo { hasNextPage } } }`;
const DOCUMENT = `query($id: ID!) { document(id: $id) { id title fileName ingestedAt text proposals { ${PROPOSAL} } } }`;
const ACCEPT = `mutation($id: ID!) { acceptProposal(id: $id) { ${PROPOSAL} } }`;
const REJECT = `mutation($id: ID!, $reason: String) { rejectProposal(id: $id, reason: $reason) { ${PROPOSAL} } }`;
const TOKEN_KEY = 'chaingraph.editorToken';

const $ = (id) => document.getElementById(id);

/** The document's text with each mention (a MENTION or NEW_ENTITY span) marked, paragraph by paragraph. */
function markedText(text, proposals) {
  const spans = proposals.filter((p) => p.kind === 'MENTION' || p.kind === 'NEW_ENTITY')
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts = [];
  let at = 0;
  for (const p of spans) {
    if (p.start < at) continue; // overlapping: the first (longest) wins
    parts.push(text.slice(at, p.start));
    parts.push(h('mark', { class: `mention kind-${p.kind}`, dataset: { proposal: p.id }, title: `${KIND_LABELS[p.kind]} · ${p.subject.type}` },
      text.slice(p.start, p.end)));
    at = p.end;
  }
  parts.push(text.slice(at));
  // one paragraph a line
  const paragraphs = [];
  let current = [];
  for (const part of parts) {
    if (typeof part === 'string' && part.includes('\n')) {
      const lines = part.split('\n');
      current.push(lines[0]);
      for (const line of lines.slice(1)) { paragraphs.push(current); current = [line]; }
    } else {
      current.push(part);
    }
  }
  paragraphs.push(current);
  return h('div', { id: 'review-text', class: 'review-text' }, paragraphs.map((p) => h('p', {}, p)));
}

function what(p) {
  const subject = p.subject ? p.subject.name : '';
  switch (p.kind) {
    case 'IN_PARK': return `${subject} → ${p.object ? p.object.name : ''}`;
    case 'COUNT': return `${subject}: ${p.count} ${p.value || ''}`;
    case 'CHAIN': return `${subject}: ${p.value || ''}`;
    case 'SEGMENT': return `${subject} → ${p.object ? p.object.name : ''}`;
    default: return `${subject} (${p.subject ? p.subject.type : ''}${p.subject && p.subject.id ? '' : ', 图谱中尚无 not in the graph'})`;
  }
}

function tokenBox() {
  const input = h('input', { id: 'review-token', type: 'password', autocomplete: 'off', value: sessionStorage.getItem(TOKEN_KEY) || '',
    placeholder: 'EDITOR token' });
  input.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, input.value.trim()));
  return h('p', { class: 'token' }, h('label', { for: 'review-token' }, '编辑令牌 Editor token '), input,
    h('br'), h('span', { class: 'muted' }, 'Accepting and rejecting need an EDITOR token; it stays in this tab only.'));
}

function proposalRow(ctx, p, onChange) {
  const status = h('span', { class: `status status-${p.status}` }, STATUS_LABELS[p.status] || p.status);
  const buttons = h('span', { class: 'actions' });
  const act = async (accept) => {
    const token = ($('review-token') && $('review-token').value.trim()) || sessionStorage.getItem(TOKEN_KEY);
    if (!token) { ctx.status('Enter an EDITOR token first / 请先输入编辑令牌'); $('review-token').focus(); return; }
    sessionStorage.setItem(TOKEN_KEY, token);
    let reason = null;
    if (!accept) {
      reason = window.prompt('拒绝理由 Reason for rejecting (optional)', '') ;
      if (reason === null) return;
    }
    try {
      const data = await ctx.busy(accept ? gql(ACCEPT, { id: p.id }, token) : gql(REJECT, { id: p.id, reason: reason || null }, token),
        accept ? 'Accepting' : 'Rejecting');
      const updated = accept ? data.acceptProposal : data.rejectProposal;
      ctx.status(`${STATUS_LABELS[updated.status]}: ${what(updated)}`);
      onChange(updated);
    } catch (e) { /* shown by busy() */ }
  };
  if (p.status === 'PENDING') {
    buttons.append(
      h('button', { type: 'button', class: 'accept', onclick: () => act(true) }, '接受 Accept'),
      h('button', { type: 'button', class: 'reject', onclick: () => act(false) }, '拒绝 Reject'));
  }
  return h('li', { class: `proposal proposal-${p.kind}`, dataset: { proposal: p.id, kind: p.kind, status: p.status } },
    h('div', {}, h('strong', {}, KIND_LABELS[p.kind] || p.kind), ' ', what(p), ' ',
      h('span', { class: 'muted' }, `${Math.round(p.confidence * 100)}%`)),
    p.rule ? h('div', { class: 'muted' }, `规则 Rule: ${p.rule}${p.field ? ` (${p.field})` : ''}`) : null,
    h('div', { class: 'evidence' }, p.sentence.slice(0, p.start), h('mark', {}, p.sentence.slice(p.start, p.end)), p.sentence.slice(p.end)),
    h('div', {}, status, ' ', buttons, p.reason ? h('span', { class: 'muted' }, ` ${p.reason}`) : null));
}

function proposalList(ctx, proposals) {
  // a reviewed proposal's row is replaced by its new state; the others stay as they are
  const row = (p) => {
    const li = proposalRow(ctx, p, (updated) => li.replaceWith(row(updated)));
    return li;
  };
  return h('ul', { class: 'plain proposals', id: 'review-proposals' }, proposals.map(row));
}

export async function render(ctx) {
  const { route } = ctx;
  ctx.graph([]);
  ctx.toolbar(h('a', { href: hashFor('review') }, '全部文档 All documents'));
  const home = $('home');
  home.hidden = false;
  if (!route.id) {
    clear(home, h('h2', {}, '审核 Review: 文档与建议 documents and proposals'), h('p', { class: 'muted' }, 'Loading…'));
    const data = await ctx.busy(gql(DOCUMENTS), 'Loading documents');
    if (!ctx.live()) return;
    const docs = data.documents.edges.map((e) => e.node);
    const segments = data.segments.edges.map((e) => e.node);
    clear(home, h('h2', {}, '审核 Review: 文档与建议 documents and proposals'),
      docs.length === 0
        ? h('p', { class: 'muted' }, '尚无文档 No document yet: ingest news and policy texts with the ingest command or POST /api/documents.')
        : h('ul', { class: 'plain', id: 'review-documents' }, docs.map((d) => h('li', {},
          h('a', { href: hashFor('review', d.id) }, d.title), ' ', h('span', { class: 'muted' }, `${d.fileName || ''} · ${d.ingestedAt.slice(0, 10)}`)))));
    clear(ctx.panel, h('h2', {}, '环节建议 Segment proposals'),
      h('p', { class: 'muted' }, 'Enterprises without a chain segment, with the segment a rule proposes (after each import).'),
      tokenBox(),
      segments.length === 0 ? h('p', { class: 'muted' }, 'None pending / 暂无待审核') : proposalList(ctx, segments),
      data.segments.pageInfo.hasNextPage ? h('p', { class: 'muted' }, 'More in GraphQL: proposals(kind: SEGMENT, status: PENDING).') : null);
    return;
  }
  clear(home, h('p', { class: 'muted' }, 'Loading the document…'));
  const data = await ctx.busy(gql(DOCUMENT, { id: route.id }), 'Loading the document');
  if (!ctx.live()) return;
  const doc = data.document;
  if (!doc) {
    clear(home, h('p', {}, `No document with id “${route.id}”.`), h('a', { href: hashFor('review') }, 'All documents'));
    clear(ctx.panel);
    return;
  }
  clear(home, h('h2', { id: 'review-title' }, doc.title),
    h('p', { class: 'muted' }, `${doc.fileName || ''} · ${doc.ingestedAt.slice(0, 10)} · ${doc.proposals.length} 条建议 proposals`),
    markedText(doc.text, doc.proposals));
  const pending = doc.proposals.filter((p) => p.status === 'PENDING').length;
  clear(ctx.panel, h('h2', {}, '建议 Proposals'),
    h('p', { class: 'muted' }, `${pending} 条待审核 pending. Nothing a document says changes the graph until an editor accepts it.`),
    tokenBox(), proposalList(ctx, doc.proposals));
}
