import { InputError, NotFoundError } from '@backstage/errors';
import { isImageDigest, isImageTag } from '@internal/plugin-app-center-common';
import { createTaskKind } from '@internal/plugin-app-center-node';
import { z } from 'zod';
import {
  assertDnsLabel,
  formatCommitMessage,
  ImageReference,
  ManifestEditor,
} from '../../git';
import { readExistingAppFiles } from '../../git/appFiles';
import type { TaskRunContext } from '../../tasks/types';
import { TaskCancelledError } from '../../tasks/types';
import { AppImages, imageChanges } from '../changes';
import { commitOnce } from '../gitCommit';
import { requireApplications, requirePublishable } from '../planning';
import type { EnvironmentTarget } from '../targets';
import type { DeployEngineDeps } from '../types';
import { environmentSelector } from '../../argocd';
import { ApplicationWatch, ApplicationWatches } from '../applicationWatch';
import { watchedSync } from './appChange';

const MAX_APPS = 500;
const MAX_IMAGES = 20;

const deployInput = z.object({
  apps: z
    .array(
      z.object({
        app: z.string(),
        /** A request names a tag (or a digest in `tag`); the stored task keeps a tag or a digest. */
        images: z
          .array(
            z.object({
              image: z.string(),
              tag: z.string().optional(),
              digest: z.string().optional(),
            }),
          )
          .min(1, { error: `give 1 to ${MAX_IMAGES} images` })
          .max(MAX_IMAGES, { error: `give 1 to ${MAX_IMAGES} images` }),
      }),
    )
    .min(1, { error: 'list at least one app' })
    .max(MAX_APPS, { error: `at most ${MAX_APPS} apps per deploy` }),
  message: z.string().optional(),
});
type DeployInput = z.output<typeof deployInput>;

export const deployStepId = (app: string) => `deploy:${app}`;

/** A tag or a digest as the manifests will hold it; 400 naming the app and image when it is neither. */
function tagOrDigest(
  app: string,
  image: string,
  tag: unknown,
): { tag?: string; digest?: string } {
  if (isImageTag(tag)) return { tag };
  if (isImageDigest(tag)) return { digest: tag };
  throw new InputError(
    `${app}: "${String(
      tag,
    )}" for ${image} is neither an image tag (letters, digits, "_", "." and "-", at most 128, not starting with "." or "-") nor a digest (sha256: and 64, or sha512: and 128, lower-case hex characters)`,
  );
}

/** The request's apps with canonical image names and each tag sorted into tag or digest. */
export function normaliseDeployApps(input: DeployInput): AppImages[] {
  const seen = new Set<string>();
  return input.apps.map(({ app, images }) => {
    assertDnsLabel('app', app);
    if (seen.has(app)) throw new InputError(`${app} is listed twice`);
    seen.add(app);
    return {
      app,
      images: images.map(i => {
        const parsed = ImageReference.tryParse(i.image);
        if (!parsed.ok)
          throw new InputError(
            `${app}: invalid image "${i.image}": ${parsed.reason}`,
          );
        return {
          image: parsed.value.name,
          ...tagOrDigest(app, i.image, i.digest ?? i.tag),
        };
      }),
    };
  });
}

/** Each app is associated with the environment and some container of it uses each image named. */
async function requireImagesUsed(
  deps: DeployEngineDeps,
  target: EnvironmentTarget,
  apps: AppImages[],
) {
  const env = target.env.name;
  await deps.git.read(target.repo, async view => {
    for (const { app, images } of apps) {
      const files = await readExistingAppFiles(
        view,
        target.dirOf(app),
        `${app} in environment ${env}`,
      ).catch(e => {
        throw e instanceof NotFoundError
          ? new InputError(`${app} is not associated with environment ${env}`)
          : e;
      });
      const used = files.flatMap(f => {
        try {
          return new ManifestEditor(f.path, f.content)
            .listImages()
            .map(i => ImageReference.tryParse(i.image));
        } catch {
          return [];
        }
      });
      for (const i of images) {
        const ref = ImageReference.parse(i.image);
        if (!used.some(u => u.ok && u.value.sameRepository(ref))) {
          throw new InputError(
            `${app}: no container in its manifests uses the image ${i.image} (repositories must match exactly)`,
          );
        }
      }
    }
  });
}

/** `web=…/web:1.2, api=…/api:3.0` */
function describe(apps: AppImages[]): string {
  return apps
    .map(
      a =>
        `${a.app}=${a.images
          .map(i => ImageReference.parse(i.image).withTag(i.tag, i.digest))
          .join('+')}`,
    )
    .join(', ');
}

