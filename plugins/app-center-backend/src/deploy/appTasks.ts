import type { SyncOperationResource } from '../argocd';
import { formatCommitMessage, GitChanges, GitTreeView } from '../git';
import { TaskContext, TaskHandler } from '../tasks/types';
import { syncAndWatch } from './argoSync';
import {
  autoscalerChanges,
  autoscalerRemoval,
  FolderSnapshot,
  replicaChanges,
  restoreChanges,
  snapshotFolder,
} from './changes';
import { commitOnce } from './gitCommit';
import type { EnvironmentTarget } from './targets';
import { DeployEngineDeps, TASK_KINDS, TaskInputBase } from './types';
import type { AutoscalingInput } from '@internal/plugin-app-center-common';

export interface AppTaskInput extends TaskInputBase {
  app: string;
}
export interface ScaleInput extends AppTaskInput {
  replicas: number;
  workload?: string;
}
export interface AutoscalingTaskInput extends AppTaskInput {
  /** null removes the autoscaler. */
  autoscaling: (AutoscalingInput & { workload?: string }) | null;
}
export interface RollbackInput extends AppTaskInput {
  revision: string;
}
export interface SyncInput extends AppTaskInput {
  /** Pinned revision (e.g. the commit a file write made); the branch head at run time when absent. */
  revision?: string;
  resources?: Array<
    SyncOperationResource & { [k: string]: string | undefined }
  >;
  prune?: boolean;
}

/** Syncs the task's app (step `sync`) to `revision` and watches it. */
async function syncStep(
  deps: DeployEngineDeps,
  ctx: TaskContext,
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
 * pinned sync and watch (step `sync`): scale, autoscaling and rollback.
 */
function appChangeHandler<I extends AppTaskInput>(
  deps: DeployEngineDeps,
  kind: string,
  describe: (input: I) => string,
  change: (
    view: GitTreeView,
    target: EnvironmentTarget,
    input: I,
    prepared?: FolderSnapshot,
  ) => Promise<GitChanges>,
  options: (input: I) => { prune?: boolean } = () => ({}),
  prepare?: (target: EnvironmentTarget, input: I) => Promise<FolderSnapshot>,
): TaskHandler {
  return {
    kind,
    async run(ctx) {
      const { task } = ctx;
      const input = task.input as unknown as I;
      const target = await deps.targets.load(task.project, task.environment!);
      let revision: string;
      try {
        const commit = await ctx.step('commit', () =>
          commitOnce(deps.git, target.repo, task, async () => {
            // Read before the write: a read inside it could need the clone's lock to fetch history.
            const prepared = prepare ? await prepare(target, input) : undefined;
            return deps.git.write(target.repo, {
              author: input.author,
              message: formatCommitMessage({
                action: kind,
                project: task.project,
                env: target.env.name,
                app: input.app,
                detail: describe(input),
                taskId: task.id,
                body: input.message,
              }),
              apply: view => change(view, target, input, prepared),
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
        ...options(input),
        reuse: true,
      });
      return { revision, health: outcome.health };
    },
  };
}

export function createScaleHandler(deps: DeployEngineDeps): TaskHandler {
  return appChangeHandler<ScaleInput>(
    deps,
    TASK_KINDS.scale,
    i => `replicas ${i.replicas}${i.workload ? ` for ${i.workload}` : ''}`,
    (view, target, i) =>
      replicaChanges(view, target, i.app, i.replicas, i.workload),
  );
}

export function createAutoscalingHandler(deps: DeployEngineDeps): TaskHandler {
  return appChangeHandler<AutoscalingTaskInput>(
    deps,
    TASK_KINDS.autoscaling,
    ({ autoscaling: a }) =>
      a
        ? `autoscale ${a.minReplicas}-${a.maxReplicas}${
            a.cpuUtilization ? ` cpu ${a.cpuUtilization}%` : ''
          }${a.memoryUtilization ? ` memory ${a.memoryUtilization}%` : ''}`
        : 'remove autoscaler',
    (view, target, i) =>
      i.autoscaling
        ? autoscalerChanges(view, target, i.app, i.autoscaling)
        : autoscalerRemoval(
            view,
            target,
            i.app,
            (i as { workload?: string }).workload,
          ),
    i => ({ prune: i.autoscaling === null }),
  );
}

export function createRollbackHandler(deps: DeployEngineDeps): TaskHandler {
  return appChangeHandler<RollbackInput>(
    deps,
    TASK_KINDS.rollback,
    i => `restore the app as deployed at ${i.revision.slice(0, 12)}`,
    async (view, target, i, old) => restoreChanges(view, old!, target, i.app),
    () => ({ prune: true }),
    (target, i) =>
      deps.git.read(
        target.repo,
        old => snapshotFolder(old, target, i.app),
        i.revision,
      ),
  );
}

/** Sync of a whole app or of some of its resources (step `sync`), pinned to a revision. */
export function createSyncHandler(deps: DeployEngineDeps): TaskHandler {
  return {
    kind: TASK_KINDS.sync,
    async run(ctx) {
      const { task } = ctx;
      const input = task.input as unknown as SyncInput;
      const target = await deps.targets.load(task.project, task.environment!);
      // Pinned to what the branch holds when the task starts (or to the write that queued it).
      const revision = input.revision ?? (await deps.git.head(target.repo));
      const outcome = await syncStep(deps, ctx, target, input.app, {
        revision,
        prune: input.prune,
        resources: input.resources?.map(r => ({
          group: r.group ?? '',
          kind: r.kind,
          name: r.name,
          ...(r.namespace ? { namespace: r.namespace } : {}),
        })),
        // An explicit sync syncs again, except when resuming a sync that this task already started.
        reuse: task.attempts > 1,
      });
      return { revision, health: outcome.health };
    },
  };
}
