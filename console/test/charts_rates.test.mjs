// charts/rates.js: counters → rates, through a server restart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addScrape, counterRate, increase, operationsByTraffic, rateSeries,
} from '../src/js/charts/rates.js';

const scrape = (t, total, errors, byOperation) => ({ t, counters: { total, errors, byOperation } });

test('rate between two readings; a counter that drops was reset and counts from zero', () => {
  assert.deepEqual([counterRate(10, 30, 2), counterRate(30, 30, 2), counterRate(10, 30, 0)],
    [10, 0, 0]); // same instant: no rate rather than Infinity
  assert.equal(increase(500, 7), 7);
  assert.equal(counterRate(500, 7, 2), 3.5);
});

test('rate series from scrapes, stamped at the later scrape, through a restart', () => {
  const history = [
    scrape(0, 100, 4, { GetBackend: 60, CreateBackend: 40 }),
    scrape(2000, 110, 4, { GetBackend: 70, CreateBackend: 40 }),
    scrape(4000, 6, 2, { GetBackend: 6 }), // restarted: counters began again at 0
    scrape(6000, 12, 2, { GetBackend: 8, ListS3Buckets: 4 }),
  ];
  assert.deepEqual(rateSeries(history, (c) => c.total),
    [{ t: 2000, v: 5 }, { t: 4000, v: 3 }, { t: 6000, v: 3 }]);
  assert.deepEqual(rateSeries(history, (c) => c.errors).map((p) => p.v), [0, 1, 0]);
  // Absent operations count as 0, so one that appears starts from 0 and one that vanishes stops.
  assert.deepEqual(rateSeries(history, (c) => c.byOperation.ListS3Buckets).map((p) => p.v),
    [0, 0, 2]);
  assert.deepEqual(rateSeries(history, (c) => c.byOperation.CreateBackend).map((p) => p.v),
    [0, 0, 0]);
  assert.deepEqual(operationsByTraffic(history), [
    { operation: 'GetBackend', requests: 18 }, { operation: 'ListS3Buckets', requests: 4 }]);
  // One scrape gives no rate yet.
  assert.deepEqual(rateSeries([scrape(0, 5, 0, {})], (c) => c.total), []);
  assert.deepEqual(operationsByTraffic([scrape(0, 5, 0, { GetBackend: 5 })]), []);
});

test('the history keeps only the window before the newest scrape', () => {
  let history = [];
  for (const t of [0, 1000, 2000, 3000]) history = addScrape(history, scrape(t, t, 0, {}), 2000);
  assert.deepEqual(history.map((s) => s.t), [1000, 2000, 3000]);
  const before = history;
  addScrape(before, scrape(9000, 0, 0, {}), 2000);
  assert.equal(before.length, 3); // a new array; the old one is untouched
});
