import { createTaskKind } from '@internal/plugin-app-center-node';
import { z } from 'zod';
import { associatedTarget } from '../deploy/kinds/appChange';
import type { DeployEngineDeps } from '../deploy/types';

const deleteInput = z.object({
  app: z.string(),
  resource: z.object({
    group: z.string().optional(),
    version: z.string().min(1),
    kind: z.string().min(1),
    namespace: z.string().optional(),
    name: z.string().min(1),
  }),
  /** foreground: dependents first (Argo CD's default); background; orphan: dependents stay. */
  cascade: z.enum(['foreground', 'background', 'orphan']).optional(),
});

/** Argo CD's answer for a resource that is no longer in the app's tree (e.g. deleted by an earlier attempt). */
const GONE = /not found as part of application|not found/i;

/**
 * Deletes one live resource of an app through Argo CD (the cluster only; git is not touched, so a sync or
 * the resource's owner brings it back: a Deployment re-creates a deleted Pod).
 */
export const deleteResourceTaskKind = (deps: DeployEngineDeps) =>
  createTaskKind({
    kind: 'resource-delete',
    description: 'Deletes one live resource of an app',
    schema: deleteInput,
    async plan(ctx) {
      await associatedTarget(deps, ctx);
      const { app, resource } = ctx.input;
      const cascade = ctx.input.cascade ?? 'foreground';
      return {
        apps: [app],
        steps: [
          {
            id: 'delete',
            title: `Delete ${resource.kind}/${resource.name} (${cascade})`,
            app,
          },
        ],
        input: { app, resource, cascade },
      };
    },
    async run(ctx) {
      const { task, input } = ctx;
      const target = await deps.targets.load(task.project, task.environment!);
      const { resource } = input;
      await ctx.step('delete', async step => {
        try {
          await target.argocd.deleteResource(
            target.applicationOf(input.app),
            {
              group: resource.group ?? '',
              version: resource.version,
              kind: resource.kind,
              namespace: resource.namespace,
              resourceName: resource.name,
              orphan: input.cascade === 'orphan',
              force: input.cascade === 'background',
            },
            { project: target.appProject },
          );
        } catch (error) {
          // A resumed task whose first attempt already deleted the resource is done.
          if (!(task.attempts > 1 && GONE.test(String(error)))) throw error;
        }
        await step.progress(`deleted ${resource.kind}/${resource.name}`);
        return { deleted: `${resource.kind}/${resource.name}` };
      });
      return {};
    },
  });
