// Counters → per-second rates. A scrape is { t: epoch ms, counters: requestCounters(…) }.

const REQUESTS = 'amplifybackend_requests_total';

/** Request counters of one scrape: all, errors (HTTP status ≥ 400), and per operation. */
export function requestCounters(samples) {
  const counters = { total: 0, errors: 0, byOperation: {} };
  for (const { name, labels, value } of samples) {
    if (name !== REQUESTS) continue;
    // Unrouted requests are counted under operation "none" by the server.
    const op = labels.operation ?? 'none';
    counters.byOperation[op] = (counters.byOperation[op] ?? 0) + value;
    counters.total += value;
    if (Number(labels.status) >= 400) counters.errors += value;
  }
  return counters;
}

/** Growth of a counter between two readings; a drop means the server restarted from zero. */
export function increase(previous, current) {
  return current >= previous ? current - previous : current;
}

export function counterRate(previous, current, seconds) {
  return seconds > 0 ? increase(previous, current) / seconds : 0;
}

/** A new history: `scrape` appended, scrapes older than `windowMs` before it dropped. */
export function addScrape(history, scrape, windowMs) {
  return [...history.filter((s) => s.t >= scrape.t - windowMs), scrape];
}

/** [{ t, v }]: the rate of `pick(counters)` between consecutive scrapes, stamped at the later. */
export function rateSeries(history, pick) {
  const points = [];
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1];
    const b = history[i];
    points.push({ t: b.t, v: counterRate(pick(a.counters) ?? 0, pick(b.counters) ?? 0,
      (b.t - a.t) / 1000) });
  }
  return points;
}

/** Operations with requests in the window, busiest first: [{ operation, requests }]. */
export function operationsByTraffic(history) {
  const totals = {};
  for (let i = 1; i < history.length; i++) {
    const before = history[i - 1].counters.byOperation;
    for (const [op, n] of Object.entries(history[i].counters.byOperation)) {
      totals[op] = (totals[op] ?? 0) + increase(before[op] ?? 0, n);
    }
  }
  return Object.entries(totals)
    .filter(([, requests]) => requests > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([operation, requests]) => ({ operation, requests }));
}
