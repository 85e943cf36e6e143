import { createHash } from 'node:crypto';
import {
  isDnsLabel,
  type Environment,
  type Project,
} from '@internal/plugin-app-center-common';
import { GitOpsLayout } from '../git';
import type { Application } from './types';

/** Labels App Center puts on the Applications it manages (and selects them by). */
export const LABELS = {
  project: 'app-center.io/project',
  environment: 'app-center.io/environment',
  app: 'app-center.io/app',
  tenant: 'app-center.io/tenant',
  managedBy: 'app-center.io/managed-by',
} as const;

export const MANAGED_BY = 'app-center';
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

const MAX_NAME = 63;

/**
 * The Argo CD Application name of an environment app: deterministic and unambiguous.
 *
 * Project, environment and app names are DNS-1123 labels, which never contain a dot, so
 * `<project>.<env>.<app>` can be split back into its parts: `a-b`+`c` gives `a-b.c` and `a`+`b-c` gives
 * `a.b-c`. It is a valid Application name (a DNS-1123 subdomain). Names stay within 63 characters so they
 * also fit label values (Argo CD's `app.kubernetes.io/instance` tracking label); when the joined name is
 * longer, it is cut and a hash of the full triple is appended (`<cut>-<8 hex>`), which keeps it
 * deterministic and, up to a 32-bit hash collision, unambiguous.
 */
export function applicationName(
  project: string,
  env: string,
  app: string,
): string {
  for (const [what, value] of [
    ['project', project],
    ['environment', env],
    ['app', app],
  ]) {
    if (!isDnsLabel(value))
      throw new Error(`${what} "${value}" is not a DNS-1123 label`);
  }
  const joined = `${project}.${env}.${app}`;
  if (joined.length <= MAX_NAME) return joined;
  const hash = createHash('sha256')
    .update(`${project}/${env}/${app}`)
    .digest('hex')
    .slice(0, 8);
  const cut = joined.slice(0, MAX_NAME - hash.length - 1).replace(/[-.]+$/, '');
  return `${cut}-${hash}`;
}

/** The label selector of App Center's Applications of one environment (or of a whole project). */
export function environmentSelector(project: string, env?: string): string {
  return [
    `${LABELS.project}=${project}`,
    ...(env ? [`${LABELS.environment}=${env}`] : []),
  ].join(',');
}

/** True when App Center manages the Application (by its labels). */
export function isManaged(app: Application): boolean {
  return app.metadata.labels?.[LABELS.managedBy] === MANAGED_BY;
}

/**
 * Deploys Argo CD keeps per Application. Its default (10) is all the deploy history tab could show; the
 * history route pages up to this many.
 */
export const DEPLOY_HISTORY_LIMIT = 100;

/** The sync option that makes Argo CD create the destination namespace when it is missing. */
export const CREATE_NAMESPACE = 'CreateNamespace=true';

/**
 * The Argo CD Application of an environment app (DESIGN.md section 4): labels, the resources finalizer (a
 * delete removes what it deployed), the project's AppProject, the app folder at the project's branch (with
 * the provenance file excluded: it is not a Kubernetes manifest) and the environment's destination. No automated
 * sync: App Center syncs explicitly, to the commit a deploy made.
 */
export function buildApplication(
  project: Project,
  env: Environment,
  app: string,
): Application {
  const layout = new GitOpsLayout(project.name, project.repo.dir);
  const destination = env.destination.server
    ? { server: env.destination.server, namespace: env.destination.namespace }
    : { name: env.destination.name, namespace: env.destination.namespace };
  return {
    metadata: {
      name: applicationName(project.name, env.name, app),
      labels: {
        [LABELS.project]: project.name,
        [LABELS.environment]: env.name,
        [LABELS.app]: app,
        [LABELS.tenant]: project.tenant,
        [LABELS.managedBy]: MANAGED_BY,
      },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: project.argocd.project,
      source: {
        repoURL: project.repo.url,
        path: layout.envAppDir(env.name, app),
        targetRevision: project.repo.branch,
        directory: { exclude: GitOpsLayout.provenanceFile },
      },
      destination,
      // Deliberate: an environment's namespace is created by its first deploy, so a new environment works
      // without someone creating namespaces by hand first; an existing namespace is left as it is.
      // No automated sync: App Center syncs itself, pinned to the commit it made.
      syncPolicy: { syncOptions: [CREATE_NAMESPACE] },
      revisionHistoryLimit: DEPLOY_HISTORY_LIMIT,
    },
  };
}
