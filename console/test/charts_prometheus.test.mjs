// Parsing /_metrics (charts/prometheus.js) and reading its request counters (charts/rates.js).
// FIXTURE: verbatim /_metrics of amplifybackend-server 0.1.0 after six requests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePrometheus } from '../src/js/charts/prometheus.js';
import { requestCounters } from '../src/js/charts/rates.js';

const FIXTURE = `\
# HELP amplifybackend_requests_total Requests by operation and HTTP status.
# TYPE amplifybackend_requests_total counter
amplifybackend_requests_total{operation="CreateBackend",status="200"} 1
amplifybackend_requests_total{operation="CreateBackendAuth",status="400"} 1
amplifybackend_requests_total{operation="GetBackend",status="200"} 2
amplifybackend_requests_total{operation="GetBackendAuth",status="404"} 1
amplifybackend_requests_total{operation="none",status="404"} 1
# HELP amplifybackend_request_duration_seconds Request latency.
# TYPE amplifybackend_request_duration_seconds histogram
amplifybackend_request_duration_seconds_bucket{le="0.0005"} 5
amplifybackend_request_duration_seconds_bucket{le="0.001"} 5
amplifybackend_request_duration_seconds_bucket{le="0.0025"} 6
amplifybackend_request_duration_seconds_bucket{le="0.005"} 6
amplifybackend_request_duration_seconds_bucket{le="0.01"} 6
amplifybackend_request_duration_seconds_bucket{le="0.025"} 6
amplifybackend_request_duration_seconds_bucket{le="0.05"} 6
amplifybackend_request_duration_seconds_bucket{le="0.1"} 6
amplifybackend_request_duration_seconds_bucket{le="0.25"} 6
amplifybackend_request_duration_seconds_bucket{le="0.5"} 6
amplifybackend_request_duration_seconds_bucket{le="1"} 6
amplifybackend_request_duration_seconds_bucket{le="+Inf"} 6
amplifybackend_request_duration_seconds_sum 0.003429
amplifybackend_request_duration_seconds_count 6
# HELP amplifybackend_jobs_total Jobs started, completed and failed by this process.
# TYPE amplifybackend_jobs_total counter
amplifybackend_jobs_total{status="RUNNING"} 1
amplifybackend_jobs_total{status="COMPLETED"} 1
amplifybackend_jobs_total{status="FAILED"} 0
`;

test('every sample of the real output, with labels and value', () => {
  const samples = parsePrometheus(FIXTURE);
  assert.equal(samples.length, 22);
  assert.deepEqual(samples[0], { name: 'amplifybackend_requests_total',
    labels: { operation: 'CreateBackend', status: '200' }, value: 1 });
  assert.deepEqual(samples[16], { name: 'amplifybackend_request_duration_seconds_bucket',
    labels: { le: '+Inf' }, value: 6 });
  assert.equal(samples[17].value, 0.003429);
  assert.deepEqual(samples.at(-1),
    { name: 'amplifybackend_jobs_total', labels: { status: 'FAILED' }, value: 0 });
});

test('request counters: all, errors (status ≥ 400) and per operation', () => {
  assert.deepEqual(requestCounters(parsePrometheus(FIXTURE)), { total: 6, errors: 3,
    byOperation: { CreateBackend: 1, CreateBackendAuth: 1, GetBackend: 2, GetBackendAuth: 1,
      none: 1 } });
});

test('escapes, spacing, timestamps and special values', () => {
  const [a, b, c, d] = parsePrometheus('m{p="a\\\\b\\"c\\nd", x="1",} 2.5e3 1700000000000\n'
    + '  m2 NaN\nm3{} +Inf\nm4{q=""} -Inf');
  assert.deepEqual([a.labels, a.value], [{ p: 'a\\b"c\nd', x: '1' }, 2500]);
  assert.ok(Number.isNaN(b.value));
  assert.equal(c.value, Infinity);
  assert.deepEqual([d.labels, d.value], [{ q: '' }, -Infinity]);
});

test('malformed lines are errors that name the line', () => {
  for (const bad of ['m{a="1"} x', 'm{a="1} 1', 'm{a=1} 1', 'm{a="1" b="2"} 1', 'm 1 2 3',
    '{a="1"} 1', 'm', 'm{a="1"}}x 1']) {
    assert.throws(() => parsePrometheus(`# ok\n${bad}`), /line 2 is not a sample/, bad);
  }
});
