// The server screen's summary of the fault rules and effects in force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectsText, formatProbability, ruleEffect, ruleRows } from '../src/js/model/chaos.js';

test('rules become rows in the order the server checks them', () => {
  const rules = [
    { service: 'amplifybackend', operation: 'GetBackend', probability: 0.3,
      error: { statusCode: 503, code: 'ServiceUnavailable' } },
    { region: 'eu-west-1', probability: 1, job: { status: 'FAILED', error: 'quota' } },
  ];
  assert.deepEqual(ruleRows(rules), [
    ['1', 'amplifybackend', 'any region', 'GetBackend', '30 %', '503 ServiceUnavailable'],
    ['2', 'any service', 'eu-west-1', 'any operation', '100 %', 'Its job ends FAILED: quota'],
  ]);
  assert.deepEqual(ruleRows([]), []);
  assert.deepEqual(ruleRows(undefined), []);
});

test('probabilities read as percentages without float noise', () => {
  assert.equal(formatProbability(0.07), '7 %');
  assert.equal(formatProbability(0.125), '12.5 %');
  assert.equal(formatProbability(0), '0 %');
});

test('an error rule without details shows the defaults', () => {
  assert.equal(ruleEffect({}), '503 ServiceUnavailable');
  assert.equal(ruleEffect({ error: { statusCode: 429, code: 'TooManyRequestsException' } }),
    '429 TooManyRequestsException');
});

test('effects say whether latency is added', () => {
  assert.equal(effectsText({ latency: 0 }), 'No added latency.');
  assert.equal(effectsText({}), 'No added latency.');
  assert.equal(effectsText({ latency: 250 }),
    '250 ms of latency added to every AWS API response.');
});
