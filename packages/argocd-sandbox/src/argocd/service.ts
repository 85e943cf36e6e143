/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  ApiError,
  invalidArgument,
  failedPrecondition,
  notFound,
  permissionDenied,
} from '../http/errors.ts';
import { clone, deepEqual, isObject, mergePatch } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';
import type { ListQuery } from './appList.ts';
import { listApplications } from './appList.ts';
import type { Application } from './appStore.ts';
import { ARGOCD_NAMESPACE } from './appStore.ts';
import { validateApplication } from './appValidation.ts';
import type { AppController } from './controller.ts';
import { RESOURCES_FINALIZER } from './finalizers.ts';
import { applyJsonPatch } from './jsonPatch.ts';
import type { ProjectStore } from './projects.ts';
import type { OperationRunner } from './operations.ts';
import { syncOperationFor } from './syncRequest.ts';

export { RESOURCES_FINALIZER };

export interface ServiceOptions {
  /** The AppProjects: Applications must name one that exists and allows their source and destination. */
  projects: ProjectStore;
  /** Destination cluster names that exist; when absent every destination is accepted. */
  clusters?: string[];
  username: string;
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
    const projects = projectList(project);
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
    return listApplications(this.ctl.apps, q);
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
    await validateApplication(this.ctl, this.options, app, validate);
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
    await validateApplication(this.ctl, this.options, app, validate);
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
    await validateApplication(this.ctl, this.options, next, validate);
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
    policy: string | null,
    project?: string | null,
  ): any {
    const app = this.find(name, project);
    // Argo CD lowercases the policy: `Foreground` and `BACKGROUND` are accepted
    const propagationPolicy = policy ? policy.toLowerCase() : policy;
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
      this.ctl.apps.update(name, a => {
        a.metadata.deletionTimestamp ??= rfc3339(this.ctl.clock.now());
        a.metadata.deletionGracePeriodSeconds ??= 0;
      });
      this.ctl.appEvent(
        app,
        'Normal',
        'ResourceDeleted',
        `${this.options.username} deleted application`,
        'argocd-server',
      );
      this.ctl.releaseResourcesFinalizer(name);
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
    const operation = syncOperationFor(app, req, this.options.username);
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

/** The `project` query parameter, which may be repeated, as a list without empty values. */
function projectList(project: string | string[] | null | undefined): string[] {
  if (Array.isArray(project)) return project.filter(Boolean);
  return project ? [project] : [];
}
