import type { LoggerService } from '@backstage/backend-plugin-api';
import { timeUpstream } from '../metrics';
import {
  ArgoCDUpstreamError,
  CallContext,
  mapNetworkError,
  mapUpstreamError,
} from './errors';

/** One Argo CD instance from config. */
export interface ArgoCDInstanceConfig {
  name: string;
  /** Base URL without /api/v1 (a root path is kept). */
  url: string;
  token: string;
  /** Timeout of one request in ms (reads, writes, and the start of a stream). */
  timeoutMs?: number;
}

/** Options of {@link ArgoCDClient}. */
export interface ArgoCDClientOptions {
  logger?: LoggerService;
  /** Default timeout in ms (default 30 s). */
  timeoutMs?: number;
  /** Retries of idempotent reads on network errors and 500/502/503/504 (default 2). */
  retries?: number;
  /** First backoff delay in ms, doubled per retry, with jitter (default 200). */
  backoffMs?: number;
  /** fetch implementation (tests). */
  fetch?: typeof fetch;
}

export type Query = Record<
  string,
  string | number | boolean | string[] | undefined | null
>;

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Below /api/v1, e.g. `/applications/web`; segments already encoded. */
  path: string;
  query?: Query;
  body?: unknown;
  application?: string;
  project?: string;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// A read answered 500 is retried too: Argo CD answers 500 for passing failures (a leader change, a cache being
// rebuilt), and one of them must not fail a deploy. A read that keeps failing still fails after the retries.
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    // Array parameters repeat the key (collectionFormat: multi).
    if (Array.isArray(value)) value.forEach(v => params.append(key, v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const timeoutError = () =>
  Object.assign(new Error('timeout'), { name: 'TimeoutError' });

/**
 * HTTP to one Argo CD instance's REST API (`<url>/api/v1`), with the real server's traps handled:
 * `Content-Type: application/json` on every non-GET (DELETE included). Each request has a timeout; reads
 * (GET) are retried with backoff on network errors and 500/502/503/504; writes are never retried. Errors are
 * Backstage errors carrying the upstream message (see `errors.ts`). The token is only ever put in the
 * Authorization header; it is never logged or put in a message.
 */
export class ArgoCDTransport {
  readonly name: string;
  readonly timeoutMs: number;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly logger?: LoggerService;
  private readonly fetchImpl: typeof fetch;

  constructor(
    instance: ArgoCDInstanceConfig,
    options: ArgoCDClientOptions = {},
  ) {
    this.name = instance.name;
    this.baseUrl = `${instance.url.replace(/\/+$/, '')}/api/v1`;
    this.token = instance.token;
    this.timeoutMs =
      instance.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = Math.max(0, options.retries ?? 2);
    this.backoffMs = options.backoffMs ?? 200;
    this.logger = options.logger;
    this.fetchImpl = options.fetch ?? fetch;
  }

  context(call: Call): CallContext {
    return {
      instance: this.name,
      method: call.method,
      path: call.path,
      application: call.application,
      withProject: !!call.project,
    };
  }

  /** One request whose answer is a JSON document (an empty body reads as `{}`). */
  async json<T>(call: Call): Promise<T> {
    const res = await this.send(call, { stream: false });
    const text = await res.text();
    if (!text.trim()) return {} as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ArgoCDUpstreamError(
        `Argo CD "${this.name}" answered ${call.method} ${
          call.path
        } with a body that is not JSON: ${text.slice(0, 200)}`,
        { instance: this.name, upstreamStatus: res.status },
      );
    }
  }

  /**
   * One request with timeout; GETs retried. Returns a 2xx response or throws the mapped error. A `stream`
   * response is handed over as it arrives (the timeout covers its start); any other is read whole first.
   */
  async send(call: Call, mode: { stream: boolean }): Promise<Response> {
    return timeUpstream('argocd', this.name, () =>
      this.sendWithRetries(call, mode),
    );
  }

  private async sendWithRetries(
    call: Call,
    mode: { stream: boolean },
  ): Promise<Response> {
    const ctx = this.context(call);
    const url = `${this.baseUrl}${call.path}${queryString(call.query)}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      Accept: 'application/json',
    };
    // Argo CD answers 415 to any non-GET without this header, DELETEs without a body included.
    if (call.method !== 'GET') headers['Content-Type'] = 'application/json';
    const body =
      call.body === undefined ? undefined : JSON.stringify(call.body);
    const attempts = call.method === 'GET' ? this.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      // A timer of our own rather than AbortSignal.timeout: a stream's deadline must end once it has
      // started (a followed log or a tree watch lasts as long as the reader wants), a read's once its
      // body is in.
      const deadline = new AbortController();
      const timer = setTimeout(
        () => deadline.abort(timeoutError()),
        this.timeoutMs,
      );
      const timeout = deadline.signal;
      const signal = call.signal
        ? AbortSignal.any([call.signal, timeout])
        : timeout;
      let res: Response;
      try {
        res = await this.fetchImpl(url, {
          method: call.method,
          headers,
          body,
          signal,
        });
      } catch (error) {
        clearTimeout(timer);
        if (call.signal?.aborted) throw error;
        const timedOut =
          (error as Error)?.name === 'TimeoutError' || timeout.aborted;
        if (!timedOut && attempt < attempts) {
          await this.backoff(
            ctx,
            attempt,
            `network error: ${(error as Error).message}`,
          );
          continue;
        }
        throw mapNetworkError(
          ctx,
          timedOut ? timeoutError() : error,
          this.timeoutMs,
        );
      }
      if (res.ok && mode.stream) {
        clearTimeout(timer);
        return res;
      }
      if (res.ok) {
        try {
          return await this.withBodyTimeout(res, ctx, timeout);
        } finally {
          clearTimeout(timer);
        }
      }
      const text = await res.text().catch(() => '');
      clearTimeout(timer);
      if (RETRYABLE_STATUS.has(res.status) && attempt < attempts) {
        await this.backoff(ctx, attempt, `HTTP ${res.status}`);
        continue;
      }
      throw mapUpstreamError(ctx, res.status, text);
    }
  }

  /** Reads the whole body now, so a connection dropped or stalled mid-body maps like one dropped before. */
  private async withBodyTimeout(
    res: Response,
    ctx: CallContext,
    timeout: AbortSignal,
  ): Promise<Response> {
    try {
      const text = await res.text();
      return new Response(text, { status: res.status, headers: res.headers });
    } catch (error) {
      throw mapNetworkError(
        ctx,
        timeout.aborted ? timeoutError() : error,
        this.timeoutMs,
      );
    }
  }

  private async backoff(ctx: CallContext, attempt: number, reason: string) {
    const delay =
      this.backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
    this.logger?.debug(
      `Argo CD "${this.name}" ${ctx.method} ${
        ctx.path
      } failed (${reason}); retry ${attempt} in ${Math.round(delay)} ms`,
    );
    await sleep(delay);
  }
}
