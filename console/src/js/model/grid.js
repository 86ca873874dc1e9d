// Places the diagram's boxes on a grid of equal-width columns. Related models go in the same
// connected block, layered breadth-first so that a relation joins boxes in the same or in
// neighbouring layers (a layer wider than the grid wraps onto more rows); blocks are packed in
// shelves; enums and non-model types follow.

// The number of columns: roughly square in boxes (wider than tall, as screens are).
function columnCount(nodeCount) {
  return Math.max(3, Math.ceil(Math.sqrt(nodeCount * 1.6)));
}

// The connected blocks of related models, each as breadth-first layers from a top-level
// model (nobody's child; the best connected of them), so parents tend to sit above their
// children. Each layer is ordered by the mean position of its neighbours in the layer above
// (the barycentre heuristic), which cuts edge crossings. Largest block first.
function blocks(names, adjacency, children) {
  const degree = (n) => adjacency.get(n).size;
  const roots = [...names].sort((a, b) => children.has(a) - children.has(b) ||
    degree(b) - degree(a) || a.localeCompare(b));
  const seen = new Set();
  const result = [];
  for (const root of roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    const layers = [[root]];
    for (let i = 0; i < layers.length; i++) {
      const pos = new Map(layers[i].map((n, k) => [n, k]));
      const next = [];
      for (const n of layers[i]) {
        for (const m of [...adjacency.get(n)].sort()) {
          if (!seen.has(m)) { seen.add(m); next.push(m); }
        }
      }
      const centre = (n) => {
        const up = [...adjacency.get(n)].filter((m) => pos.has(m)).map((m) => pos.get(m));
        return up.reduce((sum, x) => sum + x, 0) / up.length;
      };
      if (next.length) {
        layers.push(next.map((n, k) => ({ n, c: centre(n), k }))
          .sort((a, b) => a.c - b.c || a.k - b.k).map((x) => x.n));
      }
    }
    result.push(layers);
  }
  return result.sort((a, b) => b.flat().length - a.flat().length);
}

// Rows of a block: each layer, wrapped at `cols`.
function blockRows(layers, cols) {
  return layers.flatMap((layer) => {
    const rows = [];
    for (let i = 0; i < layer.length; i += cols) rows.push(layer.slice(i, i + cols));
    return rows;
  });
}

// `models`: names; `links`: [[parent, child]] relations; `others`: names of enums and non-models.
// → { cells: Map(name → {row, col}), rows, cols }
export function placeOnGrid(models, links, others) {
  const cols = columnCount(models.length + others.length);
  const adjacency = new Map(models.map((n) => [n, new Set()]));
  const children = new Set();
  for (const [a, b] of links) {
    if (a !== b && adjacency.has(a) && adjacency.has(b)) {
      adjacency.get(a).add(b);
      adjacency.get(b).add(a);
      children.add(b);
    }
  }
  const cells = new Map();
  let shelfTop = 0;
  let shelfHeight = 0;
  let cursor = 0;
  for (const layers of blocks(models, adjacency, children)) {
    const rows = blockRows(layers, cols);
    const width = Math.max(...rows.map((r) => r.length));
    if (cursor > 0 && cursor + width > cols) {
      shelfTop += shelfHeight;
      shelfHeight = 0;
      cursor = 0;
    }
    rows.forEach((row, r) => {
      const offset = cursor + Math.floor((width - row.length) / 2);
      row.forEach((n, i) => cells.set(n, { row: shelfTop + r, col: offset + i }));
    });
    shelfHeight = Math.max(shelfHeight, rows.length);
    cursor += width;
  }
  let row = shelfTop + shelfHeight;
  others.forEach((n, i) => cells.set(n, { row: row + Math.floor(i / cols), col: i % cols }));
  if (others.length) row += Math.ceil(others.length / cols);
  // Only the columns in use: a small model leaves no empty space on the right.
  const used = Math.max(0, ...[...cells.values()].map((c) => c.col + 1));
  return { cells, rows: row, cols: used };
}
