import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  APP_ANNOTATION,
  appCenterDeployPermission,
  appCenterProjectReadPermission,
  parseAppAnnotation,
  type Environment,
  type Project,
  type Tenant,
} from '@internal/plugin-app-center-common';
import type { components } from '@internal/plugin-app-center-common';
import {
  Application,
  ArgoCDClient,
  ArgoCDInstances,
  ArgoCDUpstreamError,
  applicationName,
  buildApplication,
  isManaged,
  LABELS,
} from '../argocd';
import { AccessControl, Caller } from '../domain/AccessControl';
import type { DomainStore } from '../domain/DomainStore';
import {
  assertDnsLabel,
  GitIdentity,
  GitOpsLayout,
  GitRepositoryCache,
  ProjectRepository,
} from '../git';
import { projectRepository } from '../git';
import { EnvironmentAppStore } from './EnvironmentAppStore';
import { GitAppSummary, GitAppSummaryCache } from './gitEnvironmentApps';

type Schemas = components['schemas'];
export type EnvironmentAppView = Schemas['EnvironmentApp'];
export type StoreAppView = Schemas['StoreApp'];
export type EnvironmentAppListView = Schemas['EnvironmentAppList'];
export type EntityAppsView = Schemas['EntityApps'];
type LastTask = NonNullable<EnvironmentAppView['lastTask']>;

/** Resolves the commit author of a user (name and e-mail from the catalog). */
export interface CommitAuthorResolver {
  authorOf(
    userEntityRef: string,
    credentials: BackstageCredentials,
  ): Promise<GitIdentity>;
}

interface Target {
  project: Project;
  tenant: Tenant;
  repo: ProjectRepository;
  layout: GitOpsLayout;
}

/** Fields of the list call: enough for the views, without status.resources (large) or history. */
const LIST_FIELDS = [
  'items.metadata.name',
  'items.metadata.labels',
  'items.metadata.deletionTimestamp',
  'items.spec',
  'items.status.summary',
  'items.status.sync.status',
  'items.status.sync.revision',
  'items.status.health',
  'items.status.operationState.phase',
  'items.status.operationState.startedAt',
  'items.status.operationState.finishedAt',
  'items.status.operationState.operation.sync',
];

const IN_CLUSTER = {
  name: 'in-cluster',
  server: 'https://kubernetes.default.svc',
};

/** Whether an Application deploys into the environment's cluster and namespace. */
function sameDestination(app: Application, env: Environment): boolean {
  const a = app.spec?.destination ?? {};
  const e = env.destination;
  if (a.namespace !== e.namespace) return false;
  if (a.name && e.name) return a.name === e.name;
  if (a.server && e.server)
    return a.server.replace(/\/+$/, '') === e.server.replace(/\/+$/, '');
  // One side names the cluster, the other gives its URL: only the local cluster is known to be both.
  const name = a.name ?? e.name;
  const server = (a.server ?? e.server)?.replace(/\/+$/, '');
  return name === IN_CLUSTER.name && server === IN_CLUSTER.server;
}

