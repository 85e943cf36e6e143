import { InputError } from '@backstage/errors';
import { ArgoCDUpstreamError } from './errors';
import {
  ArgoCDClientOptions,
  ArgoCDInstanceConfig,
  ArgoCDTransport,
  Call,
  Query,
} from './ArgoCDTransport';
import { readLogStream, readResultStream } from './podLogStream';
import type {
  AppProject,
  Application,
  Cluster,
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

const enc = encodeURIComponent;

/**
 * A call on one application (`/applications/<name><sub>`): `project=` goes in the query wherever the
 * AppProject is known, and both are named for the error messages.
 */
/** Which managed resources a diff is asked for (all when empty). */
export type ManagedResourceFilter = {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
};

/** The resource whose events are asked for (the application's when empty). */
export type EventSource = {
  resourceNamespace?: string;
  resourceName?: string;
  resourceUID?: string;
};

function onApp(
  method: Call['method'],
  name: string,
  sub: string,
  project: string | undefined,
  extra: { query?: Query; signal?: AbortSignal } = {},
): Call {
  return {
    method,
    path: `/applications/${enc(name)}${sub}`,
    query: { ...extra.query, project },
    application: name,
    project,
    signal: extra.signal,
  };
}

/**
 * A typed client of one Argo CD instance's REST API: its operations, with `project=` passed wherever the
 * AppProject is known (so a missing app is a 404 rather than Argo CD's 403). HTTP, timeouts, retries and
 * error mapping are the transport's (`ArgoCDTransport.ts`); pod logs are read by `podLogStream.ts`.
 */
export class ArgoCDClient {
  private readonly http: ArgoCDTransport;
  private readonly logger?: ArgoCDClientOptions['logger'];
  /** False once the server showed it has no v2 resource action endpoint (Argo CD before 3.1). */
  private actionsV2 = true;

  constructor(
    instance: ArgoCDInstanceConfig,
    options: ArgoCDClientOptions = {},
  ) {
    this.http = new ArgoCDTransport(instance, options);
    this.logger = options.logger;
  }

  /** The instance's name in config. */
  get name(): string {
    return this.http.name;
  }

  /** Timeout of one request in ms. */
  get timeoutMs(): number {
    return this.http.timeoutMs;
  }

  private json<T>(call: Call): Promise<T> {
    return this.http.json<T>(call);
  }

  /** The `items` of a list answer; Argo CD omits the field (or sends null) when there are none. */
  private async items<T>(call: Call): Promise<T[]> {
    const res = await this.http.json<{ items?: T[] | null }>(call);
    return res.items ?? [];
  }

  /** The `items` of a GET below the application (`sub`), asked with `query`. */
  private appItems<T>(
    name: string,
    sub: string,
    query: Query,
    project: string | undefined,
  ): Promise<T[]> {
    return this.items<T>(onApp('GET', name, sub, project, { query }));
  }

  // ---- AppProjects

  /** One AppProject; a missing one is a NotFoundError (Argo CD answers 404). */
  getProject(name: string): Promise<AppProject> {
    return this.json<AppProject>({
      method: 'GET',
      path: `/projects/${enc(name)}`,
      project: name,
    });
  }

  /** The clusters Argo CD deploys to, with their names and server addresses. */
  listClusters(): Promise<Cluster[]> {
    return this.items<Cluster>({ method: 'GET', path: '/clusters' });
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
    return this.json<Application>(
      onApp('GET', name, '', options.project, {
        query: { refresh: options.refresh },
        signal: options.signal,
      }),
    );
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
    await this.json(
      onApp('DELETE', name, '', options.project, {
        query: {
          cascade: options.cascade,
          propagationPolicy: options.propagationPolicy,
        },
      }),
    );
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
    await this.json(onApp('DELETE', name, '/operation', options.project));
  }

  // ---- resources

  resourceTree(
    name: string,
    options: { project?: string; signal?: AbortSignal } = {},
  ): Promise<ApplicationTree> {
    return this.json<ApplicationTree>(
      onApp('GET', name, '/resource-tree', options.project, {
        signal: options.signal,
      }),
    );
  }

  /**
   * Argo CD's resource tree watch: the whole tree each time it changes, until the app is deleted or
   * `signal` is aborted. The timeout covers the start of the stream only.
   */
  async *watchResourceTree(
    name: string,
    options: { project?: string; signal?: AbortSignal } = {},
  ): AsyncGenerator<ApplicationTree, void, undefined> {
    const call: Call = {
      method: 'GET',
      path: `/stream/applications/${enc(name)}/resource-tree`,
      query: { project: options.project },
      application: name,
      project: options.project,
      signal: options.signal,
    };
    const res = await this.http.send(call, { stream: true });
    if (!res.body) return;
    yield* readResultStream<ApplicationTree & { last?: boolean }>(
      res.body,
      this.http.context(call),
      { timeoutMs: this.http.timeoutMs, signal: options.signal },
    );
  }

  /** Diff material of the managed resources (states are JSON strings). */
  async managedResources(
    name: string,
    filter: ManagedResourceFilter = {},
    options: { project?: string } = {},
  ): Promise<ResourceDiff[]> {
    return this.appItems(name, '/managed-resources', filter, options.project);
  }

  /** The live manifest of one resource of the app's tree, parsed. */
  async getResource(
    name: string,
    resource: ResourceQuery,
    options: { project?: string } = {},
  ): Promise<Record<string, unknown>> {
    const res = await this.json<{ manifest?: string }>(
      onApp('GET', name, '/resource', options.project, {
        query: resourceQuery(resource),
      }),
    );
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
    await this.json(
      onApp('DELETE', name, '/resource', options.project, {
        query: {
          ...resourceQuery(resource),
          force: resource.force,
          orphan: resource.orphan,
        },
      }),
    );
  }

  async listResourceActions(
    name: string,
    resource: ResourceQuery,
    options: { project?: string } = {},
  ): Promise<ResourceAction[]> {
    const res = await this.json<{ actions?: ResourceAction[] | null }>(
      onApp('GET', name, '/resource/actions', options.project, {
        query: resourceQuery(resource),
      }),
    );
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
    { project, ...resource }: EventSource & { project?: string } = {},
  ): Promise<KubernetesEvent[]> {
    return this.appItems(name, '/events', resource, project);
  }

  /** Author, date and message of a git revision of the app's source. */
  revisionMetadata(
    name: string,
    revision: string,
    options: { project?: string; versionId?: number } = {},
  ): Promise<RevisionMetadata> {
    return this.json<RevisionMetadata>(
      onApp(
        'GET',
        name,
        `/revisions/${enc(revision)}/metadata`,
        options.project,
        { query: { versionId: options.versionId } },
      ),
    );
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
    const call = onApp('GET', name, '/logs', options.project, {
      query: { ...query },
      signal: options.signal,
    });
    const res = await this.http.send(call, { stream: true });
    if (!res.body) return;
    yield* readLogStream(res.body, this.http.context(call), {
      timeoutMs: this.http.timeoutMs,
      signal: options.signal,
    });
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
