import { InputError } from '@backstage/errors';
import { createTaskKind } from '@internal/plugin-app-center-node';
import { z } from 'zod';
import type { DeployEngineDeps } from '../types';
import { associatedTarget, syncStep } from './appChange';

const resource = z.object({
  group: z.string().optional(),
  kind: z.string().min(1, { error: 'each resource needs a kind and a name' }),
  name: z.string().min(1, { error: 'each resource needs a kind and a name' }),
  namespace: z.string().optional(),
});

const syncInput = z.object({
  app: z.string(),
  /** Only these resources (a partial sync, not watched for health); the whole app when absent. */
  resources: z.array(resource).optional(),
  prune: z.boolean().optional(),
  /** Pinned revision (the commit a file write made); the branch head when the task starts otherwise. */
  revision: z
    .string()
    .regex(/^[0-9a-f]{40}$/, { error: 'must be a 40-character commit SHA' })
    .optional(),
});

/**
 * How far back on the branch a pinned revision may lie. The portal pins a sync only to the commit its own write
 * just made (manifests saved with "sync after"), which is at or near the head when the task is planned.
 */
const PINNED_REVISION_LOOKBACK = 200;

/** Syncs a whole app (and watches it become healthy) or some of its resources, pinned to a revision. */
export const syncTaskKind = (deps: DeployEngineDeps) =>
  createTaskKind({
    kind: 'sync',
    description:
      'Syncs an app, or some of its resources, to the branch head or a pinned commit',
    schema: syncInput,
    async plan(ctx) {
      const { input } = ctx;
      const { app } = input;
      const resources = (input.resources ?? []).map(r => ({
        group: r.group ?? '',
        kind: r.kind,
        name: r.name,
        ...(r.namespace ? { namespace: r.namespace } : {}),
      }));
      const target = await associatedTarget(deps, ctx);
      // A pin is to a commit of the project's branch: never a commit kept elsewhere in the repository, which
      // would deploy what nobody merged (POST /tasks takes any input its schema accepts).
      if (input.revision) {
        const recent = await deps.git.log(target.repo, {
          max: PINNED_REVISION_LOOKBACK,
        });
        if (!recent.some(c => c.sha === input.revision)) {
          throw new InputError(
            `revision ${input.revision.slice(
              0,
              12,
            )} is not one of the latest ${PINNED_REVISION_LOOKBACK} commits of ${
              target.repo.branch
            }; sync without a revision to deploy the branch head, or roll back to a deployed revision`,
          );
        }
      }
      const what = resources.length
        ? resources.map(r => `${r.kind}/${r.name}`).join(', ')
        : 'the whole app';
      return {
        apps: [app],
        steps: [
          {
            id: 'sync',
            title: `Sync ${what}${
              resources.length ? '' : ' and wait until healthy'
            }`,
            app,
          },
        ],
        input: {
          app,
          ...(resources.length ? { resources } : {}),
          ...(input.prune ? { prune: true } : {}),
          ...(input.revision ? { revision: input.revision } : {}),
        },
      };
    },
    async run(ctx) {
      const { task, input } = ctx;
      const target = await deps.targets.load(task.project, task.environment!);
      // Pinned to what the branch holds when the task starts (or to the write that queued it).
      const revision = input.revision ?? (await deps.git.head(target.repo));
      const outcome = await syncStep(deps, ctx, target, {
        app: input.app,
        revision,
        prune: input.prune,
        resources: input.resources?.map(r => ({ ...r, group: r.group ?? '' })),
        // An explicit sync syncs again, except when resuming a sync that this task already started.
        reuse: task.attempts > 1,
      });
      return { revision, health: outcome.health };
    },
  });
