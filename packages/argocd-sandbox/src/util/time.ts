/** RFC 3339 to the second, as Kubernetes writes metav1.Time. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3339 with nanoseconds (Go's time.RFC3339Nano drops trailing zeros). */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  const base = new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '');
  const nanos = Math.round((ms % 1000) * 1e6) + extraNanos;
  if (nanos === 0) return `${base}Z`;
  return `${base}.${String(nanos).padStart(9, '0').replace(/0+$/, '')}Z`;
}

/** Parses a Rollouts duration: an int (seconds) or a string with unit s/m/h. Returns ms or undefined. */
export function parseDurationMs(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return value * 1000;
  const m = /^(\d+)(s|m|h)?$/.exec(String(value).trim());
  if (!m) return undefined;
  const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000 };
  return Number(m[1]) * unitMs[m[2] ?? 's'];
}
