import type { LoggerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  ArgoCDUpstreamError,
  CallContext,
  mapNetworkError,
  mapUpstreamError,
} from './errors';
import type {
  Application,
  ApplicationList,
  ApplicationTree,
  KubernetesEvent,
  LogEntry,
  LogQuery,
  ResourceAction,
  ResourceDiff,
  ResourceQuery,
  RevisionMetadata,
  SyncRequest,
} from './types';

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
  /** Retries of idempotent reads on network errors and 502/503/504 (default 2). */
  retries?: number;
  /** First backoff delay in ms, doubled per retry, with jitter (default 200). */
  backoffMs?: number;
  /** fetch implementation (tests). */
  fetch?: typeof fetch;
}

type Query = Record<
  string,
  string | number | boolean | string[] | undefined | null
>;

interface Call {
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
const RETRYABLE_STATUS = new Set([502, 503, 504]);
const enc = encodeURIComponent;

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

/**
 * A typed client of one Argo CD instance's REST API (`<url>/api/v1`), with the real server's traps handled:
 * `Content-Type: application/json` on every non-GET (DELETE included), `project=` passed wherever the
 * AppProject is known (so a missing app is a 404 rather than Argo CD's 403), pod logs as newline-delimited
 * JSON. Each request has a timeout; reads (GET) are retried with backoff on network errors and 502/503/504;
 * writes are never retried. Errors are Backstage errors carrying the upstream message (see `errors.ts`).
 * The token is only ever put in the Authorization header; it is never logged or put in a message.
 */
export class ArgoCDClient {
  readonly name: string;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly logger?: LoggerService;
  private readonly fetchImpl: typeof fetch;
  /** False once the server showed it has no v2 resource action endpoint (Argo CD before 3.1). */
  private actionsV2 = true;

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

  // ---- applications

  /** Applications matching a label selector and/or AppProjects (one call; served from Argo CD's cache). */
  async listApplications(
    options: {
      selector?: string;
      projects?: string[];
      repo?: string;
      fields?: string[];
      signal?: AbortSignal;
    } = {},
  ): Promise<Application[]> {
    const list = await this.json<ApplicationList>({
      method: 'GET',
      path: '/applications',
      query: {
        selector: options.selector,
        projects: options.projects,
        repo: options.repo,
        fields: options.fields?.join(','),
      },
      signal: options.signal,
    });
    return list.items ?? [];
  }

  /** One application; `refresh` blocks until Argo CD has reconciled it (bounded by the timeout). */
  getApplication(
    name: string,
    options: {
      project?: string;
      refresh?: 'normal' | 'hard';
      signal?: AbortSignal;
    } = {},
  ): Promise<Application> {
    return this.json<Application>({
      method: 'GET',
      path: `/applications/${enc(name)}`,
      query: { project: options.project, refresh: options.refresh },
      application: name,
      project: options.project,
      signal: options.signal,
    });
  }

  /** Creates an application; with `upsert` an existing one is updated (spec replaced, labels merged). */
  createApplication(
    app: Application,
    options: { upsert?: boolean; validate?: boolean } = {},
  ): Promise<Application> {
    return this.json<Application>({
      method: 'POST',
      path: '/applications',
      query: { upsert: options.upsert, validate: options.validate },
      body: app,
      application: app.metadata.name,
      project: app.spec.project,
    });
  }

  /** Deletes an application; `cascade` (default true on the server) deletes its resources too. Asynchronous. */
  async deleteApplication(
    name: string,
    options: {
      cascade?: boolean;
      propagationPolicy?: 'foreground' | 'background';
      project?: string;
    } = {},
  ): Promise<void> {
    await this.json({
      method: 'DELETE',
      path: `/applications/${enc(name)}`,
      query: {
        cascade: options.cascade,
        propagationPolicy: options.propagationPolicy,
        project: options.project,
      },
      application: name,
      project: options.project,
    });
  }

