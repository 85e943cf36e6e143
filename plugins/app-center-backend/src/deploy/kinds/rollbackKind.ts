import { InputError } from '@backstage/errors';
import { createTaskKind } from '@internal/plugin-app-center-node';
import { z } from 'zod';
import { restoreChanges, snapshotFolder } from '../changes';
import { appSteps } from '../planning';
import type { DeployEngineDeps } from '../types';
import { associatedTarget, runAppChange } from './appChange';

const rollbackInput = z.object({
  app: z.string(),
  revision: z.string().regex(/^[0-9a-f]{40}$/, {
    error: 'must be a 40-character commit SHA from the deploy history',
  }),
  message: z.string().optional(),
});

/**
 * Restores an app's folder as it was at a revision Argo CD deployed (a git change, DESIGN.md section 4),
 * then syncs with prune.
 */
export const rollbackTaskKind = (deps: DeployEngineDeps) =>
  createTaskKind({
    kind: 'rollback',
    description:
      "Restores an app's folder as deployed at an earlier revision, then syncs with prune",
    schema: rollbackInput,
    async plan(ctx) {
      const { input } = ctx;
      const target = await associatedTarget(deps, ctx);
      const { app, revision } = input;
      const application = await target.argocd.getApplication(
        target.applicationOf(app),
        { project: target.appProject },
      );
      const deployed = (application.status?.history ?? []).some(
        h => h.revision === revision,
      );
      if (!deployed) {
        throw new InputError(
          `${revision.slice(0, 12)} is not in the deploy history of ${app} in ${
            ctx.environment
          }; pick a revision from GET .../history`,
        );
      }
      return {
        apps: [app],
        steps: appSteps(
          app,
          `Restore the app's folder as at ${revision.slice(0, 12)}`,
          'Sync with prune and wait until healthy',
        ),
      };
    },
    run: ctx => {
      const { app, revision } = ctx.input;
      return runAppChange(deps, ctx, {
        describe: `restore the app as deployed at ${revision.slice(0, 12)}`,
        prepare: target =>
          deps.git.read(
            target.repo,
            old => snapshotFolder(old, target, app),
            revision,
          ),
        apply: (view, target, old) => restoreChanges(view, old!, target, app),
        prune: true,
      });
    },
  });
