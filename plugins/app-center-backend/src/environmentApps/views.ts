import type {
  components,
  Environment,
  Project,
  Tenant,
} from '@internal/plugin-app-center-common';
import { Application, applicationName, isManaged, LABELS } from '../argocd';
import type { GitOpsLayout, ProjectRepository } from '../git';
import { isOurs, sameDestination } from './applications';
import type { GitAppSummary } from './gitEnvironmentApps';

type Schemas = components['schemas'];
export type EnvironmentAppView = Schemas['EnvironmentApp'];
export type StoreAppView = Schemas['StoreApp'];
export type EnvironmentAppListView = Schemas['EnvironmentAppList'];
export type EntityAppsView = Schemas['EntityApps'];
export type LastTask = NonNullable<EnvironmentAppView['lastTask']>;

/** A project with its tenant and its GitOps repository: what the environment app views are read from. */
export interface AppsTarget {
  project: Project;
  tenant: Tenant;
  repo: ProjectRepository;
  layout: GitOpsLayout;
}

const syncOf = (status: Application['status']) =>
  status?.sync?.status
    ? { sync: { status: status.sync.status, revision: status.sync.revision } }
    : {};

const healthOf = (status: Application['status']) =>
  status?.health?.status
    ? {
        health: {
          status: status.health.status,
          message: status.health.message,
        },
      }
    : {};

/**
 * The view of one environment app, merging git with Argo CD. `folder`/`application`: the summary or the
 * Application, null when known to be absent, undefined when that side could not be read (state `unknown`).
 */
export function environmentAppView(
  project: Project,
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
    project: project.name,
    environment: env.name,
    state,
    application:
      application?.metadata.name ??
      applicationName(project.name, env.name, app),
    argocdInstance: project.argocd.instance,
    ...(application?.metadata.deletionTimestamp ? { deleting: true } : {}),
    ...(folder?.mainKind ? { mainKind: folder.mainKind } : {}),
    images: {
      running: status?.summary?.images ?? [],
      manifest: folder?.images ?? [],
    },
    ...syncOf(status),
    ...healthOf(status),
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
 * The platform apps of one environment: every app with a folder in git or an Application App Center manages
 * there, sorted by name. `folders`/`argo` undefined: that side could not be read.
 */
export function platformAppViews(
  project: Project,
  env: Environment,
  folders: Map<string, GitAppSummary> | undefined,
  argo: Application[] | undefined,
): EnvironmentAppView[] {
  const apps = new Map<string, Application>();
  for (const a of argo ?? []) {
    const app = a.metadata.labels?.[LABELS.app];
    if (app && isOurs(a, project.name, env.name, app)) apps.set(app, a);
  }
  const names = new Set([...(folders?.keys() ?? []), ...apps.keys()]);
  return [...names]
    .sort()
    .map(app =>
      environmentAppView(
        project,
        env,
        app,
        folders ? folders.get(app) ?? null : undefined,
        argo ? apps.get(app) ?? null : undefined,
      ),
    );
}

/** Store apps: Applications App Center does not manage that deploy into the environment's namespace. */
export function storeAppViews(
  env: Environment,
  argo: Application[],
): StoreAppView[] {
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
        ...syncOf(a.status),
        ...healthOf(a.status),
      };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
}
