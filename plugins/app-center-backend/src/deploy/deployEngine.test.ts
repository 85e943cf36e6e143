import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ArgoCDClient, ArgoCDInstances } from '../argocd';
import { applyDatabaseMigrations } from '../database/migrations';
import { AccessResolver } from '../domain/AccessResolver';
import { DatabaseDomainStore } from '../domain/DatabaseDomainStore';
import {
  applyConfigTenancy,
  readConfigTenancy,
} from '../domain/loadConfigTenants';
import { GitRepositoryCache } from '../git';
import { createGitRepositoryCache } from '../git/gitOpsConfig';
import { DatabaseTaskStore } from '../tasks/DatabaseTaskStore';
import { TaskWorker } from '../tasks/TaskWorker';
import { NewTask, Task, TaskKind, TaskStore } from '../tasks/types';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import {
  DeploySandbox,
  REGISTRY,
  startDeploySandbox,
  waitFor,
} from './__testUtils__/deploySandbox';
import { deployTaskKind } from './kinds/deployKind';
import { ApplicationWatches } from './applicationWatch';
import { DeployTargets } from './targets';

jest.setTimeout(240_000);

const { databases, ids } = appCenterTestDatabases();
const logger = mockServices.logger.mock();

/** A replica that froze: every call after the trigger hangs until the test lets it go (then fails). */
class Freezer {
  crashed = false;
  private releases: Array<() => void> = [];
  hang<T>(): Promise<T> {
    return new Promise((_, reject) =>
      this.releases.push(() => reject(new Error('the process is gone'))),
    );
  }
  release() {
    this.releases.forEach(r => r());
  }
  /** Wraps `obj` so that calls hang once crashed, and `trigger` crashes it after it returned. */
  wrap<T extends object>(obj: T, trigger?: string): T {
    return new Proxy(obj, {
      get: (target, prop) => {
        const value = (target as any)[prop];
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (this.crashed) return this.hang();
          const result = await value.apply(target, args);
          if (prop === trigger) this.crashed = true;
          return result;
        };
      },
    });
  }
  /** A task store of a dead process: no heartbeats, no saves, no claims. */
  store(store: TaskStore): TaskStore {
    return new Proxy(store, {
      get: (target, prop) => {
        const value = (target as any)[prop];
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (!this.crashed) return value.apply(target, args);
          if (prop === 'claim') return Promise.resolve(undefined);
          return Promise.reject(new Error('the process is gone'));
        };
      },
    });
  }
}