/** Runs `fn` over the items with at most `limit` at once; resolves when all have settled. */
export async function settleAll<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
) {
  const results: PromiseSettledResult<void>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]).then(
        value => ({ status: 'fulfilled' as const, value }),
        reason => ({ status: 'rejected' as const, reason }),
      );
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, lane),
  );
  return results;
}

/** Rethrows what must end the task at once: cancellation, or the worker handing the task back. */
function rethrowInterruption(
  ctx: TaskRunContext<unknown>,
  results: PromiseSettledResult<void>[],
) {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  const cancelled = results.find(
    r => r.status === 'rejected' && r.reason instanceof TaskCancelledError,
  );
  if (cancelled) throw (cancelled as PromiseRejectedResult).reason;
}

/** Syncs one app to the task's commit and watches it; the step's result names the outcome. */
function deployApp(
  deps: DeployEngineDeps,
  ctx: TaskRunContext<unknown>,
  target: EnvironmentTarget,
  app: string,
  revision: string,
  watch: ApplicationWatch,
) {
  return ctx.step(deployStepId(app), async step => {
    const outcome = await watchedSync(deps, ctx, target, step, {
      app,
      revision,
      reuse: true,
      watch,
    });
    await step.progress(
      `${outcome.health} at ${revision.slice(0, 12)}${
        outcome.message ? `: ${outcome.message}` : ''
      }`,
    );
    return { ...outcome, app } as Record<string, string | boolean>;
  });
}

/**
 * Batch deploy (DESIGN.md sections 4 and 5): ONE commit with the new tags of every app (step `commit`),
 * then every app synced to exactly that commit and watched (step `deploy:<app>` each). Every app is
 * attempted; the task fails when any of them failed, naming each failure.
 */
export const deployTaskKind = (deps: DeployEngineDeps) =>
  createTaskKind({
    kind: 'deploy',
    description:
      'Commits new image tags of some apps at once, then syncs each app to that commit',
    schema: deployInput,
    async plan({ input, project, environment }) {
      const target = await deps.targets.load(project, environment);
      const apps = normaliseDeployApps(input);
      await requireImagesUsed(deps, target, apps);
      await requireApplications(
        target,
        apps.map(a => a.app),
      );
      await requirePublishable(deps.registry, apps);
      await deps.imagePolicy?.requireAllowed(
        target,
        apps.flatMap(a => a.images.map(i => ({ app: a.app, ...i }))),
      );
      return {
        apps: apps.map(a => a.app),
        steps: [
          {
            id: 'commit',
            title: `Commit the new tags of ${apps.length} app${
              apps.length === 1 ? '' : 's'
            }`,
          },
          ...apps.map(a => ({
            id: deployStepId(a.app),
            title: `Sync ${a.app} and wait until healthy`,
            app: a.app,
          })),
        ],
        input: { apps, ...(input.message ? { message: input.message } : {}) },
      };
    },
    async run(ctx) {
      const { task, input } = ctx;
      const target = await deps.targets.load(task.project, task.environment!);
      const apps = input.apps.map(a => a.app);
      let revision: string;
      try {
        const commit = await ctx.step('commit', () =>
          commitOnce(deps.git, target.repo, task, () =>
            deps.git.write(target.repo, {
              author: ctx.author,
              message: formatCommitMessage({
                action: 'deploy',
                project: task.project,
                env: target.env.name,
                app: apps.length <= 3 ? apps.join(',') : `${apps.length} apps`,
                detail: describe(input.apps),
                taskId: task.id,
                body: input.message,
              }),
              apply: view => imageChanges(view, target, input.apps),
            }),
          ),
        );
        revision = String(commit.revision);
      } catch (error) {
        await ctx.skip(apps.map(deployStepId), 'not synced: the commit failed');
        throw error;
      }
      // One Argo CD list call per poll watches every app of the environment's deploys (this batch's and
      // those of other tasks running now).
      const watch = (deps.watches ?? new ApplicationWatches()).of({
        client: target.argocd,
        appProject: target.appProject,
        selector: environmentSelector(task.project, target.env.name),
      });
      const results = await settleAll(apps, deps.syncConcurrency ?? 32, app =>
        deployApp(deps, ctx, target, app, revision, watch).then(
          () => undefined,
        ),
      );
      rethrowInterruption(ctx, results);
      const failed = results
        .map((r, i) =>
          r.status === 'rejected'
            ? `${apps[i]}: ${(r.reason as Error).message}`
            : undefined,
        )
        .filter((m): m is string => !!m);
      if (failed.length) {
        throw new Error(
          `${failed.length} of ${
            apps.length
          } apps failed at commit ${revision.slice(
            0,
            12,
          )} (the commit stays in git): ${failed.join(' | ')}`,
        );
      }
      return { revision, apps };
    },
  });
