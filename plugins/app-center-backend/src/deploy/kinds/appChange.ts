import type { SyncOperationResource } from '../../argocd';
import { formatCommitMessage, GitChanges, GitTreeView } from '../../git';
import type { TaskRunContext } from '../../tasks/types';
import { syncAndWatch } from '../argoSync';
import { commitOnce } from '../gitCommit';
import type { EnvironmentTarget } from '../targets';
import type { DeployEngineDeps } from '../types';

/** The part of every one-app task input. */
export interface AppTaskInput {
  app: string;
  /** More words for the commit message. */
  message?: string;
}

/** Syncs the task's app (step `sync`) to `revision` and watches it. */
export async function syncStep(
  deps: DeployEngineDeps,
  ctx: TaskRunContext<unknown>,
  target: EnvironmentTarget,
  app: string,
  options: {
    revision: string;
    prune?: boolean;
    resources?: SyncOperationResource[];
    reuse: boolean;
  },
) {
  return ctx.step('sync', async step => {
    const partial = !!options.resources?.length;
    const outcome = await syncAndWatch({
      client: target.argocd,
      application: target.applicationOf(app),
      appProject: target.appProject,
      revision: options.revision,
      prune: options.prune,
      resources: options.resources,
      watchHealth: !partial,
      reuseFinishedSync: options.reuse,
      timeoutMs: deps.timeoutMs,
      pollMs: deps.pollMs,
      signal: ctx.signal,
      checkCancelled: () => ctx.checkCancelled(),
      progress: m => step.progress(m),
    });
    await step.progress(
      `${partial ? 'partial sync done; app ' : ''}${
        outcome.health
      } at ${options.revision.slice(0, 12)}`,
    );
    return { ...outcome } as Record<string, string | boolean>;
  });
}

/**
 * A change to one app as a git commit (step `commit`, made once even when the task resumes) followed by a
 * pinned sync and watch (step `sync`): how scale, autoscaling and rollback run.
 */
export async function runAppChange<I extends AppTaskInput, P = undefined>(
  deps: DeployEngineDeps,
  ctx: TaskRunContext<I>,
  change: {
    /** The commit message's detail. */
    describe: string;
    /** Read before the write: a read inside it could need the clone's lock to fetch history. */
    prepare?: (target: EnvironmentTarget) => Promise<P>;
    apply: (
      view: GitTreeView,
      target: EnvironmentTarget,
      prepared: P | undefined,
    ) => Promise<GitChanges>;
    prune?: boolean;
  },
) {
  const { task, input } = ctx;
  const target = await deps.targets.load(task.project, task.environment!);
  let revision: string;
  try {
    const commit = await ctx.step('commit', () =>
      commitOnce(deps.git, target.repo, task, async () => {
        const prepared = change.prepare
          ? await change.prepare(target)
          : undefined;
        return deps.git.write(target.repo, {
          author: ctx.author,
          message: formatCommitMessage({
            action: task.kind,
            project: task.project,
            env: target.env.name,
            app: input.app,
            detail: change.describe,
            taskId: task.id,
            body: input.message,
          }),
          apply: view => change.apply(view, target, prepared),
        });
      }),
    );
    revision = String(commit.revision);
  } catch (error) {
    await ctx.skip(['sync'], 'not synced: the commit failed');
    throw error;
  }
  const outcome = await syncStep(deps, ctx, target, input.app, {
    revision,
    prune: change.prune,
    reuse: true,
  });
  return { revision, health: outcome.health };
}
