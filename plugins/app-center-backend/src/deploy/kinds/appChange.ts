import type { SyncOperationResource } from '../../argocd';
import { formatCommitMessage, GitChanges, GitTreeView } from '../../git';
import type {
  TaskPlanContext,
  TaskRunContext,
  TaskStepHandle,
} from '../../tasks/types';
import type { ApplicationWatch } from '../applicationWatch';
import { syncAndWatch } from '../argoSync';
import { commitOnce } from '../gitCommit';
import { requireAssociated } from '../planning';
import type { EnvironmentTarget } from '../targets';
import type { DeployEngineDeps } from '../types';

/** The part of every one-app task input. */
export interface AppTaskInput {
  app: string;
  /** More words for the commit message. */
  message?: string;
}

/** A sync of one app pinned to a revision; `reuse` accepts a sync of that revision already finished. */
export interface SyncRequest {
  app: string;
  revision: string;
  prune?: boolean;
  /** Only these resources: a partial sync, not watched for health. */
  resources?: SyncOperationResource[];
  reuse: boolean;
  /** The batch's shared health watch (one list call per poll for all its apps). */
  watch?: ApplicationWatch;
}

/** Syncs an app to a revision and watches it, inside a step: cancellable, its progress shown live. */
export function watchedSync(
  deps: DeployEngineDeps,
  ctx: TaskRunContext<unknown>,
  target: EnvironmentTarget,
  step: TaskStepHandle,
  sync: SyncRequest,
) {
  return syncAndWatch({
    client: target.argocd,
    application: target.applicationOf(sync.app),
    appProject: target.appProject,
    revision: sync.revision,
    prune: sync.prune,
    resources: sync.resources,
    watchHealth: !sync.resources?.length,
    reuseFinishedSync: sync.reuse,
    timeoutMs: deps.timeoutMs,
    pollMs: deps.pollMs,
    watch: sync.watch,
    signal: ctx.signal,
    checkCancelled: () => ctx.checkCancelled(),
    progress: m => step.progress(m),
  });
}

/** Syncs the task's app (step `sync`) to `revision` and watches it. */
export async function syncStep(
  deps: DeployEngineDeps,
  ctx: TaskRunContext<unknown>,
  target: EnvironmentTarget,
  sync: SyncRequest,
) {
  return ctx.step('sync', async step => {
    const partial = !!sync.resources?.length;
    const outcome = await watchedSync(deps, ctx, target, step, sync);
    await step.progress(
      `${partial ? 'partial sync done; app ' : ''}${
        outcome.health
      } at ${sync.revision.slice(0, 12)}`,
    );
    return { ...outcome } as Record<string, string | boolean>;
  });
}

/** The environment of a task on one app, refused (404, 400) unless the app is associated there. */
export async function associatedTarget(
  deps: DeployEngineDeps,
  { project, environment, input }: TaskPlanContext<AppTaskInput>,
) {
  const target = await deps.targets.load(project, environment);
  await requireAssociated(deps.git, target, input.app);
  return target;
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
  const outcome = await syncStep(deps, ctx, target, {
    app: input.app,
    revision,
    prune: change.prune,
    reuse: true,
  });
  return { revision, health: outcome.health };
}
