/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  ApiError,
  GrpcCode,
  invalidArgument,
  failedPrecondition,
  notFound,
  permissionDenied,
} from '../http/errors.ts';
import { RepoError } from '../repo/gitReader.ts';
import { clone, deepEqual, isObject, mergePatch } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';
import type { Application } from './appStore.ts';
import { ARGOCD_NAMESPACE } from './appStore.ts';
import type { AppController } from './controller.ts';
import { parseFields, projectApp } from './fields.ts';
import type { OperationRunner } from './operations.ts';
import { matchesSelector, parseSelector, SelectorError } from './selector.ts';

export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
const DNS1123 =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export interface ServiceOptions {
  /** AppProjects that exist; when absent every project name is accepted. */
  projects?: string[];
  /** Destination cluster names that exist; when absent every destination is accepted. */
  clusters?: string[];
  username: string;
}

export interface ListQuery {
  selector?: string | null;
  projects: string[];
  name?: string | null;
  repo?: string | null;
  appNamespace?: string | null;
  fields?: string | null;
}

/** The Application service of the API server: validation, RBAC-like lookups and the traps of the real one. */
export class ApplicationService {
  readonly ctl: AppController;
  readonly ops: OperationRunner;
  readonly options: ServiceOptions;

  constructor(
    ctl: AppController,
    ops: OperationRunner,
    options: ServiceOptions,
  ) {
    this.ctl = ctl;
    this.ops = ops;
    this.options = options;
  }

  /** Looks an app up the way the server does: missing and forbidden look the same without `project`. */
  find(
    name: string,
    project?: string | string[] | null,
    appNamespace?: string | null,
  ): Application {
    const projects = (
      Array.isArray(project) ? project : project ? [project] : []
    ).filter(Boolean);
    if (projects.length > 1)
      throw invalidArgument('multiple projects are not supported');
    const app = this.ctl.apps.get(name);
    const nsOk = !appNamespace || appNamespace === ARGOCD_NAMESPACE;
    if (!app || !nsOk) {
      if (projects.length)
        throw notFound(`applications.argoproj.io "${name}" not found`);
      throw permissionDenied();
    }
    if (projects.length && app.spec?.project !== projects[0])
      throw notFound(`applications.argoproj.io "${name}" not found`);
    return app;
  }

  list(q: ListQuery): any {
    let reqs;
    try {
      reqs = parseSelector(q.selector);
    } catch (e) {
      if (e instanceof SelectorError)
        throw new ApiError(
          GrpcCode.Unknown,
          `error parsing the selector: ${e.message}`,
        );
      throw e;
    }
    const fields = parseFields(q.fields ?? null);
    const items = this.ctl.apps
      .peekAll()
      .filter(a => matchesSelector(reqs, a.metadata.labels))
      .filter(a => !q.projects.length || q.projects.includes(a.spec?.project))
      .filter(a => !q.name || a.metadata.name === q.name)
      .filter(a => !q.repo || sameRepo(a.spec?.source?.repoURL, q.repo))
      .filter(() => !q.appNamespace || q.appNamespace === ARGOCD_NAMESPACE)
      .map(a => {
        const copy = clone(a);
        // List is served from the informer cache without the tree: no per-resource health (ENDPOINTS.md 5.4)
        for (const r of copy.status?.resources ?? []) delete r.health;
        return fields ? projectApp(copy, fields) : copy;
      });
    return {
      metadata: { resourceVersion: this.ctl.apps.resourceVersion() },
      items,
    };
  }

  async get(
    name: string,
    project: string[] | string | null,
    refresh: string | null,
    appNamespace?: string | null,
  ): Promise<Application> {
    this.find(name, project, appNamespace);
    if (refresh !== null && refresh !== undefined) {
      this.ctl.apps.update(name, a => {
        a.metadata.annotations = {
          ...(a.metadata.annotations ?? {}),
          'argocd.argoproj.io/refresh': refresh === 'hard' ? 'hard' : 'normal',
        };
      });
      await this.ctl.compare(name, true);
      this.ctl.apps.update(name, a => {
        delete a.metadata.annotations['argocd.argoproj.io/refresh'];
        if (!Object.keys(a.metadata.annotations).length)
          delete a.metadata.annotations;
      });
    }
    return this.find(name, project, appNamespace);
  }

