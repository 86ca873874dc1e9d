// Waiting for a backend job: polls until COMPLETED or FAILED, gives up on time, stops when
// the screen is left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForJob, sleep } from '../src/js/model/job.js';

function fakeJob(statuses) {
  const calls = { get: 0, waits: [] };
  const getJob = async () =>
    ({ jobId: 'j1', status: statuses[Math.min(calls.get++, statuses.length - 1)] });
  const wait = async (ms) => { calls.waits.push(ms); };
  return { calls, getJob, wait };
}

test('polls until the job finishes and returns the last answer', async () => {
  const { calls, getJob, wait } = fakeJob(['RUNNING', 'RUNNING', 'FAILED']);
  const seen = [];
  const onUpdate = (j) => seen.push(j.status);
  const job = await waitForJob(getJob, { wait, intervalMs: 250, onUpdate });
  assert.equal(job.status, 'FAILED');
  assert.equal(calls.get, 3);
  assert.deepEqual(calls.waits, [250, 250]);
  assert.deepEqual(seen, ['RUNNING', 'RUNNING', 'FAILED']);
});

test('a job that is complete at once is read once, without waiting', async () => {
  const { calls, getJob, wait } = fakeJob(['COMPLETED']);
  assert.equal((await waitForJob(getJob, { wait })).status, 'COMPLETED');
  assert.deepEqual([calls.get, calls.waits.length], [1, 0]);
});

test('gives up after the timeout', async () => {
  const { getJob, wait } = fakeJob(['RUNNING']);
  let clock = 0;
  const ticking = async (ms) => { clock += ms; await wait(ms); };
  await assert.rejects(waitForJob(getJob, { wait: ticking, now: () => clock, timeoutMs: 2000 }),
    /still RUNNING after 2 s/);
  assert.equal(clock, 2000);
});

test('leaving the screen stops the wait', async () => {
  const controller = new AbortController();
  const pending = sleep(60000, controller.signal);
  controller.abort();
  await assert.rejects(pending, { name: 'AbortError' });
  await assert.rejects(sleep(1, controller.signal), { name: 'AbortError' });
});