  /** Records a sync operation (the controller runs it); 409 when another operation is in progress. */
  sync(name: string, body: SyncRequest = {}): Promise<Application> {
    return this.json<Application>({
      method: 'POST',
      path: `/applications/${enc(name)}/sync`,
      body: { ...body, name },
      application: name,
      project: body.project,
    });
  }

  /** Terminates the running operation; 400 when none runs. */
  async terminateOperation(
    name: string,
    options: { project?: string } = {},
  ): Promise<void> {
    await this.json({
      method: 'DELETE',
      path: `/applications/${enc(name)}/operation`,
      query: { project: options.project },
      application: name,
      project: options.project,
    });
  }

  // ---- resources

  resourceTree(
    name: string,
    options: { project?: string; signal?: AbortSignal } = {},
  ): Promise<ApplicationTree> {
    return this.json<ApplicationTree>({
      method: 'GET',
      path: `/applications/${enc(name)}/resource-tree`,
      query: { project: options.project },
      application: name,
      project: options.project,
      signal: options.signal,
    });
  }

  /** Diff material of the managed resources (states are JSON strings). */
  async managedResources(
    name: string,
    filter: {
      group?: string;
      version?: string;
      kind?: string;
      namespace?: string;
      name?: string;
    } = {},
    options: { project?: string } = {},
  ): Promise<ResourceDiff[]> {
    const res = await this.json<{ items?: ResourceDiff[] | null }>({
      method: 'GET',
      path: `/applications/${enc(name)}/managed-resources`,
      query: { ...filter, project: options.project },
      application: name,
      project: options.project,
    });
    return res.items ?? [];
  }

  /** The live manifest of one resource of the app's tree, parsed. */
  async getResource(
    name: string,
    resource: ResourceQuery,
    options: { project?: string } = {},
  ): Promise<Record<string, unknown>> {
    const res = await this.json<{ manifest?: string }>({
      method: 'GET',
      path: `/applications/${enc(name)}/resource`,
      query: { ...resourceQuery(resource), project: options.project },
      application: name,
      project: options.project,
    });
    try {
      return JSON.parse(res.manifest ?? 'null') ?? {};
    } catch {
      throw new ArgoCDUpstreamError(
        `Argo CD "${this.name}" answered a manifest that is not JSON`,
        {
          instance: this.name,
        },
      );
    }
  }

  /** Deletes one live resource (foreground; `orphan` keeps dependents, `force` is background with no grace). */
  async deleteResource(
    name: string,
    resource: ResourceQuery & { force?: boolean; orphan?: boolean },
    options: { project?: string } = {},
  ): Promise<void> {
    await this.json({
      method: 'DELETE',
      path: `/applications/${enc(name)}/resource`,
      query: {
        ...resourceQuery(resource),
        force: resource.force,
        orphan: resource.orphan,
        project: options.project,
      },
      application: name,
      project: options.project,
    });
  }

  async listResourceActions(
    name: string,
    resource: ResourceQuery,
    options: { project?: string } = {},
  ): Promise<ResourceAction[]> {
    const res = await this.json<{ actions?: ResourceAction[] | null }>({
      method: 'GET',
      path: `/applications/${enc(name)}/resource/actions`,
      query: { ...resourceQuery(resource), project: options.project },
      application: name,
      project: options.project,
    });
    return res.actions ?? [];
  }

