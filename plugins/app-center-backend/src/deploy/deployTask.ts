import { formatCommitMessage, ImageReference } from '../git';
import { TaskCancelledError, TaskContext, TaskHandler } from '../tasks/types';
import { syncAndWatch } from './argoSync';
import { AppImages, imageChanges } from './changes';
import { commitOnce } from './gitCommit';
import type { EnvironmentTarget } from './targets';
import { DeployEngineDeps, TASK_KINDS, TaskInputBase } from './types';

export interface DeployInput extends TaskInputBase {
  apps: Array<
    AppImages & {
      images: Array<{ image: string; tag?: string; digest?: string }>;
    }
  >;
}

export const deployStepId = (app: string) => `deploy:${app}`;

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
export function rethrowInterruption(
  ctx: TaskContext,
  results: PromiseSettledResult<void>[],
) {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  const cancelled = results.find(
    r => r.status === 'rejected' && r.reason instanceof TaskCancelledError,
  );
  if (cancelled) throw (cancelled as PromiseRejectedResult).reason;
}

/** Syncs one app to the task's commit and watches it; the step's result names the outcome. */
export function deployApp(
  deps: DeployEngineDeps,
  ctx: TaskContext,
  target: EnvironmentTarget,
  app: string,
  revision: string,
) {
  return ctx.step(deployStepId(app), async step => {
    const outcome = await syncAndWatch({
      client: target.argocd,
      application: target.applicationOf(app),
      appProject: target.appProject,
      revision,
      reuseFinishedSync: true,
      timeoutMs: deps.timeoutMs,
      pollMs: deps.pollMs,
      signal: ctx.signal,
      checkCancelled: () => ctx.checkCancelled(),
      progress: m => step.progress(m),
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
export function createDeployHandler(deps: DeployEngineDeps): TaskHandler {
  return {
    kind: TASK_KINDS.deploy,
    async run(ctx) {
      const { task } = ctx;
      const input = task.input as unknown as DeployInput;
      const target = await deps.targets.load(task.project, task.environment!);
      const apps = input.apps.map(a => a.app);
      let revision: string;
      try {
        const commit = await ctx.step('commit', () =>
          commitOnce(deps.git, target.repo, task, () =>
            deps.git.write(target.repo, {
              author: input.author,
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
      const results = await settleAll(apps, deps.syncConcurrency ?? 32, app =>
        deployApp(deps, ctx, target, app, revision).then(() => undefined),
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
  };
}
