// Waits for a backend job (GetBackendJob) to finish. Pure: the fetch and the sleep are
// passed in, so the screen gives the API call and tests give fakes.

const FINISHED = new Set(['COMPLETED', 'FAILED']);

// Resolves after `ms`, or rejects with the signal's reason once the screen is left.
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); },
      { once: true });
  });
}

// Calls `getJob()` until its status is COMPLETED or FAILED and returns that job.
// `onUpdate(job)` sees every answer (for a progress line). Gives up after `timeoutMs`.
export async function waitForJob(getJob, { signal, intervalMs = 500, timeoutMs = 120000,
  onUpdate = () => {}, wait = sleep, now = Date.now } = {}) {
  const deadline = now() + timeoutMs;
  for (;;) {
    const job = await getJob();
    onUpdate(job);
    if (FINISHED.has(job.status)) return job;
    if (now() >= deadline) {
      throw new Error(`Job ${job.jobId} is still ${job.status} after ${timeoutMs / 1000} s.`);
    }
    await wait(intervalMs, signal);
  }
}
