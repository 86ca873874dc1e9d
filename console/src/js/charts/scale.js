// DOM-free line-chart geometry: nice ticks, scales, SVG path data, in viewBox units.
import { round } from './format.js';

/** Ticks from 0 covering `max`, about `count` steps of 1, 2 or 5 × 10^k. Idle → [0, 1]. */
export function niceTicks(max, count = 4) {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-12));
  const steps = Math.ceil(round(max / step));
  return Array.from({ length: steps + 1 }, (_, i) => round(i * step));
}

/** Maps [d0, d1] linearly onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(d0, d1, r0, r1) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** SVG path data through the points, to one decimal: "M10.0,20.0L…"; '' without points. */
export function linePath(points, x, y) {
  return points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`)
    .join('');
}

export const CHART = { width: 640, height: 220, left: 48, right: 12, top: 12, bottom: 28 };

/** What a chart of `series` ([{ name, points }]) over the `windowMs` before `now` draws:
 * plot edges, y ticks from 0 to a nice maximum, minute ticks, one path per series. */
export function chartModel(series, { now, windowMs, size = CHART, tickEveryMs = 60_000 }) {
  const x0 = size.left;
  const x1 = size.width - size.right;
  const y0 = size.height - size.bottom;
  const y1 = size.top;
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.v)));
  const ticks = niceTicks(max);
  const x = linearScale(now - windowMs, now, x0, x1);
  const y = linearScale(0, ticks[ticks.length - 1], y0, y1);
  const xTicks = [];
  for (let ago = 0; ago <= windowMs; ago += tickEveryMs) {
    xTicks.push({ x: x(now - ago), label: ago ? `−${ago / 60_000} min` : 'now' });
  }
  return {
    plot: { x0, x1, y0, y1 },
    yTicks: ticks.map((v) => ({ y: y(v), label: String(v) })), // nice ticks print as they are
    xTicks,
    lines: series.map((s) => ({ name: s.name, d: linePath(s.points, x, y) })),
  };
}
