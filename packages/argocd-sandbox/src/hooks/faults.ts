/**
 * Test hooks: fault injection (latency, HTTP errors, dropped connections) per endpoint pattern and a request
 * counter per endpoint.
 *
 * A pattern is `[METHOD ]PATH`. PATH is compared segment by segment with the request path (or with the
 * matched route template): `*` or `{anything}` matches one segment, a trailing `**` matches the rest.
 * Examples: `GET /api/v1/applications`, `/api/v1/applications/*`, `POST /api/v1/applications/{name}/sync`,
 * `/api/v1/**`. Without a method, any method matches.
 */
export interface FaultSpec {
  pattern: string;
  /** Delay before the request is handled (or before the error/drop happens). */
  latencyMs?: number;
  /** Answer with this HTTP status and the unary error body instead of handling the request. */
  status?: number;
  /** Message of the error body (default: "injected fault"). */
  message?: string;
  /** gRPC code of the error body (default derived from `status`). */
  code?: number;
  /** Destroy the socket without an answer. */
  drop?: boolean;
  /** How many matching requests the fault applies to; unlimited when absent. */
  count?: number;
  /**
   * Chance (0 to 1) that a matching request is hit; 1 when absent. A request the dice spare goes on to the
   * next matching fault, so `[{error, 0.1}, {drop, 0.1}, {latency, 0.1}]` hits about 30% of the calls.
   */
  probability?: number;
  /** The fault removes itself this long after it was added (e.g. "fail 30% of calls for a minute"). */
  durationMs?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** How many requests the fault has hit so far. */
  hits: number;
  /** How many matching requests the dice spared. */
  spared: number;
  /** When the fault expires (epoch ms), from `durationMs`. */
  expiresAt?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  route: string;
  at: number;
  /** Injected latency the server waited out before handling the request (set once the wait is over). */
  delayedMs?: number;
}

export class Hooks {
  private faults: Fault[] = [];
  private records: RequestRecord[] = [];
  private nextId = 1;
  private readonly random: () => number;
  private readonly now: () => number;

  /** `random` and `now` are replaceable so that tests can roll the dice and move time themselves. */
  constructor(options: { random?: () => number; now?: () => number } = {}) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  addFault(spec: FaultSpec): Fault {
    if (!spec || typeof spec.pattern !== 'string' || !spec.pattern.trim()) {
      throw new Error(
        'a fault needs a pattern, e.g. "GET /api/v1/applications"',
      );
    }
    const p = spec.probability;
    if (p !== undefined && !(typeof p === 'number' && p >= 0 && p <= 1))
      throw new Error(`probability must be a number from 0 to 1, not ${p}`);
    const d = spec.durationMs;
    if (d !== undefined && !(typeof d === 'number' && d > 0))
      throw new Error(`durationMs must be a positive number, not ${d}`);
    const fault: Fault = {
      ...spec,
      id: String(this.nextId++),
      hits: 0,
      spared: 0,
      ...(d !== undefined ? { expiresAt: this.now() + d } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  /** Convenience: delay matching requests. */
  latency(pattern: string, latencyMs: number, count?: number): Fault {
    return this.addFault({ pattern, latencyMs, count });
  }

  /** Convenience: fail matching requests with an HTTP status. */
  fail(
    pattern: string,
    status = 500,
    message = 'injected fault',
    count?: number,
  ): Fault {
    return this.addFault({ pattern, status, message, count });
  }

  /** Convenience: destroy the socket of matching requests. */
  drop(pattern: string, count?: number): Fault {
    return this.addFault({ pattern, drop: true, count });
  }

  removeFault(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter(f => f.id !== id);
    return this.faults.length !== before;
  }

  clearFaults(): void {
    this.faults = [];
  }

  listFaults(): Fault[] {
    this.dropExpired();
    return this.faults.map(f => ({ ...f }));
  }

  private dropExpired(): void {
    const now = this.now();
    this.faults = this.faults.filter(
      f => f.expiresAt === undefined || f.expiresAt > now,
    );
  }

  /** Takes the first active fault matching the request whose dice roll hits (and counts it). */
  takeFault(method: string, path: string, route: string): Fault | undefined {
    this.dropExpired();
    const fault = this.faults.find(f => {
      if (!matches(f.pattern, method, path, route)) return false;
      if (f.probability === undefined || this.random() < f.probability)
        return true;
      f.spared++;
      return false;
    });
    if (!fault) return undefined;
    fault.hits++;
    if (fault.count !== undefined && fault.hits >= fault.count)
      this.removeFault(fault.id);
    return { ...fault };
  }

  record(
    method: string,
    path: string,
    route: string,
    at = Date.now(),
  ): RequestRecord {
    const entry: RequestRecord = { method, path, route, at };
    this.records.push(entry);
    if (this.records.length > 100_000)
      this.records.splice(0, this.records.length - 100_000);
    return entry;
  }

  /** Number of requests matching the pattern since the last reset. */
  count(pattern: string): number {
    return this.records.filter(r => matches(pattern, r.method, r.path, r.route))
      .length;
  }

  /** Requests per matched route (`METHOD /template`), since the last reset. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) out[r.route] = (out[r.route] ?? 0) + 1;
    return out;
  }

  requests(pattern?: string): RequestRecord[] {
    return this.records.filter(
      r => !pattern || matches(pattern, r.method, r.path, r.route),
    );
  }

  resetCounts(): void {
    this.records = [];
  }

  reset(): void {
    this.clearFaults();
    this.resetCounts();
  }
}

export function matches(
  pattern: string,
  method: string,
  path: string,
  route: string,
): boolean {
  const trimmed = pattern.trim();
  const m = /^([A-Z]+)\s+(.*)$/.exec(trimmed);
  const pMethod = m ? m[1] : undefined;
  const pPath = m ? m[2] : trimmed;
  if (pMethod && pMethod !== method) return false;
  const routePath = route.includes(' ')
    ? route.slice(route.indexOf(' ') + 1)
    : route;
  return (
    pathMatches(pPath, path) ||
    (routePath !== '' && pathMatches(pPath, routePath, true))
  );
}

function pathMatches(
  pattern: string,
  path: string,
  literalTemplate = false,
): boolean {
  const p = pattern.split('?')[0].split('/').filter(Boolean);
  const a = path.split('?')[0].split('/').filter(Boolean);
  for (let i = 0; i < p.length; i++) {
    const seg = p[i];
    if (seg === '**' && i === p.length - 1) return true;
    if (i >= a.length) return false;
    if (seg === '*') continue;
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (literalTemplate && !(a[i].startsWith('{') && a[i].endsWith('}')))
        return false;
      continue;
    }
    if (seg !== a[i]) return false;
  }
  return p.length === a.length;
}