function upstreamWarning(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error of the same kind (status) as `cause`, with a message that says what state is left. */
function restate(cause: unknown, message: string): Error {
  const e = cause as { name?: string; statusCode?: number; instance?: string };
  if (
    cause instanceof ArgoCDUpstreamError ||
    typeof e?.statusCode === 'number'
  ) {
    return new ArgoCDUpstreamError(message, {
      instance: e.instance ?? 'unknown',
      statusCode: e.statusCode === 504 ? 504 : 502,
    });
  }
  switch (e?.name) {
    case 'InputError':
      return new InputError(message);
    case 'ConflictError':
      return new ConflictError(message);
    case 'NotAllowedError':
      return new NotAllowedError(message);
    case 'NotFoundError':
      return new NotFoundError(message);
    default:
      return new ArgoCDUpstreamError(message, {
        instance: e?.instance ?? 'unknown',
      });
  }
}

/**
 * Environment apps (DESIGN.md sections 3, 4, 6 and 9): a template associated to an environment is a folder in
 * git plus one Argo CD Application. Associate copies the template and creates the Application (no sync);
 * disassociate deletes the Application (cascade) then the folder; lists merge what git holds with one Argo CD
 * list call. Members of the project's tenant read; deploy rights (the domain rule and the portal's
 * `app-center.environment.deploy` on `<project>/<env>`) are needed to associate and disassociate. Every
 * check runs before git or Argo CD is changed.
 */
export class EnvironmentAppService {
  private readonly summaries = new GitAppSummaryCache();

  constructor(
    private readonly deps: {
      store: DomainStore;
      access: AccessControl;
      authors: CommitAuthorResolver;
      cache: GitRepositoryCache;
      envApps: EnvironmentAppStore;
      argocd: ArgoCDInstances;
      catalog: CatalogService;
      logger?: LoggerService;
      /** The newest task of each app (keyed `<env>/<app>`), shown as the app's last task. */
      lastTasks?: (
        project: string,
        environment?: string,
      ) => Promise<Map<string, LastTask>>;
    },
  ) {}

  /** Sets `lastTask` on the views from the task queue; a failure to read it never fails the list. */
  private async withLastTasks(
    project: string,
    environment: string | undefined,
    views: EnvironmentAppView[],
  ) {
    if (!this.deps.lastTasks || views.length === 0) return;
    const latest = await this.deps
      .lastTasks(project, environment)
      .catch(error => {
        this.deps.logger?.warn(
          `could not read the last tasks of ${project}: ${error}`,
        );
        return new Map<string, LastTask>();
      });
    for (const view of views) {
      const task = latest.get(`${view.environment}/${view.name}`);
      if (task) view.lastTask = task;
    }
  }

  // ---- reads

  /** Platform and store apps of one environment: one git read and one Argo CD list call. */
  async list(
    caller: Caller,
    projectName: string,
    envName: string,
  ): Promise<EnvironmentAppListView> {
    const target = await this.readable(caller, projectName);
    const env = await this.environment(projectName, envName);
    const warnings: string[] = [];
    const [git, argo] = await Promise.all([
      this.gitEnvironments(target, [env.name]).catch(error =>
        this.gitFailed(error, warnings),
      ),
      this.projectApplications(target).catch(error =>
        this.argoFailed(error, warnings),
      ),
    ]);
    if (!git && !argo) throw this.bothFailed(target, warnings);
    const platformApps = this.platformApps(
      target,
      env,
      git?.get(env.name),
      argo,
    );
    await this.withLastTasks(projectName, env.name, platformApps);
    const storeApps = argo ? this.storeApps(env, argo) : [];
    return {
      platformApps,
      storeApps,
      ...(warnings.length ? { warnings } : {}),
    };
  }

  /** One environment app; 404 when neither a folder nor an Application exists. */
  async get(
    caller: Caller,
    projectName: string,
    envName: string,
    app: string,
  ): Promise<EnvironmentAppView> {
    assertDnsLabel('app', app);
    const target = await this.readable(caller, projectName);
    const env = await this.environment(projectName, envName);
    const warnings: string[] = [];
    const name = applicationName(target.project.name, env.name, app);
    const client = this.deps.argocd.get(target.project.argocd.instance);
    const [git, argo] = await Promise.all([
      this.deps.cache
        .read(target.repo, view =>
          this.summaries.app(view, target.layout, env.name, app),
        )
        .then(summary => ({ summary }))
        .catch(error => this.gitFailed(error, warnings)),
      client
        .getApplication(name, { project: target.project.argocd.project })
        .then(a => ({
          app: this.ours(a, target, env.name, app) ? a : undefined,
        }))
        .catch(error => {
          if ((error as Error).name === 'NotFoundError')
            return { app: undefined };
          return this.argoFailed(error, warnings);
        }),
    ]);
    if (!git && !argo) throw this.bothFailed(target, warnings);
    if (git && argo && !git.summary && !argo.app) {
      throw new NotFoundError(
        `${app} is not associated with environment ${env.name} of project ${projectName}`,
      );
    }
    const view = this.view(
      target,
      env,
      app,
      git ? git.summary ?? null : undefined,
      argo ? argo.app ?? null : undefined,
    );
    await this.withLastTasks(projectName, env.name, [view]);
    return warnings.length ? Object.assign(view, { warnings }) : view;
  }

  /** What a Component's Deployments tab shows: its app in every environment of its project. */
  async entityApps(caller: Caller, entityRef: string): Promise<EntityAppsView> {
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(entityRef, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      throw new InputError(
        `entityRef "${entityRef}" is not an entity reference: ${
          (error as Error).message
        }`,
      );
    }
    const entity = await this.deps.catalog.getEntityByRef(ref, {
      credentials: caller.credentials,
    });
    if (!entity)
      throw new NotFoundError(
        `entity ${ref} does not exist in the catalog (or you may not read it)`,
      );
    const annotation = entity.metadata.annotations?.[APP_ANNOTATION];
    if (!annotation) {
      throw new InputError(
        `${ref} has no ${APP_ANNOTATION} annotation; add "${APP_ANNOTATION}: <project>/<app>" to its catalog-info.yaml`,
      );
    }
    const match = parseAppAnnotation(annotation);
    if (!match) {
      throw new InputError(
        `${ref} has ${APP_ANNOTATION}: "${annotation}", which is not "<project>/<app>" (two DNS labels)`,
      );
    }
    const { project: projectName, app } = match;
    const target = await this.readable(caller, projectName);
    const envs = await this.deps.store.listEnvironments(projectName);
    const warnings: string[] = [];
    const [git, argo, deployable] = await Promise.all([
      this.gitEnvironments(
        target,
        envs.map(e => e.name),
        app,
      ).catch(error => this.gitFailed(error, warnings)),
      envs.length
        ? this.projectApplications(target).catch(error =>
            this.argoFailed(error, warnings),
          )
        : [],
      this.deployable(caller, target, envs),
    ]);
    const environments = envs.map((env, i) => {
      const folder = git?.get(env.name)?.get(app);
      const application = argo?.find(a => this.ours(a, target, env.name, app));
      const known = git !== undefined && argo !== undefined;
      const present = folder || application || !known;
      return {
        environment: env,
        canDeploy: deployable[i],
        ...(present
          ? {
              app: this.view(
                target,
                env,
                app,
                git ? folder ?? null : undefined,
                argo ? application ?? null : undefined,
              ),
            }
          : {}),
      };
    });
    await this.withLastTasks(
      projectName,
      undefined,
      environments.flatMap(e => (e.app ? [e.app] : [])),
    );
    return {
      project: projectName,
      app,
      ...(git ? { templateExists: git.templateExists } : {}),
      environments,
      ...(warnings.length ? { warnings } : {}),
    };
  }

  // ---- writes

  /**
   * Associates a template with an environment: checks, the environment copy in git (one commit by the
   * user), then the Argo CD Application (upsert, no sync). Argo CD is asked first whether the name is free,
   * so an unreachable Argo CD fails before git changes.
   */
  async associate(
    caller: Caller,
    projectName: string,
    envName: string,
    input: { app: string; overwrite?: boolean },
  ): Promise<EnvironmentAppView> {
    assertDnsLabel('app', input.app);
    const { target, env } = await this.deployableTarget(
      caller,
      projectName,
      envName,
    );
    const app = input.app;
    const client = this.deps.argocd.get(target.project.argocd.instance);
    const desired = buildApplication(target.project, env, app);
    const name = desired.metadata.name;
    await this.requireNameFree(client, target, env, app, name);

    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    const written = await this.deps.envApps
      .associate(
        target.repo,
        { name: env.name, namespace: env.destination.namespace },
        app,
        {
          author,
          overwrite: input.overwrite,
        },
      )
      .catch(error => {
        // The template is named in the body: a missing one is bad input, not a missing route.
        if ((error as Error).name === 'NotFoundError')
          throw new InputError((error as Error).message);
        throw error;
      });

    let created: Application;
    try {
      // validate=false: App Center has just written the source folder itself, and Argo CD's repo-server may
      // still hold the branch's previous commit in its revision cache ("app path does not exist").
      // Argo CD still checks the AppProject and the destination.
      created = await client.createApplication(desired, {
        upsert: true,
        validate: false,
      });
    } catch (error) {
      const folder = target.layout.envAppDir(env.name, app);
      throw restate(
        error,
        `the manifests of ${app} are in git (${folder} at commit ${written.revision.slice(
          0,
          12,
        )}), but the Argo CD Application ${name} could not be created: ${
          (error as Error).message
        }. Nothing is deployed; the app shows as "no-application" until you associate again with overwrite, which creates the Application`,
      );
    }
    const summary = await this.deps.cache.read(
      target.repo,
      view => this.summaries.app(view, target.layout, env.name, app),
      written.revision,
    );
    return this.view(target, env, app, summary ?? null, created);
  }

  /**
   * Recreates a missing Argo CD Application from what git holds (DESIGN section 9), without touching the
   * files: the way out of "no-application" that keeps the environment's edits. 404 when git has no such
   * app, 409 when the Application exists.
   */
  async recreate(
    caller: Caller,
    projectName: string,
    envName: string,
    app: string,
  ): Promise<EnvironmentAppView> {
    assertDnsLabel('app', app);
    const { target, env } = await this.deployableTarget(
      caller,
      projectName,
      envName,
    );
    const summary = await this.deps.cache.read(target.repo, view =>
      this.summaries.app(view, target.layout, env.name, app),
    );
    if (!summary)
      throw new NotFoundError(
        `${app} is not in git for ${projectName}/${envName}; associate its template instead`,
      );
    const client = this.deps.argocd.get(target.project.argocd.instance);
    const desired = buildApplication(target.project, env, app);
    const name = desired.metadata.name;
    const existing = await client
      .getApplication(name, { project: target.project.argocd.project })
      .catch(error => {
        if ((error as Error).name === 'NotFoundError') return undefined;
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      });
    if (existing)
      throw new ConflictError(
        `the Argo CD Application ${name} exists already; nothing was changed`,
      );
    await this.requireNameFree(client, target, env, app, name);
    const created = await client
      .createApplication(desired, { upsert: false, validate: false })
      .catch(error => {
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      });
    return this.view(target, env, app, summary, created);
  }

  /**
   * Disassociates: deletes the Application with cascade (Argo CD removes its resources), then removes the
   * folder, in that order, so nothing is left running without its manifests in git. A failure says which
   * state is left and how to finish.
   */
  async disassociate(
    caller: Caller,
    projectName: string,
    envName: string,
    app: string,
  ): Promise<void> {
    assertDnsLabel('app', app);
    const { target, env } = await this.deployableTarget(
      caller,
      projectName,
      envName,
    );
    const client = this.deps.argocd.get(target.project.argocd.instance);
    const name = applicationName(target.project.name, env.name, app);
    const appProject = target.project.argocd.project;
    const [folder, existing] = await Promise.all([
      this.deps.cache.read(target.repo, view =>
        view.oidOf(target.layout.envAppDir(env.name, app)),
      ),
      client.getApplication(name, { project: appProject }).catch(error => {
        if ((error as Error).name === 'NotFoundError') return undefined;
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      }),
    ]);
    if (existing && !this.ours(existing, target, env.name, app)) {
      throw new ConflictError(
        `the Argo CD Application ${name} is not managed by App Center for ${projectName}/${env.name}/${app}; nothing was changed`,
      );
    }
    if (!folder && !existing) {
      throw new NotFoundError(
        `${app} is not associated with environment ${env.name} of project ${projectName}`,
      );
    }
    if (existing) {
      try {
        await client.deleteApplication(name, {
          cascade: true,
          project: appProject,
        });
      } catch (error) {
        if ((error as Error).name !== 'NotFoundError') {
          throw restate(
            error,
            `nothing was changed: the Argo CD Application ${name} could not be deleted (${
              (error as Error).message
            }); its folder is still in git. Try again`,
          );
        }
      }
    }
    if (!folder) return;
    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    try {
      await this.deps.envApps.disassociate(
        target.repo,
        { name: env.name, namespace: env.destination.namespace },
        app,
        { author },
      );
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') return;
      const err = error as Error & { statusCode?: number };
      const message = `${
        existing
          ? `the Argo CD Application ${name} was deleted (Argo CD is removing its resources), but `
          : ''
      }the folder ${target.layout.envAppDir(
        env.name,
        app,
      )} could not be removed from git: ${
        err.message
      }. The app shows as "no-application"; disassociate again to remove the folder`;
      throw Object.assign(
        restate(error, message),
        err.statusCode ? { statusCode: err.statusCode } : {},
      );
    }
  }

  // ---- access

  private async readable(caller: Caller, name: string): Promise<Target> {
    assertDnsLabel('project', name);
    const project = await this.deps.store.getProject(name);
    const tenant = await this.deps.store.getTenant(project.tenant);
    this.deps.access.requireMember(caller, tenant);
    await this.deps.access.requirePermission(
      caller,
      appCenterProjectReadPermission,
      name,
      `read project "${name}"`,
    );
    return this.target(project, tenant);
  }

  private async deployableTarget(
    caller: Caller,
    projectName: string,
    envName: string,
  ) {
    const target = await this.readable(caller, projectName);
    const env = await this.environment(projectName, envName);
    await this.deps.access.requireDeployer(caller, target.tenant, env);
    return { target, env };
  }

  private async deployable(
    caller: Caller,
    target: Target,
    envs: Environment[],
  ): Promise<boolean[]> {
    const allowed = await this.deps.access.authorizeAll(
      caller,
      envs.map(e => ({
        permission: appCenterDeployPermission,
        resourceRef: `${target.project.name}/${e.name}`,
      })),
    );
    return envs.map(
      (e, i) =>
        allowed[i] && this.deps.access.canDeploy(caller, target.tenant, e),
    );
  }

  private async environment(
    project: string,
    env: string,
  ): Promise<Environment> {
    assertDnsLabel('environment', env);
    return this.deps.store.getEnvironment(project, env);
  }

  private target(project: Project, tenant: Tenant): Target {
    return { project, tenant, ...projectRepository(project) };
  }

  // ---- Argo CD and git

  /**
   * All Applications of the project's AppProject, in ONE list call: App Center's own (split by their labels
   * client-side) and the store apps (split by destination). A label-selector call would miss the store apps,
   * which carry no App Center labels, and Argo CD cannot filter by destination; one call per AppProject,
   * projected to the fields the views need, covers both.
   */
  private projectApplications(target: Target): Promise<Application[]> {
    const client = this.deps.argocd.get(target.project.argocd.instance);
    return client.listApplications({
      projects: [target.project.argocd.project],
      fields: LIST_FIELDS,
    });
  }

  /** Folders of the given environments (optionally only one app), and whether the app's template exists. */
  private gitEnvironments(target: Target, envs: string[], onlyApp?: string) {
    return this.deps.cache.read(target.repo, async view => {
      const byEnv = new Map<string, Map<string, GitAppSummary>>();
      for (const env of envs) {
        if (onlyApp) {
          const one = await this.summaries.app(
            view,
            target.layout,
            env,
            onlyApp,
          );
          byEnv.set(env, new Map(one ? [[onlyApp, one]] : []));
        } else {
          byEnv.set(
            env,
            await this.summaries.environment(view, target.layout, env),
          );
        }
      }
      const templateExists = onlyApp
        ? !!(await view.oidOf(target.layout.templateDir(onlyApp)))
        : undefined;
      return Object.assign(byEnv, { templateExists });
    });
  }

  private bothFailed(target: Target, warnings: string[]): Error {
    return new ArgoCDUpstreamError(
      `neither git nor Argo CD could be read: ${warnings.join('; ')}`,
      {
        instance: target.project.argocd.instance,
      },
    );
  }

  private gitFailed(error: unknown, warnings: string[]): undefined {
    if (!(typeof (error as { statusCode?: number }).statusCode === 'number'))
      throw error;
    warnings.push(
      `git could not be read, showing what Argo CD reports: ${upstreamWarning(
        error,
      )}`,
    );
    return undefined;
  }

  private argoFailed(error: unknown, warnings: string[]): undefined {
    if (!(error instanceof ArgoCDUpstreamError)) throw error;
    warnings.push(
      `Argo CD could not be read, showing what git holds: ${upstreamWarning(
        error,
      )}`,
    );
    this.deps.logger?.warn(
      `environment app list without Argo CD: ${upstreamWarning(error)}`,
    );
    return undefined;
  }

  /** An Application App Center manages for exactly this project/env/app. */
  private ours(
    a: Application,
    target: Target,
    env: string,
    app?: string,
  ): boolean {
    const labels = a.metadata.labels ?? {};
    return (
      isManaged(a) &&
      labels[LABELS.project] === target.project.name &&
      labels[LABELS.environment] === env &&
      (app === undefined || labels[LABELS.app] === app)
    );
  }

  private platformApps(
    target: Target,
    env: Environment,
    folders: Map<string, GitAppSummary> | undefined,
    argo: Application[] | undefined,
  ): EnvironmentAppView[] {
    const apps = new Map<string, Application>();
    for (const a of argo ?? []) {
      const app = a.metadata.labels?.[LABELS.app];
      if (app && this.ours(a, target, env.name, app)) apps.set(app, a);
    }
    const names = new Set([...(folders?.keys() ?? []), ...apps.keys()]);
    return [...names]
      .sort()
      .map(app =>
        this.view(
          target,
          env,
          app,
          folders ? folders.get(app) ?? null : undefined,
          argo ? apps.get(app) ?? null : undefined,
        ),
      );
  }

  private storeApps(env: Environment, argo: Application[]): StoreAppView[] {
    return argo
      .filter(a => !isManaged(a) && sameDestination(a, env))
      .map(a => {
        const source = a.spec.source ?? a.spec.sources?.[0];
        return {
          name: a.metadata.name,
          ...(source?.chart ? { chart: source.chart } : {}),
          ...(source?.targetRevision ? { version: source.targetRevision } : {}),
          ...(source?.repoURL ? { repoURL: source.repoURL } : {}),
          images: a.status?.summary?.images ?? [],
          ...(a.status?.sync?.status
            ? {
                sync: {
                  status: a.status.sync.status,
                  revision: a.status.sync.revision,
                },
              }
            : {}),
          ...(a.status?.health?.status
            ? {
                health: {
                  status: a.status.health.status,
                  message: a.status.health.message,
                },
              }
            : {}),
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name));
  }

  /**
   * The view of one environment app. `folder`/`application`: the summary or the Application, null when
   * known to be absent, undefined when that side could not be read.
   */
  private view(
    target: Target,
    env: Environment,
    app: string,
    folder: GitAppSummary | null | undefined,
    application: Application | null | undefined,
  ): EnvironmentAppView {
    let state: EnvironmentAppView['state'] = 'no-folder';
    if (folder === undefined || application === undefined) state = 'unknown';
    else if (folder && application) state = 'associated';
    else if (folder) state = 'no-application';
    const status = application?.status;
    const op = status?.operationState;
    const revision = op?.syncResult?.revision ?? op?.operation?.sync?.revision;
    return {
      name: app,
      project: target.project.name,
      environment: env.name,
      state,
      application:
        application?.metadata.name ??
        applicationName(target.project.name, env.name, app),
      argocdInstance: target.project.argocd.instance,
      ...(application?.metadata.deletionTimestamp ? { deleting: true } : {}),
      ...(folder?.mainKind ? { mainKind: folder.mainKind } : {}),
      images: {
        running: status?.summary?.images ?? [],
        manifest: folder?.images ?? [],
      },
      ...(status?.sync?.status
        ? {
            sync: {
              status: status.sync.status,
              revision: status.sync.revision,
            },
          }
        : {}),
      ...(status?.health?.status
        ? {
            health: {
              status: status.health.status,
              message: status.health.message,
            },
          }
        : {}),
      ...(op?.phase
        ? {
            operation: {
              phase: op.phase,
              ...(op.message ? { message: op.message } : {}),
              ...(op.startedAt ? { startedAt: op.startedAt } : {}),
              ...(op.finishedAt ? { finishedAt: op.finishedAt } : {}),
              ...(revision ? { revision } : {}),
            },
          }
        : {}),
      ...(folder?.provenance
        ? {
            template: {
              name: folder.provenance.template,
              revision: folder.provenance.templateCommit,
            },
          }
        : {}),
    };
  }

  /**
   * Before git changes: Argo CD answers (so an unreachable Argo CD changes nothing), and the Application name
   * is free or already App Center's for this app.
   */
  private async requireNameFree(
    client: ArgoCDClient,
    target: Target,
    env: Environment,
    app: string,
    name: string,
  ) {
    let existing: Application | undefined;
    try {
      existing = await client.getApplication(name, {
        project: target.project.argocd.project,
      });
    } catch (error) {
      if ((error as Error).name !== 'NotFoundError') {
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      }
      // Not in the project's AppProject; it may still exist in another one, which an upsert would take over.
      const elsewhere = await client.getApplication(name).catch(e => {
        if ((e as Error).name === 'NotFoundError') return undefined;
        throw restate(e, `nothing was changed: ${(e as Error).message}`);
      });
      if (!elsewhere) return;
      throw new ConflictError(
        `an Argo CD Application named ${name} already exists in AppProject ${elsewhere.spec?.project}; nothing was changed`,
      );
    }
    if (!this.ours(existing!, target, env.name, app)) {
      throw new ConflictError(
        `an Argo CD Application named ${name} already exists and is not App Center's for ${target.project.name}/${env.name}/${app}; nothing was changed`,
      );
    }
  }
}
