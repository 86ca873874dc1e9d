// The fault rules and effects in force on the server (/_chaos/faults, /_chaos/effects; README
// "Testing your client's failure handling"), as text for the server screen. No DOM here.

/** 0.3 → "30 %", 1 → "100 %", 0.125 → "12.5 %". */
export function formatProbability(p) {
  return `${Number((Number(p) * 100).toPrecision(12))} %`;
}

/** What a matching request meets: "503 ServiceUnavailable", or its job ending FAILED. */
export function ruleEffect(rule) {
  if (rule.job) return `Its job ends FAILED: ${rule.job.error}`;
  return `${rule.error?.statusCode ?? 503} ${rule.error?.code ?? 'ServiceUnavailable'}`;
}

/** One table row per rule, in the order they are checked (the first that selects wins). */
export function ruleRows(rules) {
  return (rules ?? []).map((rule, i) => [
    String(i + 1),
    rule.service ?? 'any service',
    rule.region ?? 'any region',
    rule.operation ?? 'any operation',
    formatProbability(rule.probability ?? 1),
    ruleEffect(rule),
  ]);
}

/** {"latency": ms} as a sentence. */
export function effectsText(effects) {
  const latency = Number(effects?.latency) || 0;
  return latency > 0
    ? `${latency} ms of latency added to every AWS API response.`
    : 'No added latency.';
}
