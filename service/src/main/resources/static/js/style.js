// Colours, labels and the Cytoscape stylesheet shared by every view.

export const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", '
  + '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export const TYPE_COLOURS = {
  Park: '#2b6cb0',
  Enterprise: '#2f855a',
  Platform: '#6b46c1',
  Chain: '#744210',
  ChainNode: '#c05621',
  More: '#718096',
};

export const TYPE_LABELS = {
  Park: '园区 Park',
  Enterprise: '企业 Enterprise',
  Platform: '平台 Platform',
  Chain: '产业链 Chain',
  ChainNode: '环节 Segment',
};

export const TYPE_SHAPES = {
  Park: 'round-hexagon',
  Enterprise: 'round-rectangle',
  Platform: 'diamond',
  Chain: 'star',
  ChainNode: 'ellipse',
  More: 'round-tag',
};

// Gap kinds (docs/design.md, "Gap semantics") and a covered segment. Fill, border and text colours.
export const GAP_STYLES = {
  BROKEN: { fill: '#c53030', border: '#742a2a', text: '#ffffff', label: '断链 BROKEN', help: 'no local enterprise, but held on both sides: the chain is cut' },
  MISSING: { fill: '#edf2f7', border: '#4a5568', text: '#1a202c', label: '缺链 MISSING', help: 'no local enterprise' },
  WEAK: { fill: '#f6ad55', border: '#9c4221', text: '#1a202c', label: '弱链 WEAK', help: 'fewer local enterprises than the threshold' },
  OK: { fill: '#68d391', border: '#276749', text: '#1a202c', label: '已覆盖 covered', help: 'enough local enterprises' },
};

/**
 * Cytoscape wraps labels only at spaces; Chinese names have none. Break them every `per` characters
 * (at most `lines` lines, then an ellipsis); names with spaces are left to Cytoscape's own wrapping.
 */
export function wrapLabel(name, per = 9, lines = 2) {
  if (!name || name.includes(' ') || name.length <= per) return name;
  const chars = [...name];
  const out = [];
  for (let i = 0; i < chars.length && out.length < lines; i += per) out.push(chars.slice(i, i + per).join(''));
  if (chars.length > per * lines) out[lines - 1] = out[lines - 1].slice(0, per - 1) + '…';
  return out.join('\n');
}

export const STAGES = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];
export const STAGE_LABELS = { UPSTREAM: '上游 Upstream', MIDSTREAM: '中游 Midstream', DOWNSTREAM: '下游 Downstream', NONE: '未分段 No stage' };

const base = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 13,
      'text-wrap': 'wrap',
      'text-max-width': 120,
      color: '#1a202c',
      'min-zoomed-font-size': 6,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#a0aec0',
      'target-arrow-color': '#a0aec0',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'arrow-scale': 1.1,
      'font-family': FONT,
      'font-size': 10,
      color: '#4a5568',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#d69e2e', 'overlay-opacity': 0 } },
  { selector: 'edge:selected', style: { width: 3, 'line-color': '#d69e2e', 'target-arrow-color': '#d69e2e' } },
];

export function networkStyle() {
  return [
    ...base,
    {
      selector: 'node[type]',
      style: {
        'background-color': (n) => TYPE_COLOURS[n.data('type')] || '#718096',
        shape: (n) => TYPE_SHAPES[n.data('type')] || 'ellipse',
        width: 34,
        height: 34,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-max-width': 100,
        'font-size': 13,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 2,
        'text-background-shape': 'round-rectangle',
      },
    },
    { selector: 'node[?start]', style: { width: 48, height: 48, 'font-weight': 'bold', 'font-size': 15 } },
    { selector: 'node[type = "Enterprise"]', style: { width: 28, height: 28 } },
    { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#1a202c', 'border-style': 'double' } },
    {
      selector: 'node[type = "More"]',
      style: {
        width: 84, height: 24, shape: 'round-rectangle', 'background-color': '#edf2f7',
        'border-width': 1, 'border-style': 'dashed', 'border-color': '#4a5568', 'text-valign': 'center',
        'text-margin-y': 0, color: '#2d3748', 'font-size': 12, 'text-background-opacity': 0,
      },
    },
    { selector: 'edge[type = "More"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
    { selector: 'edge[type = "SUPPLIES"]', style: { 'line-color': '#2f855a', 'target-arrow-color': '#2f855a' } },
    { selector: 'edge[type = "FEEDS"]', style: { 'line-color': '#c05621', 'target-arrow-color': '#c05621' } },
    { selector: 'edge[type = "PART_OF"]', style: { 'line-style': 'dashed' } },
  ];
}

export function chainStyle() {
  return [
    ...base,
    {
      selector: 'node.lane',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f7fafc',
        'background-opacity': 1,
        'border-width': 1,
        'border-color': '#cbd5e0',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -6,
        'font-size': 16,
        'font-weight': 'bold',
        color: '#2d3748',
        padding: 18,
        events: 'no',
      },
    },
    {
      selector: 'node.segment',
      style: {
        shape: 'round-rectangle',
        width: 150,
        height: 62,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-max-width': 138,
        'background-color': '#e2e8f0',
        'border-width': 2,
        'border-color': '#4a5568',
        'font-size': 14,
      },
    },
    { selector: 'node.segment.sub', style: { width: 140, height: 58, 'font-size': 13, 'border-style': 'dotted' } },
    {
      selector: 'node.segment[gap]',
      style: {
        'background-color': (n) => GAP_STYLES[n.data('gap')].fill,
        'border-color': (n) => GAP_STYLES[n.data('gap')].border,
        color: (n) => GAP_STYLES[n.data('gap')].text,
      },
    },
    { selector: 'node.segment[gap = "BROKEN"]', style: { 'border-width': 4, 'font-weight': 'bold' } },
    { selector: 'node.segment[gap = "MISSING"]', style: { 'border-style': 'dashed' } },
    { selector: 'node.segment.changed', style: { 'overlay-color': '#d69e2e', 'overlay-opacity': 0.22, 'overlay-padding': 7 } },
    { selector: 'node.segment:selected', style: { 'border-width': 5, 'border-color': '#d69e2e' } },
    { selector: 'edge.feeds', style: { 'line-color': '#718096', 'target-arrow-color': '#718096', width: 2 } },
    { selector: 'edge.feeds.cut', style: { 'line-color': '#c53030', 'target-arrow-color': '#c53030', 'line-style': 'dashed' } },
    { selector: 'edge.partof', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none', 'line-color': '#a0aec0' } },
  ];
}

export function parkStyle() {
  return [
    ...networkStyle(),
    {
      selector: 'node.parkbox',
      style: {
        shape: 'round-rectangle', 'background-color': '#ebf4ff', 'background-opacity': 1, 'border-width': 2, 'border-color': '#2b6cb0',
        'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -6, 'font-size': 17, 'font-weight': 'bold', color: '#1a365d',
        padding: 22, 'text-background-opacity': 0,
      },
    },
    { selector: 'node.parkbox.sub', style: { 'background-color': '#f7fafc', 'border-style': 'dashed', 'font-size': 14 } },
    { selector: 'node.member', style: { 'font-size': 13, 'text-max-width': 140 } },
    { selector: 'node[type = "Chain"]', style: { width: 44, height: 44, 'font-size': 15, 'font-weight': 'bold' } },
    { selector: 'edge[type = "FOCUSES_ON"]', style: { label: 'data(label)', 'font-size': 14, color: '#1a202c', width: 2.5, 'line-color': '#744210', 'target-arrow-color': '#744210', 'text-rotation': 'none', 'text-background-opacity': 1 } },
  ];
}