  private async validate(app: any, validate: boolean): Promise<void> {
    const name = app?.metadata?.name;
    if (!name) throw invalidArgument('application name is required');
    if (!DNS1123.test(name) || name.length > 253) {
      throw invalidArgument(
        `Application.argoproj.io "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      );
    }
    const spec = app.spec;
    if (!isObject(spec))
      throw invalidArgument(
        `application spec for ${name} is invalid: spec is required`,
      );
    const project = spec.project || 'default';
    if (this.options.projects && !this.options.projects.includes(project)) {
      throw invalidArgument(
        `application references project ${project} which does not exist`,
      );
    }
    const dest = spec.destination ?? {};
    if (dest.name && dest.server) {
      throw invalidArgument(
        `application destination can't have both name and server defined: ${dest.name} ${dest.server}`,
      );
    }
    if (!dest.name && !dest.server) {
      throw invalidArgument(
        `application spec for ${name} is invalid: InvalidSpecError: Destination server missing from app spec`,
      );
    }
    if (
      this.options.clusters &&
      dest.name &&
      !this.options.clusters.includes(dest.name)
    ) {
      throw invalidArgument(
        `application spec for ${name} is invalid: InvalidSpecError: there are no clusters with this name: ${dest.name}`,
      );
    }
    if (!spec.source?.repoURL)
      throw invalidArgument(
        `application spec for ${name} is invalid: InvalidSpecError: spec.source.repoURL and either spec.source.path, spec.source.chart, or spec.source.ref are required`,
      );
    if (!validate) return;
    try {
      const sha = await this.ctl.generator.git.resolveRevision(
        spec.source.repoURL,
        spec.source.targetRevision,
      );
      await this.ctl.generator.git.listFiles(
        spec.source.repoURL,
        sha,
        spec.source.path ?? '',
        false,
      );
    } catch (e) {
      if (e instanceof RepoError) {
        throw invalidArgument(
          `application spec for ${name} is invalid: InvalidSpecError: Unable to generate manifests in ${
            spec.source.path ?? ''
          }: ${e.message}`,
        );
      }
      throw e;
    }
  }

  async create(
    body: any,
    upsert: boolean,
    validate: boolean,
  ): Promise<Application> {
    if (!isObject(body))
      throw invalidArgument('request body must be an Application');
    const app = clone(body);
    delete app.operation;
    delete app.status;
    app.metadata = app.metadata ?? {};
    app.spec = app.spec ?? {};
    app.spec.project = app.spec.project || 'default';
    await this.validate(app, validate);
    const name = app.metadata.name;
    const existing = this.ctl.apps.get(name);
    if (existing) {
      const same =
        deepEqual(existing.spec, app.spec) &&
        deepEqual(existing.metadata.labels ?? {}, app.metadata.labels ?? {}) &&
        deepEqual(
          existing.metadata.annotations ?? {},
          app.metadata.annotations ?? {},
        ) &&
        deepEqual(
          existing.metadata.finalizers ?? [],
          app.metadata.finalizers ?? [],
        );
      if (same) return existing;
      if (!upsert)
        throw invalidArgument(
          'existing application spec is different, use upsert flag to force update',
        );
      const updated = this.ctl.apps.update(name, a => {
        a.spec = app.spec;
        a.metadata.labels = {
          ...(a.metadata.labels ?? {}),
          ...(app.metadata.labels ?? {}),
        };
        a.metadata.annotations = {
          ...(a.metadata.annotations ?? {}),
          ...(app.metadata.annotations ?? {}),
        };
        if (!Object.keys(a.metadata.labels).length) delete a.metadata.labels;
        if (!Object.keys(a.metadata.annotations).length)
          delete a.metadata.annotations;
      });
      void this.ctl.compare(name, true);
      return updated;
    }
    const meta: any = { name };
    for (const k of ['labels', 'annotations', 'finalizers'])
      if (app.metadata[k]) meta[k] = clone(app.metadata[k]);
    const created = this.ctl.apps.create({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: meta,
      spec: app.spec,
      status: {},
    });
    this.ctl.appEvent(
      created,
      'Normal',
      'ResourceCreated',
      `${this.options.username} created application`,
      'argocd-server',
    );
    void this.ctl.compare(name, true);
    return created;
  }