  /**
   * Runs a resource action (e.g. a Rollout's `promote-full`): the v2 endpoint (Argo CD 3.1+), falling back
   * to the deprecated v1 endpoint (body = the action name as a JSON string) when the server has no v2
   * (404/501), and remembering that for the next calls.
   */
  async runResourceAction(
    name: string,
    resource: ResourceQuery,
    action: string,
    options: {
      project?: string;
      parameters?: Array<{ name: string; value: string }>;
    } = {},
  ): Promise<void> {
    if (this.actionsV2) {
      try {
        await this.json({
          method: 'POST',
          path: `/applications/${enc(name)}/resource/actions/v2`,
          body: {
            name,
            ...resourceQuery(resource),
            action,
            ...(options.parameters?.length
              ? { resourceActionParameters: options.parameters }
              : {}),
            ...(options.project ? { project: options.project } : {}),
          },
          application: name,
          project: options.project,
        });
        return;
      } catch (error) {
        const status = (error as { upstreamStatus?: number }).upstreamStatus;
        if (status !== 404 && status !== 501) throw error;
        this.logger?.info(
          `Argo CD "${this.name}" has no v2 resource action endpoint (HTTP ${status}); using v1`,
        );
      }
    }
    if (options.parameters?.length) {
      throw new InputError(
        `Argo CD "${this.name}" is older than 3.1 and cannot run actions with parameters`,
      );
    }
    await this.json({
      method: 'POST',
      path: `/applications/${enc(name)}/resource/actions`,
      query: { ...resourceQuery(resource), project: options.project },
      body: action,
      application: name,
      project: options.project,
    });
    this.actionsV2 = false;
  }

  /** Events of the application, or of one resource when all of namespace, name and uid are given. */
  async events(
    name: string,
    resource: {
      resourceNamespace?: string;
      resourceName?: string;
      resourceUID?: string;
    } = {},
    options: { project?: string } = {},
  ): Promise<KubernetesEvent[]> {
    const res = await this.json<{ items?: KubernetesEvent[] | null }>({
      method: 'GET',
      path: `/applications/${enc(name)}/events`,
      query: { ...resource, project: options.project },
      application: name,
      project: options.project,
    });
    return res.items ?? [];
  }

  /** Author, date and message of a git revision of the app's source. */
  revisionMetadata(
    name: string,
    revision: string,
    options: { project?: string; versionId?: number } = {},
  ): Promise<RevisionMetadata> {
    return this.json<RevisionMetadata>({
      method: 'GET',
      path: `/applications/${enc(name)}/revisions/${enc(revision)}/metadata`,
      query: { project: options.project, versionId: options.versionId },
      application: name,
      project: options.project,
    });
  }

  /**
   * Pod logs as an async iterator of entries. Reads Argo CD's newline-delimited JSON (`{result}` per
   * line), stops at the `last: true` entry (not yielded), and throws the mapped error of a mid-stream
   * `{error}` line. The timeout covers the start of the stream; abort `signal` to stop following.
   */
  async *podLogs(
    name: string,
    query: LogQuery = {},
    options: { project?: string; signal?: AbortSignal } = {},
  ): AsyncGenerator<LogEntry, void, undefined> {
    const ctx = this.context(
      'GET',
      `/applications/${enc(name)}/logs`,
      name,
      options.project,
    );
    const res = await this.send(
      {
        method: 'GET',
        path: ctx.path,
        query: { ...query, project: options.project },
        application: name,
        project: options.project,
        signal: options.signal,
      },
      ctx,
      { stream: true },
    );
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let done = false;
    try {
      while (!done) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (options.signal?.aborted) return;
          throw mapNetworkError(ctx, error, this.timeoutMs);
        }
        done = chunk.done;
        buffer += done
          ? decoder.decode()
          : decoder.decode(chunk.value, { stream: true });
        const lines = buffer.split('\n');
        buffer = done ? '' : lines.pop()!;
        for (const raw of lines) {
          const line = raw.trim();
          if (!line) continue;
          const item = this.parseLogLine(line, ctx);
          if (item.last) return;
          yield item;
        }
      }
    } finally {
      // Stops following (and frees the connection) when the consumer stops early.
      await reader.cancel().catch(() => undefined);
    }
  }

  private parseLogLine(line: string, ctx: CallContext): LogEntry {
    let item: {
      result?: LogEntry;
      error?: { message?: string; http_code?: number };
    };
    try {
      item = JSON.parse(line);
    } catch {
      throw new ArgoCDUpstreamError(
        `Argo CD "${this.name}" sent a log line that is not JSON: ${line.slice(
          0,
          200,
        )}`,
        { instance: this.name },
      );
    }
    if (item.error) {
      const status =
        item.error.http_code && item.error.http_code >= 400
          ? item.error.http_code
          : 500;
      throw mapUpstreamError(
        { ...ctx, withProject: true },
        status,
        JSON.stringify(item),
      );
    }
    return item.result ?? {};
  }

  // ---- transport

  private context(
    method: string,
    path: string,
    application?: string,
    project?: string,
  ): CallContext {
    return {
      instance: this.name,
      method,
      path,
      application,
      withProject: !!project,
    };
  }

  private async json<T>(call: Call): Promise<T> {
    const ctx = this.context(
      call.method,
      call.path,
      call.application,
      call.project,
    );
    const res = await this.send(call, ctx, { stream: false });
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

  /** One request with timeout; GETs retried. Returns a 2xx response or throws the mapped error. */
  private async send(
    call: Call,
    ctx: CallContext,
    mode: { stream: boolean },
  ): Promise<Response> {
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
      const timeout = AbortSignal.timeout(this.timeoutMs);
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
          timedOut
            ? Object.assign(new Error('timeout'), { name: 'TimeoutError' })
            : error,
          this.timeoutMs,
        );
      }
      if (res.ok) {
        if (!mode.stream) return this.withBodyTimeout(res, ctx, timeout);
        return res;
      }
      const text = await res.text().catch(() => '');
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
        timeout.aborted
          ? Object.assign(new Error('timeout'), { name: 'TimeoutError' })
          : error,
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

