// Turns grid cells into coordinates and routes every edge orthogonally through the free
// channels of the grid: the horizontal strips between rows and the vertical gaps between
// columns (all boxes share one width, so those gaps line up). Segments (with their labels)
// share a lane of their channel only where they do not overlap, and a channel is as wide as its
// lanes need, so no edge or label lies on a box and no two labels overlap.

const LANE_H = 18;
const LANE_W = 10;
const LABEL_H = 14;
const CHAR_W = 6.6; // 11px monospace
const MIN_GAP = 48;
const MIN_CHANNEL = 28;
const MARGIN = 16;

function labelWidth(text) {
  return Math.ceil(text.length * CHAR_W) + 10;
}

// Interval-graph colouring: sets item.lane so that items sharing a lane are `gap` apart.
function assignLanes(items, gap) {
  const ends = [];
  for (const item of [...items].sort((a, b) => a.lo - b.lo || a.hi - b.hi)) {
    let lane = ends.findIndex((end) => end + gap < item.lo);
    if (lane < 0) lane = ends.push(0) - 1;
    ends[lane] = item.hi;
    item.lane = lane;
  }
  return ends.length;
}

const groupBy = (items, key) => items.reduce((map, item) => {
  if (!map.has(item[key])) map.set(item[key], []);
  map.get(item[key]).push(item);
  return map;
}, new Map());

// Which side each end leaves from, the row channels it runs in, and the column gap it uses
// to change channel (null when one channel joins both ends).
function plan(edge, cells) {
  const s = cells.get(edge.from);
  const t = cells.get(edge.to);
  let p;
  if (t.row > s.row) p = { sSide: 'bottom', tSide: 'top', chA: s.row + 1, chB: t.row };
  else if (t.row < s.row) p = { sSide: 'top', tSide: 'bottom', chA: s.row, chB: t.row + 1 };
  else p = { sSide: 'bottom', tSide: 'bottom', chA: s.row + 1, chB: s.row + 1 };
  p.gap = p.chA === p.chB ? null : (t.col > s.col ? t.col : t.col + 1);
  return { edge, s, t, ...p };
}

// Spreads the ends on each box side, ordered by where they head, so they do not cross there.
function assignPorts(routes) {
  const ends = routes.flatMap((r) => {
    const via = r.gap === null ? null : r.gap - 0.5;
    return [
      { r, end: 's', key: `${r.edge.from}|${r.sSide}`, toward: via ?? r.t.col },
      { r, end: 't', key: `${r.edge.to}|${r.tSide}`, toward: via ?? r.s.col },
    ];
  });
  for (const group of groupBy(ends, 'key').values()) {
    group.sort((a, b) => a.toward - b.toward)
      .forEach((e, i) => { e.r[`${e.end}Port`] = (i + 1) / (group.length + 1); });
  }
}

// Running offsets: sizes of gap 0, item 0, gap 1, item 1, ..., gap n → start of every part.
function accumulate(gaps, items) {
  let pos = MARGIN;
  const gapAt = [];
  const itemAt = [];
  items.forEach((size, i) => {
    gapAt.push(pos);
    pos += gaps[i];
    itemAt.push(pos);
    pos += size;
  });
  gapAt.push(pos);
  return { gapAt, itemAt, end: pos + gaps[items.length] + MARGIN };
}

// grid: {cells, rows, cols}; heights: Map(name → px); edges: [{from, to, label}].
// → { boxes: Map(name → {x, y, w, h}), edges: [{edge, points, label}], viewBox }
export function routeGrid(grid, { boxWidth, heights, edges }) {
  const routes = edges.map((e) => plan(e, grid.cells));
  assignPorts(routes);

  const vertical = routes.filter((r) => r.gap !== null)
    .map((r) => ({ r, gap: r.gap, lo: Math.min(r.chA, r.chB), hi: Math.max(r.chA, r.chB) }));
  const gapLanes = Array(grid.cols + 1).fill(0);
  for (const [gap, items] of groupBy(vertical, 'gap')) gapLanes[gap] = assignLanes(items, 0);
  const colsAt = accumulate(gapLanes.map((n) => Math.max(MIN_GAP, (n + 1) * LANE_W)),
    Array(grid.cols).fill(boxWidth));
  for (const v of vertical) {
    const width = Math.max(MIN_GAP, (gapLanes[v.gap] + 1) * LANE_W);
    v.r.vx = colsAt.gapAt[v.gap] + (width - (gapLanes[v.gap] - 1) * LANE_W) / 2 + v.lane * LANE_W;
  }

  const portX = (cell, frac) => colsAt.itemAt[cell.col] + frac * boxWidth;
  const horizontal = routes.flatMap((r) => {
    r.sx = portX(r.s, r.sPort);
    r.tx = portX(r.t, r.tPort);
    const first = { r, ch: r.chA, x1: r.sx, x2: r.gap === null ? r.tx : r.vx, labelled: true };
    return r.gap === null ? [first] : [first, { r, ch: r.chB, x1: r.vx, x2: r.tx }];
  });
  for (const seg of horizontal) {
    seg.lo = Math.min(seg.x1, seg.x2);
    seg.hi = Math.max(seg.x1, seg.x2);
    if (seg.labelled) {
      seg.r.label = { text: seg.r.edge.label, w: labelWidth(seg.r.edge.label),
        cx: (seg.x1 + seg.x2) / 2 };
      seg.lo = Math.min(seg.lo, seg.r.label.cx - seg.r.label.w / 2);
      seg.hi = Math.max(seg.hi, seg.r.label.cx + seg.r.label.w / 2);
    }
  }
  const channelLanes = Array(grid.rows + 1).fill(0);
  for (const [ch, items] of groupBy(horizontal, 'ch')) channelLanes[ch] = assignLanes(items, 8);

  const rowHeights = Array(grid.rows).fill(0);
  for (const [name, cell] of grid.cells) {
    rowHeights[cell.row] = Math.max(rowHeights[cell.row], heights.get(name));
  }
  const rowsAt = accumulate(channelLanes.map((n) => Math.max(MIN_CHANNEL, (n + 1) * LANE_H)),
    rowHeights);
  for (const seg of horizontal) seg.y = rowsAt.gapAt[seg.ch] + (seg.lane + 1) * LANE_H;

  const boxes = new Map([...grid.cells].map(([name, cell]) => [name, {
    x: colsAt.itemAt[cell.col], y: rowsAt.itemAt[cell.row], w: boxWidth, h: heights.get(name),
  }]));
  const sideY = (name, side) => boxes.get(name).y + (side === 'bottom' ? boxes.get(name).h : 0);
  const bySegments = groupBy(horizontal, 'r');
  const routed = routes.map((r) => {
    const [a, b] = bySegments.get(r);
    const points = [[r.sx, sideY(r.edge.from, r.sSide)], [r.sx, a.y]];
    if (b) points.push([r.vx, a.y], [r.vx, b.y]);
    points.push([r.tx, (b ?? a).y], [r.tx, sideY(r.edge.to, r.tSide)]);
    const { text, w, cx } = r.label;
    const box = { text, x: cx - w / 2, y: a.y - LABEL_H / 2, w, h: LABEL_H };
    return { edge: r.edge, points, label: box };
  });

  const left = Math.min(0, ...routed.map((e) => e.label.x - 4));
  const right = Math.max(colsAt.end, ...routed.map((e) => e.label.x + e.label.w + 4));
  return { boxes, edges: routed,
    viewBox: { x: Math.floor(left), y: 0, width: Math.ceil(right - left), height: rowsAt.end } };
}
