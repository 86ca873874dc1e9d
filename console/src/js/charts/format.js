/** Drops float noise such as 0.30000000000000004. */
export const round = (v) => Number(v.toPrecision(12));

/** "0.25", "3.5", "120": rates with about three significant digits. */
export function formatRate(v) {
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return String(round(Number(v.toFixed(2))));
}

/** 93784 → "1 d 2 h 3 min 4 s"; leading zero units are left out. */
export function formatUptime(seconds) {
  let rest = Math.max(0, Math.floor(Number(seconds) || 0));
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60]]) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n || parts.length) parts.push(`${n} ${unit}`);
  }
  parts.push(`${rest} s`);
  return parts.join(' ');
}
