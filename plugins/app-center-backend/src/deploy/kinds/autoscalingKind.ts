import { NotFoundError } from '@backstage/errors';
import { createTaskKind } from '@internal/plugin-app-center-node';
import { z } from 'zod';
import { autoscalerChanges, autoscalerRemoval } from '../changes';
import { appObjects, appSteps } from '../planning';
import type { DeployEngineDeps } from '../types';
import { autoscalersOf, pickWorkload, validateAutoscaling } from '../workloads';
import { associatedTarget, runAppChange } from './appChange';

const replicas = z
  .number()
  .refine(n => Number.isInteger(n) && n >= 1 && n <= 1000, {
    error: 'must be a whole number from 1 to 1000',
  });
const percentage = z
  .number()
  .refine(n => Number.isInteger(n) && n >= 1 && n <= 100, {
    error: 'must be a percentage from 1 to 100',
  });

const autoscalingInput = z.object({
  app: z.string(),
  /** The autoscaler to write; null removes it. */
  autoscaling: z
    .object({
      minReplicas: replicas,
      maxReplicas: replicas,
      cpuUtilization: percentage.optional(),
      memoryUtilization: percentage.optional(),
      workload: z.string().optional(),
    })
    .nullable(),
  /** The workload whose autoscaler is removed (when `autoscaling` is null). */
  workload: z.string().optional(),
  message: z.string().optional(),
});

function describe(a: z.output<typeof autoscalingInput>['autoscaling']) {
  if (!a) return 'remove autoscaler';
  return `autoscale ${a.minReplicas}-${a.maxReplicas}${
    a.cpuUtilization ? ` cpu ${a.cpuUtilization}%` : ''
  }${a.memoryUtilization ? ` memory ${a.memoryUtilization}%` : ''}`;
}

/** Writes (or removes) the HorizontalPodAutoscaler of an app's workload in git, then syncs. */
export const autoscalingTaskKind = (deps: DeployEngineDeps) =>
  createTaskKind({
    kind: 'autoscaling',
    description:
      "Writes or removes the autoscaler of an app's workload in git, then syncs",
    schema: autoscalingInput,
    async plan(ctx) {
      const { input } = ctx;
      const { app, autoscaling } = input;
      if (autoscaling) validateAutoscaling(autoscaling);
      const target = await associatedTarget(deps, ctx);
      const objects = await appObjects(deps.git, target, app);
      const picked = pickWorkload(
        objects,
        app,
        autoscaling ? autoscaling.workload : input.workload,
      );
      if (autoscaling) {
        return {
          apps: [app],
          steps: appSteps(
            app,
            `Write the autoscaler (${autoscaling.minReplicas}-${autoscaling.maxReplicas} replicas)`,
          ),
        };
      }
      if (!autoscalersOf(objects, picked).length)
        throw new NotFoundError(
          `${picked.kind} ${picked.name} of ${app} has no autoscaler`,
        );
      return {
        apps: [app],
        steps: appSteps(
          app,
          'Delete the autoscaler in git',
          'Sync with prune and wait until healthy',
        ),
      };
    },
    run: ctx => {
      const { app, autoscaling, workload } = ctx.input;
      return runAppChange(deps, ctx, {
        describe: describe(autoscaling),
        apply: (view, target) =>
          autoscaling
            ? autoscalerChanges(view, target, app, autoscaling)
            : autoscalerRemoval(view, target, app, { workload }),
        prune: autoscaling === null,
      });
    },
  });
