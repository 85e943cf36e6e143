/*
 * Benchmark of the deploy engine against the Argo CD sandbox (no injected latency, pods ready at once):
 *   - batch: ONE deploy request for BENCH_APPS apps (one commit, one pinned sync per app) from the request to
 *     every app Healthy, against deploying the same apps one request at a time (each waited for);
 *   - concurrency: BENCH_CONCURRENT deploy requests for as many apps at once: none lost, latency p50/p95.
 * Requests go through DeployService (validation, registry-free) into the task queue (SQLite) run by one
 * replica's worker (appCenter.tasks.concurrency default 8), as in the backend.
 *
 * Run: node --require @backstage/cli/config/nodeTransform.cjs bench/deploy.bench.ts
 * Environment: BENCH_APPS (default 100), BENCH_CONCURRENT (default 50).
 */
import { performance } from 'node:perf_hooks';
import { ConfigReader } from '@backstage/config';
import knexFactory from 'knex';
import { ArgoCDInstances } from '../src/argocd';
import { applyDatabaseMigrations } from '../src/database/migrations';
import type { AccessControl, Caller } from '../src/domain/AccessControl';
import { DatabaseDomainStore } from '../src/domain/DatabaseDomainStore';
import {
  applyConfigTenancy,
  readConfigTenancy,
} from '../src/domain/loadConfigTenants';
import { EnvironmentAppStore } from '../src/git';
import { createGitRepositoryCache } from '../src/git/gitOpsConfig';
import { DatabaseTaskStore } from '../src/tasks/DatabaseTaskStore';
import type { TaskService } from '../src/tasks/TaskService';
import { TaskWorker } from '../src/tasks/TaskWorker';
import type { Task } from '../src/tasks/types';
import {
  REGISTRY,
  startDeploySandbox,
} from '../src/deploy/__testUtils__/deploySandbox';
import { createDeployHandler } from '../src/deploy/deployTask';
import { DeployService } from '../src/deploy/DeployService';
import { DeployTargets } from '../src/deploy/targets';

const APPS = Number(process.env.BENCH_APPS ?? 100);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 50);
const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[
    Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)
  ];
const quiet = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child() {
    return quiet;
  },
} as any;

