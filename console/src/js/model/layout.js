// Sizes the diagram's boxes and lays them out: grid placement (grid.js) then edge routing
// (route.js). Join models of @manyToMany are not boxes: the relation is drawn as one
// "manyToMany" edge between the two sides, named after the join model.
import { fieldLabel } from './introspection.js';
import { placeOnGrid } from './grid.js';
import { routeGrid } from './route.js';
import { relationLabel } from './relations.js';

export const HEADER_H = 26;
export const ROW_H = 18;
export const CHAR_W = 7.2; // 12px monospace
const MIN_W = 180;
const MAX_W = 300;

// The boxes, in drawing order: models, non-model types, enums.
function diagramNodes(graph) {
  return [
    ...graph.models.filter((m) => !graph.joins.has(m.name))
      .map((m) => ({ name: m.name, kind: 'model', rows: m.fields.map(fieldLabel) })),
    ...graph.nonModels.map((n) => ({ name: n.name, kind: 'nonModel',
      rows: n.fields.map(fieldLabel) })),
    ...graph.enums.map((e) => ({ name: e.name, kind: 'enum', rows: e.values })),
  ];
}

function boxHeight(node) {
  return HEADER_H + Math.max(1, node.rows.length) * ROW_H + 8;
}

// One width for all boxes (the router needs aligned column gaps): wide enough for the
// longest text, within bounds; longer texts are cut when drawn.
function boxWidth(nodes) {
  const longest = Math.max(0,
    ...nodes.flatMap((n) => [n.name.length + 10, ...n.rows.map((r) => r.length)]));
  return Math.min(MAX_W, Math.max(MIN_W, Math.ceil(longest * CHAR_W) + 20));
}

// → { nodes, boxes: Map(name → {x, y, w, h}), edges: [{edge, points, label}], viewBox }
export function layoutDiagram(graph) {
  const nodes = diagramNodes(graph);
  const models = nodes.filter((n) => n.kind === 'model').map((n) => n.name);
  const others = nodes.filter((n) => n.kind !== 'model').map((n) => n.name);
  const links = graph.relations
    .map((r) => (r.kind === 'belongsTo' ? [r.to, r.from] : [r.from, r.to]));
  const grid = placeOnGrid(models, links, others);
  const edges = graph.relations
    .map((r) => ({ from: r.from, to: r.to, label: relationLabel(r), relation: r }));
  const routed = routeGrid(grid, {
    boxWidth: boxWidth(nodes),
    heights: new Map(nodes.map((n) => [n.name, boxHeight(n)])),
    edges,
  });
  return { nodes, ...routed };
}
