import type { NewTask } from '../types';

/** A task of the queue's tests: kind `test` on one app of shop/dev, a commit then a sync step, by alice. */
export const newTask = (
  app: string,
  extra: Partial<NewTask> = {},
): NewTask => ({
  kind: 'test',
  project: 'shop',
  environment: 'dev',
  apps: [app],
  input: { app },
  steps: [
    { id: 'commit', title: 'Commit' },
    { id: `sync:${app}`, title: `Sync ${app}`, app },
  ],
  requestedBy: 'user:default/alice',
  lockKeys: [`shop/dev/${app}`],
  ...extra,
});