  async update(
    name: string,
    body: any,
    validate: boolean,
    project?: string | null,
  ): Promise<Application> {
    if (!isObject(body) || !isObject(body.metadata))
      throw invalidArgument('request body must be an Application');
    if (body.metadata.name && body.metadata.name !== name)
      throw invalidArgument(
        `application name in the path (${name}) and the body (${body.metadata.name}) differ`,
      );
    this.find(name, project);
    const app = clone(body);
    app.metadata.name = name;
    app.spec = app.spec ?? {};
    app.spec.project = app.spec.project || 'default';
    await this.validate(app, validate);
    const updated = this.ctl.apps.update(name, a => {
      a.spec = app.spec;
      for (const k of ['labels', 'annotations', 'finalizers']) {
        if (app.metadata[k] !== undefined)
          a.metadata[k] = clone(app.metadata[k]);
        else delete a.metadata[k];
      }
    });
    this.ctl.appEvent(
      updated,
      'Normal',
      'ResourceUpdated',
      `${this.options.username} updated application spec`,
      'argocd-server',
    );
    void this.ctl.compare(name, true);
    return updated;
  }

  async updateSpec(
    name: string,
    spec: any,
    validate: boolean,
    project?: string | null,
  ): Promise<any> {
    const app = this.find(name, project);
    if (!isObject(spec))
      throw invalidArgument('request body must be an ApplicationSpec');
    const next = {
      ...app,
      spec: { ...clone(spec), project: spec.project || 'default' },
    };
    await this.validate(next, validate);
    const updated = this.ctl.apps.update(name, a => (a.spec = next.spec));
    void this.ctl.compare(name, true);
    return updated.spec;
  }

  async patch(name: string, body: any): Promise<Application> {
    const app = this.find(name, body?.project, body?.appNamespace);
    const type = body?.patchType || 'json';
    let patched: any;
    try {
      const doc = JSON.parse(String(body?.patch ?? ''));
      if (type === 'merge') patched = mergePatch(app, doc);
      else if (type === 'json') patched = applyJsonPatch(app, doc);
      else throw invalidArgument(`Patch type '${type}' is not supported`);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw invalidArgument(`error applying patch: ${(e as Error).message}`);
    }
    return this.update(name, patched, true);
  }

  delete(
    name: string,
    cascade: boolean | undefined,
    propagationPolicy: string | null,
    project?: string | null,
  ): any {
    const app = this.find(name, project);
    if (cascade === false && propagationPolicy)
      throw invalidArgument(
        'cannot set propagation policy when cascading is disabled',
      );
    if (
      propagationPolicy &&
      !['foreground', 'background'].includes(propagationPolicy)
    ) {
      throw invalidArgument(`invalid propagation policy: ${propagationPolicy}`);
    }
    if (cascade === false) {
      this.ctl.apps.update(name, a => delete a.metadata.finalizers);
      this.ctl.appEvent(
        app,
        'Normal',
        'ResourceDeleted',
        `${this.options.username} deleted application`,
        'argocd-server',
      );
      this.ctl.apps.delete(name);
      this.ctl.forget(name);
      return {};
    }
    if (app.metadata.deletionTimestamp) return {};
    const fin =
      propagationPolicy === 'background'
        ? `${RESOURCES_FINALIZER}/background`
        : RESOURCES_FINALIZER;
    this.ctl.apps.update(name, a => {
      a.metadata.deletionTimestamp = rfc3339(this.ctl.clock.now());
      a.metadata.deletionGracePeriodSeconds = 0;
      const f: string[] = a.metadata.finalizers ?? [];
      if (!f.some(x => x.startsWith(RESOURCES_FINALIZER)))
        a.metadata.finalizers = [...f, fin];
    });
    void this.ops.deleteCascade(
      name,
      propagationPolicy === 'background' ? 'background' : 'foreground',
    );
    return {};
  }

