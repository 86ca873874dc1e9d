// Chart geometry and number formats (charts/scale.js, charts/format.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRate, formatUptime } from '../src/js/charts/format.js';
import { chartModel, linearScale, linePath, niceTicks } from '../src/js/charts/scale.js';

test('nice ticks from 0 past the maximum in steps of 1, 2 or 5 × 10^k; idle → [0, 1]', () => {
  for (const [max, ticks] of [[7, [0, 2, 4, 6, 8]], [8, [0, 2, 4, 6, 8]], [13.2, [0, 5, 10, 15]],
    [0.3, [0, 0.1, 0.2, 0.3]], [0.07, [0, 0.02, 0.04, 0.06, 0.08]], [1000, [0, 500, 1000]],
    [1001, [0, 500, 1000, 1500]], [0, [0, 1]], [NaN, [0, 1]], [Infinity, [0, 1]]]) {
    assert.deepEqual(niceTicks(max), ticks, `max ${max}`);
  }
});

test('linear scale maps the domain onto the range, flipping for SVG y', () => {
  const y = linearScale(0, 10, 200, 0);
  assert.deepEqual([0, 10, 2.5].map(y), [200, 0, 150]);
  assert.equal(linearScale(10, 20, 0, 100)(15), 50);
  assert.equal(linearScale(5, 5, 7, 9)(100), 7);
});

test('path data through the points', () => {
  const x = (t) => t / 10;
  const y = (v) => 100 - v;
  assert.equal(linePath([{ t: 0, v: 0 }, { t: 15, v: 2.25 }, { t: 30, v: 50 }], x, y),
    'M0.0,100.0L1.5,97.8L3.0,50.0');
  assert.equal(linePath([], x, y), '');
});

test('chart model: axes, ticks and one path per series within the window', () => {
  const size = { width: 200, height: 120, left: 20, right: 0, top: 20, bottom: 20 };
  const model = chartModel([
    { name: 'all', points: [{ t: 1_060_000, v: 0 }, { t: 1_120_000, v: 4 }] },
    { name: 'none', points: [] },
  ], { now: 1_120_000, windowMs: 120_000, size });
  assert.deepEqual(model.plot, { x0: 20, x1: 200, y0: 100, y1: 20 });
  assert.deepEqual(model.yTicks.map((t) => [t.label, t.y]),
    [['0', 100], ['1', 80], ['2', 60], ['3', 40], ['4', 20]]);
  assert.deepEqual(model.xTicks, [{ x: 200, label: 'now' }, { x: 110, label: '−1 min' },
    { x: 20, label: '−2 min' }]);
  assert.deepEqual(model.lines, [{ name: 'all', d: 'M110.0,100.0L200.0,20.0' },
    { name: 'none', d: '' }]);
});

test('rates and uptimes as text', () => {
  assert.deepEqual([0, 0.333, 2.5, 12.34, 123.4].map(formatRate),
    ['0', '0.33', '2.5', '12.3', '123']);
  assert.equal(formatUptime(93784), '1 d 2 h 3 min 4 s');
  assert.equal(formatUptime(3600), '1 h 0 min 0 s');
  assert.equal(formatUptime(59.9), '59 s');
  assert.equal(formatUptime(undefined), '0 s');
});