function resourceQuery(r: ResourceQuery) {
  return {
    namespace: r.namespace,
    resourceName: r.resourceName,
    version: r.version,
    group: r.group,
    kind: r.kind,
  };
}

/**
 * The Argo CD instances of `appCenter.argocd.instances`, by name. A project names the instance that applies
 * its manifests; asking for a name that is not configured is a clear error.
 */
export class ArgoCDInstances {
  private readonly clients = new Map<string, ArgoCDClient>();

  constructor(
    instances: ArgoCDInstanceConfig[],
    options: ArgoCDClientOptions = {},
  ) {
    for (const instance of instances) {
      if (this.clients.has(instance.name)) {
        throw new Error(
          `appCenter.argocd.instances names "${instance.name}" twice`,
        );
      }
      this.clients.set(instance.name, new ArgoCDClient(instance, options));
    }
  }

  /** Reads `appCenter.argocd` (instances, and `timeout` globally or per instance, e.g. '30s'). */
  static fromConfig(
    config: Config,
    options: Omit<ArgoCDClientOptions, 'timeoutMs'> = {},
  ): ArgoCDInstances {
    const argocd = config.getOptionalConfig('appCenter.argocd');
    const timeout = (c: Config | undefined) =>
      c?.has('timeout')
        ? durationToMilliseconds(readDurationFromConfig(c, { key: 'timeout' }))
        : undefined;
    const instances = (argocd?.getOptionalConfigArray('instances') ?? []).map(
      c => ({
        name: c.getString('name'),
        url: c.getString('url'),
        token: c.getString('token'),
        timeoutMs: timeout(c),
      }),
    );
    return new ArgoCDInstances(instances, {
      ...options,
      timeoutMs: timeout(argocd),
    });
  }

  names(): string[] {
    return [...this.clients.keys()];
  }

  /** The client of an instance; an unknown name is a configuration error (502: App Center cannot reach it). */
  get(name: string): ArgoCDClient {
    const client = this.clients.get(name);
    if (!client) {
      throw new ArgoCDUpstreamError(
        `Argo CD instance "${name}" is not configured (appCenter.argocd.instances has ${
          this.names()
            .map(n => `"${n}"`)
            .join(', ') || 'none'
        }); ask a portal admin to add it or change the project's instance`,
        { instance: name },
      );
    }
    return client;
  }
}