async function main() {
  const apps = Array.from(
    { length: APPS },
    (_, i) => `app-${String(i).padStart(3, '0')}`,
  );
  const t0 = performance.now();
  const sb = await startDeploySandbox({ apps, podReadyDelayMs: 0 });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  try {
    await applyDatabaseMigrations(knex);
    const domain = new DatabaseDomainStore(knex);
    const config = new ConfigReader(sb.config);
    await applyConfigTenancy(
      domain,
      readConfigTenancy(config, ['main']),
      quiet,
    );
    const git = createGitRepositoryCache(config, quiet);
    const access = {
      requireMember() {},
      canDeploy: () => true,
      requirePermission: async () => {},
    } as unknown as AccessControl;
    const targets = new DeployTargets({
      store: domain,
      access,
      argocd: ArgoCDInstances.fromConfig(config),
    });
    const store = new DatabaseTaskStore(knex);
    const worker = new TaskWorker({
      store,
      handlers: [
        createDeployHandler({
          targets,
          git,
          logger: quiet,
          timeoutMs: 120_000,
        }),
      ],
      logger: quiet,
      workerId: 'bench',
      concurrency: 8,
      pollMs: 50,
    });
    const tasks = {
      enqueue: async (caller: Caller, task: any) => {
        const created = await store.create({
          ...task,
          requestedBy: caller.userEntityRef,
        });
        worker.wake();
        return created;
      },
    } as unknown as TaskService;
    const service = new DeployService({
      targets,
      git,
      envApps: new EnvironmentAppStore({ cache: git }),
      tasks,
      authors: {
        authorOf: async () => ({ name: 'bench', email: 'bench@example.com' }),
      },
    });
    const caller = { userEntityRef: 'user:default/bench' } as Caller;
    worker.start();
    console.log(
      `sandbox with ${APPS} apps ready in ${fmt(
        performance.now() - t0,
      )} (pods ready at once, sync delay 20 ms)`,
    );

    const finished = async (id: string): Promise<Task> => {
      for (;;) {
        const t = await store.get(id);
        if (['succeeded', 'failed', 'cancelled'].includes(t.status)) return t;
        await new Promise(r => setTimeout(r, 20));
      }
    };
    const request = (names: string[], tag: string) =>
      service.deploy(caller, 'shop', 'dev', {
        apps: names.map(app => ({
          app,
          images: [{ image: `${REGISTRY}/shop/${app}`, tag }],
        })),
      });
    const syncsBefore = sb.stack.argocd.hooks.count(
      'POST /api/v1/applications/*/sync',
    );
    const commitsBefore = Number(
      (
        await sb.git(['--git-dir', sb.bare, 'rev-list', '--count', 'main'])
      ).trim(),
    );

    // Warm-up (clone, connections) with one app, not counted.
    await finished((await request([apps[0]], '0.9.0')).id);

    let t = performance.now();
    const batch = await finished((await request(apps, '2.0.0')).id);
    const batchMs = performance.now() - t;
    const healthy = apps.filter(
      a =>
        (sb.stack.argocd.argocd.apps.get(`shop.dev.${a}`) as any)?.status
          ?.health?.status === 'Healthy',
    );
    const commitsAfterBatch = Number(
      (
        await sb.git(['--git-dir', sb.bare, 'rev-list', '--count', 'main'])
      ).trim(),
    );

    t = performance.now();
    let sequentialFailures = 0;
    for (const app of apps) {
      const one = await finished((await request([app], '2.1.0')).id);
      if (one.status !== 'succeeded') sequentialFailures += 1;
    }
    const sequentialMs = performance.now() - t;

    const subset = apps.slice(0, CONCURRENT);
    const latencies: number[] = [];
    t = performance.now();
    const outcomes = await Promise.all(
      subset.map(async app => {
        const start = performance.now();
        const done = await finished((await request([app], '2.2.0')).id);
        latencies.push(performance.now() - start);
        return done.status;
      }),
    );
    const concurrentMs = performance.now() - t;
    const syncs =
      sb.stack.argocd.hooks.count('POST /api/v1/applications/*/sync') -
      syncsBefore;

    console.log('');
    console.log(
      `batch deploy of ${APPS} apps (one request, one commit, pinned syncs) to all Healthy:`,
    );
    console.log(
      `  ${fmt(batchMs)}  status ${batch.status}, ${
        healthy.length
      }/${APPS} Healthy, commits made: ${
        commitsAfterBatch - commitsBefore - 1
      }`,
    );
    console.log(
      `the same ${APPS} apps one request at a time (each waited for):`,
    );
    console.log(`  ${fmt(sequentialMs)}  failures ${sequentialFailures}`);
    console.log(
      `  ratio one-at-a-time / batch: ${(sequentialMs / batchMs).toFixed(1)}x`,
    );
    console.log(
      `${CONCURRENT} concurrent deploy requests for ${CONCURRENT} apps (worker concurrency 8):`,
    );
    console.log(
      `  all done in ${fmt(concurrentMs)}; succeeded ${
        outcomes.filter(s => s === 'succeeded').length
      }/${CONCURRENT} (none lost: ${
        outcomes.length === CONCURRENT && outcomes.every(s => s === 'succeeded')
      }); latency p50 ${fmt(pct(latencies, 50))}, p95 ${fmt(
        pct(latencies, 95),
      )}, max ${fmt(Math.max(...latencies))}`,
    );
    if (batch.status !== 'succeeded')
      console.log(`batch error: ${batch.error?.slice(0, 600)}`);
    console.log(
      `sync requests to Argo CD in total: ${syncs} (expected ${
        1 + APPS + APPS + CONCURRENT
      })`,
    );
    await worker.stop();
    git.close();
  } finally {
    await knex.destroy();
    await sb.cleanup();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