describe.each(ids)('deploy tasks across workers on %s', databaseId => {
  let sb: DeploySandbox;
  let store: DatabaseTaskStore;
  let domain: DatabaseDomainStore;
  const workers: TaskWorker[] = [];
  const freezers: Freezer[] = [];
  const caches: GitRepositoryCache[] = [];
  let replica = 0;

  beforeAll(async () => {
    sb = await startDeploySandbox({ apps: ['web', 'api', 'cart'] });
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    domain = new DatabaseDomainStore(knex);
    const config = new ConfigReader(sb.config);
    await applyConfigTenancy(
      domain,
      readConfigTenancy(config, ['main']),
      logger,
    );
    store = new DatabaseTaskStore(knex);
  });
  afterEach(async () => {
    freezers.forEach(f => f.release());
    await Promise.all(workers.splice(0).map(w => w.stop()));
    caches.splice(0).forEach(c => c.close());
    sb.stack.argocd.hooks.reset();
  });
  afterAll(async () => {
    await sb?.cleanup();
  });

  /** One backend replica: its own working clone, its own Argo CD client, a worker on the shared queue. */
  function startReplica(
    freezer?: Freezer,
    crashOn?: { git?: string; argocd?: string },
  ) {
    replica += 1;
    const base = sb.config.appCenter as any;
    const config = new ConfigReader({
      appCenter: {
        ...base,
        git: {
          ...base.git,
          workingDirectory: `${base.git.workingDirectory}-${databaseId}-${replica}`,
        },
      },
    });
    const cache = createGitRepositoryCache(config, logger);
    caches.push(cache);
    const client = new ArgoCDClient({
      name: 'main',
      url: sb.stack.argocd.url,
      token: sb.stack.argocd.token,
    });
    const argocd = {
      get: () => (freezer ? freezer.wrap(client, crashOn?.argocd) : client),
    } as unknown as ArgoCDInstances;
    // Handlers load targets without a caller: the resolver only reads the store here.
    const targets = new DeployTargets({
      access: new AccessResolver({
        store: domain,
        permissions: mockServices.permissions.mock(),
      }),
      argocd,
    });
    const git = freezer ? freezer.wrap(cache, crashOn?.git) : cache;
    const runs = new Map<string, number>();
    const kind = deployTaskKind({
      targets,
      git,
      logger,
      timeoutMs: 30_000,
      watches: new ApplicationWatches(),
    });
    const counted: TaskKind<any> = {
      ...kind,
      run: ctx => {
        runs.set(ctx.task.id, (runs.get(ctx.task.id) ?? 0) + 1);
        return kind.run(ctx);
      },
    };
    const worker = new TaskWorker({
      store: freezer ? freezer.store(store) : store,
      kinds: [counted],
      logger,
      workerId: `replica-${replica}`,
      leaseMs: 1500,
      pollMs: 25,
    });
    workers.push(worker);
    worker.start();
    return { worker, runs };
  }

  const deployTask = (
    apps: string[],
    tag: string,
  ): Omit<NewTask, 'requestedBy'> & { requestedBy: string } => ({
    kind: 'deploy',
    project: 'shop',
    environment: 'dev',
    apps,
    input: {
      apps: apps.map(app => ({
        app,
        images: [{ image: `${REGISTRY}/shop/${app}`, tag }],
      })),
      author: { name: 'alice', email: 'alice@example.com' },
    },
    steps: [
      { id: 'commit', title: 'Commit' },
      ...apps.map(app => ({ id: `deploy:${app}`, title: app, app })),
    ],
    lockKeys: apps.map(app => `shop/dev/${app}`),
    requestedBy: 'user:default/alice',
  });
  const finished = (id: string) =>
    waitFor(async () => {
      const t = await store.get(id);
      return ['succeeded', 'failed', 'cancelled'].includes(t.status)
        ? t
        : undefined;
    }, `task ${id}`);
  const commitsOf = async (task: Task) =>
    (
      await sb.git([
        '--git-dir',
        sb.bare,
        'log',
        '--format=%H',
        `--grep=App-Center-Task: ${task.id}`,
        'main',
      ])
    )
      .trim()
      .split('\n')
      .filter(Boolean);

  it.each<[string, { git?: string; argocd?: string }]>([
    ['after its push, before it recorded the commit', { git: 'write' }],
    ['after it asked Argo CD to sync, while watching', { argocd: 'sync' }],
  ])(
    'resumes on another worker when a worker dies %s, doing nothing twice',
    async (_when, crashOn) => {
      const tag = crashOn.git ? '5.0.0' : '5.1.0';
      const freezer = new Freezer();
      freezers.push(freezer);
      startReplica(freezer, crashOn);
      const task = await store.create(deployTask(['web', 'api'], tag));
      await waitFor(
        async () => (freezer.crashed ? true : undefined),
        'the first worker to freeze',
      );
      const { runs } = startReplica();
      const done = await finished(task.id);
      expect(done.status).toBe('succeeded');
      expect(done.attempts).toBe(2);
      expect(runs.get(task.id)).toBe(1);
      const commits = await commitsOf(done);
      expect(commits).toHaveLength(1);
      expect(done.steps[0].result).toMatchObject({
        revision: commits[0],
        ...(crashOn.git ? { reused: true } : {}),
      });
      for (const app of ['web', 'api']) {
        // the frozen worker synced at most the first app; together the two asked once per app
        expect(sb.syncs(`shop.dev.${app}`)).toBe(1);
        const argo = sb.stack.argocd.argocd.apps.get(`shop.dev.${app}`) as any;
        expect(argo.status.operationState.syncResult.revision).toBe(commits[0]);
        expect(argo.status.health.status).toBe('Healthy');
      }
    },
  );

  it('runs each task once when two workers share the queue', async () => {
    const a = startReplica();
    const b = startReplica();
    const tasks: Task[] = [];
    for (let i = 0; i < 6; i++)
      tasks.push(
        await store.create(
          deployTask([['web', 'api', 'cart'][i % 3]], `6.${i}.0`),
        ),
      );
    const done = await Promise.all(tasks.map(t => finished(t.id)));
    expect(done.map(t => t.status)).toEqual(done.map(() => 'succeeded'));
    for (const t of done) {
      expect(t.attempts).toBe(1);
      expect((a.runs.get(t.id) ?? 0) + (b.runs.get(t.id) ?? 0)).toBe(1);
      expect(await commitsOf(t)).toHaveLength(1);
    }
    for (const app of ['web', 'api', 'cart'])
      expect(sb.syncs(`shop.dev.${app}`)).toBe(2);
  });
});
