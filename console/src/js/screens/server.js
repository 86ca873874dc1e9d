// Server screen: /_health and request-rate charts from /_metrics every 2 s. Both are unsigned,
// same-origin, and /_metrics is text, so they are fetched directly, not through api.js. The
// fault rules and effects in force (/_chaos/) come through api.js: `--auth enforce` signs them.
import { formatRate, formatUptime } from '../charts/format.js';
import { parsePrometheus } from '../charts/prometheus.js';
import { addScrape, operationsByTraffic, rateSeries, requestCounters } from '../charts/rates.js';
import { CHART, chartModel } from '../charts/scale.js';
import { effectsText, ruleRows } from '../model/chaos.js';
import { dataTable, errorNote, h, section, show, uid } from '../ui.js';

const REFRESH_MS = 2000;
const WINDOW_MS = 5 * 60_000;
const MAX_LINES = 6;
// Distinct in hue and in dash pattern, so lines stay apart without colour vision.
const COLORS = ['#0b5cad', '#b42318', '#1e7b34', '#8a4b00', '#6b3fa0', '#00707a'];
const DASHES = ['none', '8 4', '2 3', '8 3 2 3', '4 4', '1 4'];
const MUTED = '#4d5b6a';

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

const stroke = (i) => ({ stroke: COLORS[i % COLORS.length], 'stroke-width': 2,
  'stroke-dasharray': DASHES[i % DASHES.length], fill: 'none' });

// A <figure> whose SVG chart is named by its caption, which also states the current values.
function lineChart(title) {
  const captionId = uid('chart');
  const summary = h('span');
  const image = svg('svg', { viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img',
    'aria-labelledby': captionId, style: 'width: 100%; max-width: 48rem; height: auto' });
  const legend = h('ul', { class: 'actions', 'aria-label': `Legend of ${title}`,
    style: 'list-style: none; padding: 0' });
  const figure = h('figure', {}, h('figcaption', { id: captionId }, h('strong', {}, title), '. ',
    summary), image, legend);

  function draw(series, now, text) {
    const { plot, yTicks, xTicks, lines } = chartModel(series, { now, windowMs: WINDOW_MS });
    const label = (x, y, anchor, content) => svg('text', { x, y, 'text-anchor': anchor,
      'font-size': 13, fill: MUTED }, content);
    image.replaceChildren(
      ...yTicks.map((t) => svg('g', {},
        svg('line', { x1: plot.x0, x2: plot.x1, y1: t.y, y2: t.y, stroke: '#dde3ea' }),
        label(plot.x0 - 6, t.y + 4, 'end', t.label))),
      ...xTicks.map((t) => label(t.x, CHART.height - 8, 'middle', t.label)),
      svg('line', { x1: plot.x0, x2: plot.x1, y1: plot.y0, y2: plot.y0, stroke: MUTED }),
      ...lines.map((l, i) => l.d && svg('path', { d: l.d, ...stroke(i) })).filter(Boolean));
    legend.replaceChildren(...(series.length > 1 ? lines.map((l, i) => h('li', {},
      svg('svg', { width: 28, height: 10, 'aria-hidden': 'true' },
        svg('line', { x1: 0, x2: 28, y1: 5, y2: 5, ...stroke(i) })), ' ', l.name)) : []));
    summary.textContent = text;
  }
  return { figure, draw };
}

async function get(path, signal) {
  const response = await fetch(path, { signal, cache: 'no-store' }).catch((err) => {
    err.type = 'Unreachable'; // server down or network failure: "Unreachable: Failed to fetch"
    throw err;
  });
  if (response.ok) return response;
  throw Object.assign(new Error(`GET ${path}: HTTP ${response.status}`), { type: 'Unavailable' });
}

function describe(points, unit) {
  if (!points.length) return 'Collecting data: rates appear after the next refresh.';
  const now = points[points.length - 1].v;
  const peak = Math.max(...points.map((p) => p.v));
  return `Now ${formatRate(now)} ${unit}; peak ${formatRate(peak)} in the last `
    + `${WINDOW_MS / 60_000} minutes.`;
}

export async function render(container, ctx) {
  const facts = h('dl', { class: 'facts' });
  const healthNote = h('div');
  const metricsNote = h('div');
  const all = lineChart('All requests per second');
  const errors = lineChart('Errors per second (HTTP status 400 and above)');
  const byOp = lineChart(`Requests per second of the ${MAX_LINES} busiest operations`);
  const chaosNote = h('div');
  const effects = h('p');
  const rules = dataTable('Fault rules in force, checked in order (the first that matches wins)',
    ['#', 'Service', 'Region', 'Operation', 'Probability', 'Effect'],
    'No fault rules: every request is served normally.');
  container.append(h('h1', {}, 'Server'),
    h('p', { class: 'subtitle' }, 'Health and request rates, refreshed every 2 seconds.'),
    section('Health', healthNote, facts),
    section('Request rates', metricsNote, all.figure, errors.figure, byOp.figure),
    section('Fault injection', chaosNote, effects, rules.table));

  async function refreshHealth() {
    try {
      const health = await (await get('/_health', ctx.signal)).json();
      const ok = health.status === 'ok';
      const rows = [
        ['Status', h('span', { class: `badge ${ok ? 'completed' : 'failed'}` }, health.status)],
        ['Store', health.store], ['Store reachable', health.storeReachable ? 'Yes' : 'No'],
        ['Version', health.version], ['Uptime', formatUptime(health.uptimeSeconds)]];
      facts.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
      show(healthNote, null);
    } catch (err) {
      if (!ctx.signal.aborted) show(healthNote, errorNote(err));
    }
  }

  let history = [];
  async function refreshMetrics() {
    try {
      const text = await (await get('/_metrics', ctx.signal)).text();
      const counters = requestCounters(parsePrometheus(text));
      history = addScrape(history, { t: Date.now(), counters }, WINDOW_MS);
      show(metricsNote, null);
    } catch (err) {
      if (!ctx.signal.aborted) show(metricsNote, errorNote(err));
      return;
    }
    const now = history[history.length - 1].t;
    const total = rateSeries(history, (c) => c.total);
    const failed = rateSeries(history, (c) => c.errors);
    all.draw([{ name: 'All requests', points: total }], now, describe(total, 'requests/s'));
    errors.draw([{ name: 'Errors', points: failed }], now, describe(failed, 'errors/s'));
    const ops = operationsByTraffic(history);
    const series = ops.map(({ operation }) => ({ name: operation,
      points: rateSeries(history, (c) => c.byOperation[operation]) }));
    // The caption lists every operation, charted or not, with its current rate.
    byOp.draw(series.slice(0, MAX_LINES), now, ops.length ? `Now, busiest first: ${series.map(
      (s, i) => `${s.name} ${formatRate(s.points.at(-1).v)}/s (${ops[i].requests} requests)`)
      .join(', ')}.` : describe(total, 'requests/s'));
  }

  async function refreshChaos() {
    try {
      const [faults, current] = await Promise.all([
        ctx.api.request('GET', '/_chaos/faults', undefined, { signal: ctx.signal }),
        ctx.api.request('GET', '/_chaos/effects', undefined, { signal: ctx.signal })]);
      rules.fill(ruleRows(faults), JSON.stringify(faults));
      effects.textContent = effectsText(current);
      show(chaosNote, null);
    } catch (err) {
      if (!ctx.signal.aborted) show(chaosNote, errorNote(err), { keepSame: true });
    }
  }

  const refresh = () => Promise.all([refreshHealth(), refreshMetrics(), refreshChaos()]);
  await refresh();
  ctx.every(REFRESH_MS, refresh);
}