  async sync(name: string, req: any): Promise<Application> {
    const app = this.find(name, req?.project, req?.appNamespace);
    if (app.metadata.deletionTimestamp)
      throw failedPrecondition(`application ${name} is being deleted`);
    if (app.operation)
      throw failedPrecondition('another operation is already in progress');
    const auto = app.spec?.syncPolicy?.automated;
    if (
      req?.revision &&
      auto &&
      auto.enabled !== false &&
      !req.dryRun &&
      req.revision !== (app.spec.source?.targetRevision || 'HEAD')
    ) {
      throw failedPrecondition(
        `Cannot sync to ${req.revision}: auto-sync currently set to ${
          app.spec.source?.targetRevision || 'HEAD'
        }`,
      );
    }
    if (req?.manifests?.length)
      throw new ApiError(
        GrpcCode.Unimplemented,
        'syncing local manifests is not simulated by the sandbox',
      );
    const sync: any = {
      revision: req?.revision || app.spec.source?.targetRevision || 'HEAD',
    };
    if (req?.prune) sync.prune = true;
    if (req?.dryRun) sync.dryRun = true;
    if (req?.resources?.length)
      sync.resources = clone(req.resources).map((r: any) => ({
        group: r.group ?? '',
        kind: r.kind,
        name: r.name,
        ...(r.namespace ? { namespace: r.namespace } : {}),
      }));
    const options =
      req?.syncOptions?.items ?? app.spec?.syncPolicy?.syncOptions;
    if (options?.length) sync.syncOptions = clone(options);
    if (req?.strategy) sync.syncStrategy = clone(req.strategy);
    const operation: any = {
      sync,
      initiatedBy: { username: this.options.username },
      retry: clone(req?.retryStrategy ?? {}),
    };
    if (req?.infos?.length) operation.info = clone(req.infos);
    const updated = this.ctl.apps.update(name, a => (a.operation = operation));
    this.ops.kick(name);
    return updated;
  }

  async rollback(name: string, req: any): Promise<Application> {
    const app = this.find(name, req?.project, req?.appNamespace);
    const auto = app.spec?.syncPolicy?.automated;
    if (auto && auto.enabled !== false)
      throw failedPrecondition(
        'rollback cannot be initiated when auto-sync is enabled',
      );
    const entry = (app.status?.history ?? []).find(
      (h: any) => String(h.id) === String(req?.id),
    );
    if (!entry)
      throw invalidArgument(
        `application ${name} does not have deployment with id ${req?.id}`,
      );
    return this.sync(name, {
      revision: entry.revision,
      prune: req?.prune,
      dryRun: req?.dryRun,
      strategy: { apply: { force: false } },
    });
  }

  terminate(name: string, project?: string | null): any {
    const app = this.find(name, project);
    if (
      !app.operation ||
      !['Running', undefined].includes(app.status?.operationState?.phase)
    ) {
      throw failedPrecondition(
        'Unable to terminate operation. No operation is in progress',
      );
    }
    this.ctl.apps.update(name, a => {
      a.status.operationState = {
        ...(a.status.operationState ?? {
          operation: a.operation,
          startedAt: rfc3339(this.ctl.clock.now()),
        }),
        phase: 'Terminating',
      };
    });
    return {};
  }
}

function sameRepo(a: string | undefined, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/\.git$/, '')
      .replace(/\/+$/, '');
  return !!a && norm(a) === norm(b);
}

function applyJsonPatch(doc: any, ops: any[]): any {
  if (!Array.isArray(ops)) throw new Error('a JSON patch must be an array');
  let out = clone(doc);
  for (const op of ops) {
    const parts = String(op.path)
      .split('/')
      .slice(1)
      .map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    const parent = parts.reduce(
      (o: any, k: string) => (o === undefined ? undefined : o[k]),
      out,
    );
    if (op.op === 'test') {
      if (!deepEqual(parent?.[last], op.value))
        throw new Error(`test operation failed at ${op.path}`);
      continue;
    }
    if (parent === undefined || parent === null)
      throw new Error(`path ${op.path} does not exist`);
    if (op.op === 'add' || op.op === 'replace') {
      if (Array.isArray(parent)) {
        if (last === '-') parent.push(op.value);
        else if (op.op === 'add') parent.splice(Number(last), 0, op.value);
        else parent[Number(last)] = op.value;
      } else parent[last] = op.value;
    } else if (op.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else throw new Error(`unsupported patch operation ${op.op}`);
    out = clone(out);
  }
  return out;
}
