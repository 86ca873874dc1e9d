// Prometheus text format (0.0.4) as /_metrics prints it: `name{label="value",…} value [time]`;
// comments (# HELP, # TYPE) and blank lines carry nothing the charts need.

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /\s*([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
const SPECIAL = { NaN: NaN, '+Inf': Infinity, Inf: Infinity, '-Inf': -Infinity };

function parseLabels(text) {
  const labels = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match) return text.slice(start).trim() ? null : labels; // `{}` or a trailing comma
    labels[match[1]] = match[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    if (!match[3]) break; // end of text
  }
  return labels;
}

/** Prometheus text → [{ name, labels, value }] in printed order; throws on a malformed line. */
export function parsePrometheus(text) {
  const samples = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = SAMPLE.exec(line);
    const labels = match && parseLabels(match[2] ?? '');
    const value = match && (match[3] in SPECIAL ? SPECIAL[match[3]] : Number(match[3]));
    if (!labels || (Number.isNaN(value) && match[3] !== 'NaN')) {
      throw new Error(`Metrics line ${index + 1} is not a sample: ${line.slice(0, 80)}`);
    }
    samples.push({ name: match[1], labels, value });
  });
  return samples;
}
