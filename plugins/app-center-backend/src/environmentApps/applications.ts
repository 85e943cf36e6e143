import type { Environment } from '@internal/plugin-app-center-common';
import { Application, ArgoCDInstances, isManaged, LABELS } from '../argocd';
import type { AppsTarget } from './views';

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
export function sameDestination(app: Application, env: Environment): boolean {
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

/** An Application App Center manages for exactly this project/env (and app, when given). */
export function isOurs(
  a: Application,
  project: string,
  env: string,
  app?: string,
): boolean {
  const labels = a.metadata.labels ?? {};
  return (
    isManaged(a) &&
    labels[LABELS.project] === project &&
    labels[LABELS.environment] === env &&
    (app === undefined || labels[LABELS.app] === app)
  );
}

/**
 * All Applications of the project's AppProject, in ONE list call: App Center's own (split by their labels
 * client-side) and the store apps (split by destination). A label-selector call would miss the store apps,
 * which carry no App Center labels, and Argo CD cannot filter by destination; one call per AppProject,
 * projected to the fields the views need, covers both.
 */
export function projectApplications(
  argocd: ArgoCDInstances,
  target: AppsTarget,
): Promise<Application[]> {
  return argocd.get(target.project.argocd.instance).listApplications({
    projects: [target.project.argocd.project],
    fields: LIST_FIELDS,
  });
}
