import { createTaskKind } from '@internal/plugin-app-center-node';
import { z } from 'zod';
import { replicaChanges } from '../changes';
import { appObjects, appSteps } from '../planning';
import type { DeployEngineDeps } from '../types';
import { assertNotAutoscaled, pickWorkload } from '../workloads';
import { associatedTarget, runAppChange } from './appChange';

const scaleInput = z.object({
  app: z.string(),
  replicas: z.number().refine(n => Number.isInteger(n) && n >= 0 && n <= 1000, {
    error: 'must be a whole number from 0 to 1000',
  }),
  workload: z.string().optional(),
  message: z.string().optional(),
});

/** Sets the replicas of the app's workload in git, then syncs: refused while an autoscaler manages it. */
export const scaleTaskKind = (deps: DeployEngineDeps) =>
  createTaskKind({
    kind: 'scale',
    description: "Sets the replicas of an app's workload in git, then syncs",
    schema: scaleInput,
    async plan(ctx) {
      const { input } = ctx;
      const target = await associatedTarget(deps, ctx);
      const objects = await appObjects(deps.git, target, input.app);
      assertNotAutoscaled(
        objects,
        pickWorkload(objects, input.app, input.workload),
        input.app,
      );
      return {
        apps: [input.app],
        steps: appSteps(input.app, `Set replicas to ${input.replicas} in git`),
      };
    },
    run: ctx =>
      runAppChange(deps, ctx, {
        describe: `replicas ${ctx.input.replicas}${
          ctx.input.workload ? ` for ${ctx.input.workload}` : ''
        }`,
        apply: (view, target) =>
          replicaChanges(view, target, ctx.input.app, ctx.input),
      }),
  });
