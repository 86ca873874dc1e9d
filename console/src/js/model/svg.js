// The diagram as SVG markup (a string, so it is built and tested without a DOM). Every text
// from the schema is escaped; the screen inserts the result as it is.
import { HEADER_H, ROW_H, CHAR_W } from './layout.js';
import { relationSentence } from './relations.js';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeXml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const KIND_TEXT = { model: 'model', nonModel: 'type', enum: 'enum' };
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// The SVG's <title> and <desc>: counts, then every relation in words.
export function describeGraph(graph) {
  const models = graph.models.filter((m) => !graph.joins.has(m.name));
  const title = `Data model diagram: ${plural(models.length, 'model')}, ` +
    `${plural(graph.enums.length, 'enum')}, ${plural(graph.nonModels.length, 'non-model type')}, ` +
    `${plural(graph.relations.length, 'relation')}`;
  const desc = graph.relations.length
    ? `Relations: ${graph.relations.map(relationSentence).join('. ')}.`
    : 'No relations between models.';
  return { title, desc };
}

// Cuts text that does not fit in `width`; the full text stays in a <title> tooltip.
function line(cls, x, y, text, width) {
  const max = Math.floor((width - 16) / CHAR_W);
  if (text.length <= max) return `<text class="${cls}" x="${x}" y="${y}">${escapeXml(text)}</text>`;
  return `<text class="${cls}" x="${x}" y="${y}"><title>${escapeXml(text)}</title>` +
    `${escapeXml(text.slice(0, max - 1))}…</text>`;
}

function box(node, b) {
  const rows = node.rows.length ? node.rows : ['(none)'];
  return `<g class="dm-box dm-${node.kind}" transform="translate(${b.x} ${b.y})">` +
    `<rect class="dm-frame" width="${b.w}" height="${b.h}" rx="4"/>` +
    `<path class="dm-head" d="M0 ${HEADER_H}H${b.w}"/>` +
    line('dm-name', 8, 17, node.name, b.w - 8 * (KIND_TEXT[node.kind].length + 1)) +
    `<text class="dm-kind" x="${b.w - 8}" y="17" text-anchor="end">${KIND_TEXT[node.kind]}</text>` +
    rows.map((r, i) => line('dm-row', 8, HEADER_H + 14 + i * ROW_H, r, b.w)).join('') + '</g>';
}

function edge(e, markerId) {
  const { relation } = e.edge;
  const points = e.points.map(([x, y]) => `${x},${y}`).join(' ');
  const start = relation.kind === 'manyToMany' ? ` marker-start="url(#${markerId})"` : '';
  return `<g class="dm-edge dm-${relation.kind}">` +
    `<title>${escapeXml(relationSentence(relation))}</title>` +
    `<polyline points="${points}"${start} marker-end="url(#${markerId})"/></g>`;
}

function label(e) {
  const { x, y, w, h, text } = e.label;
  return `<g class="dm-label dm-${e.edge.relation.kind}">` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3"/>` +
    `<text x="${x + w / 2}" y="${y + h - 3.5}" text-anchor="middle">${escapeXml(text)}</text></g>`;
}

// `idPrefix` keeps ids unique in the page. Drawn at natural size; the viewBox keeps the
// drawing whole when the screen zooms by changing width and height.
export function buildSvg(graph, layout, { idPrefix = 'dm' } = {}) {
  const { title, desc } = describeGraph(graph);
  const v = layout.viewBox;
  const marker = `${idPrefix}-arrow`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="dm-svg" role="img" ` +
    `aria-labelledby="${idPrefix}-title ${idPrefix}-desc" ` +
    `viewBox="${v.x} ${v.y} ${v.width} ${v.height}" ` +
    `width="${v.width}" height="${v.height}">` +
    `<title id="${idPrefix}-title">${escapeXml(title)}</title>` +
    `<desc id="${idPrefix}-desc">${escapeXml(desc)}</desc>` +
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" ` +
    `markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M0 0L10 5L0 10z" class="dm-arrow"/></marker></defs>` +
    `<rect class="dm-bg" x="${v.x}" y="${v.y}" width="${v.width}" height="${v.height}"/>` +
    `<g class="dm-edges">${layout.edges.map((e) => edge(e, marker)).join('')}</g>` +
    `<g class="dm-boxes">${layout.nodes.map((n) => box(n, layout.boxes.get(n.name))).join('')}` +
    '</g>' +
    `<g class="dm-labels">${layout.edges.map(label).join('')}</g></svg>`;
}
