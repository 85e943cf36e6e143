import { InputError, NotFoundError } from '@backstage/errors';
import { environmentSelector, isManaged, LABELS } from '../argocd';
import { assertDnsLabel, GitRepositoryCache } from '../git';
import { readExistingAppFiles } from '../git/appFiles';
import type { EnvironmentTarget } from './targets';
import type { TagPublishability } from './types';
import { manifestObjects } from './workloads';

/*
 * What the deploy task kinds check when a task is requested, before anything is queued or written: a
 * request that fails here is a 4xx and changes nothing.
 */

/** Every app has its App Center Application in the environment (one Argo CD list call). */
export async function requireApplications(
  target: EnvironmentTarget,
  apps: string[],
): Promise<void> {
  const list = await target.argocd.listApplications({
    selector: environmentSelector(target.project.name, target.env.name),
    projects: [target.appProject],
    fields: ['items.metadata.name', 'items.metadata.labels'],
  });
  const present = new Set(
    list.filter(isManaged).map(a => a.metadata.labels?.[LABELS.app]),
  );
  const missing = apps.filter(a => !present.has(a));
  if (missing.length) {
    throw new InputError(
      `${missing.join(', ')} ${
        missing.length === 1 ? 'has' : 'have'
      } no Argo CD Application in ${
        target.env.name
      }; associate again (with overwrite) to create it`,
    );
  }
}

/** The app has a folder in the environment (404 otherwise) and, unless told not to, its Application. */
export async function requireAssociated(
  git: GitRepositoryCache,
  target: EnvironmentTarget,
  app: string,
  needApplication = true,
): Promise<void> {
  assertDnsLabel('app', app);
  await git.read(target.repo, async view => {
    if (!(await view.oidOf(target.dirOf(app))))
      throw new NotFoundError(
        `${app} is not associated with environment ${target.env.name}`,
      );
  });
  if (needApplication) await requireApplications(target, [app]);
}

/** The Kubernetes objects of the app's manifests at the branch head. */
export async function appObjects(
  git: GitRepositoryCache,
  target: EnvironmentTarget,
  app: string,
) {
  return git.read(target.repo, async view =>
    manifestObjects(
      await readExistingAppFiles(
        view,
        target.dirOf(app),
        `${app} in environment ${target.env.name}`,
      ),
    ),
  );
}

/** Refuses tags a registry provider marks unpublishable (fail closed: a provider error refuses too). */
export async function requirePublishable(
  registry: TagPublishability | undefined,
  apps: Array<{ app: string; images: Array<{ image: string; tag?: string }> }>,
): Promise<void> {
  if (!registry) return;
  const checks = apps.flatMap(a =>
    a.images
      .filter(i => i.tag)
      .map(i => ({ app: a.app, image: i.image, tag: i.tag! })),
  );
  const answers = await Promise.all(
    checks.map(c => registry.isTagPublishable(c.image, c.tag)),
  );
  const refused = checks
    .map((c, n) => ({ ...c, ...answers[n] }))
    .filter(c => !c.publishable);
  if (refused.length) {
    throw new InputError(
      `unpublishable tags: ${refused
        .map(
          r =>
            `${r.app}: ${r.image}:${r.tag}${r.reason ? ` (${r.reason})` : ''}`,
        )
        .join('; ')}`,
    );
  }
}

/** The steps of a change to one app: its commit, then the sync. */
export function appSteps(
  app: string,
  commitTitle: string,
  syncTitle = 'Sync and wait until healthy',
) {
  return [
    { id: 'commit', title: commitTitle, app },
    { id: 'sync', title: syncTitle, app },
  ];
}
