/*
 * Benchmark of deploys through the plugin's HTTP API against the Argo CD sandbox (pods ready at once, sync
 * takes 20 ms):
 *   - batch: ONE deploy request for BENCH_APPS apps, from the request to every app Healthy, against the
 *     baseline of the same apps deployed one request at a time (each waited for), in the same run;
 *   - concurrency: BENCH_CONCURRENT deploy requests for as many apps at once: none lost, latency p95 against
 *     the median latency of one request alone (the one-at-a-time run above);
 *   - memory: this process's peak resident memory during the batch, one-at-a-time and concurrent runs,
 *     against its resident memory idle after the warm-up (the backend runs in this process; the sandbox does
 *     not). The production bundle is not measured here.
 * The backend is `appCenterPlugin` as wired in production (bench/support/backend.ts): task queue, worker,
 * access, git cache and Argo CD clients are the plugin's own.
 *
 * Run: node --require @backstage/cli/config/nodeTransform.cjs bench/deploy.bench.ts
 * Environment: BENCH_APPS (default 100, smoke 6), BENCH_CONCURRENT (default 50, smoke 4).
 */
import { performance } from 'node:perf_hooks';
import { REGISTRY } from '../src/deploy/__testUtils__/deploySandbox';
import { startBenchBackend } from './support/backend';
import { startSandboxProcess } from './support/sandbox';
import {
  Figure,
  percentile,
  median,
  rssSampler,
  runBenchmark,
  size,
} from './support/figures';

const APPS = size('BENCH_APPS', 6, 100);
const CONCURRENT = Math.min(APPS, size('BENCH_CONCURRENT', 4, 50));
const DONE = ['succeeded', 'failed', 'cancelled'];

type TaskView = { id: string; status: string; error?: string };

async function main(): Promise<Figure[]> {
  const apps = Array.from(
    { length: APPS },
    (_, i) => `app-${String(i).padStart(3, '0')}`,
  );
  const sb = await startSandboxProcess(apps);
  const backend = await startBenchBackend(sb.config);
  try {
    const { api } = backend;
    // Ends of tasks, from ONE task list request every 50 ms for every task awaited: polling each task on its
    // own would load the backend with the benchmark's own requests (50 waits at 50 req/s each).
    const awaited = new Map<
      string,
      { resolve: (task: TaskView) => void; reject: (error: unknown) => void }
    >();
    let polling = false;
    const poll = async () => {
      polling = true;
      while (awaited.size) {
        await new Promise(r => setTimeout(r, 50));
        const { items } = await api<{ items: TaskView[] }>(
          'GET',
          '/tasks?project=shop&limit=200',
        );
        const seen = new Set(items.map(t => t.id));
        for (const id of awaited.keys()) {
          // a task older than the newest 200 is read on its own
          const task = seen.has(id)
            ? items.find(t => t.id === id)!
            : await api<TaskView>('GET', `/tasks/${id}`);
          if (DONE.includes(task.status)) {
            awaited.get(id)!.resolve(task);
            awaited.delete(id);
          }
        }
      }
      polling = false;
    };
    const finished = (id: string) =>
      new Promise<TaskView>((resolve, reject) => {
        awaited.set(id, { resolve, reject });
        if (!polling)
          poll().catch(error => {
            // a failed poll fails every wait, so the benchmark ends with the error instead of hanging
            awaited.forEach(w => w.reject(error));
            awaited.clear();
            polling = false;
          });
      });
    /** One deploy request for `names`, waited for until its task ends. */
    const deploy = async (names: string[], tag: string) => {
      const task = await api<TaskView>(
        'POST',
        '/projects/shop/environments/dev/deployments',
        {
          apps: names.map(app => ({
            app,
            images: [{ image: `${REGISTRY}/shop/${app}`, tag }],
          })),
        },
      );
      return finished(task.id);
    };
    const healthy = () => sb.healthy(apps.map(a => `shop.dev.${a}`));
    const syncCalls = () => sb.count('POST /api/v1/applications/*/sync');

    // Warm-up (clone, connections) with one app, not counted.
    await deploy([apps[0]], '0.9.0');
    global.gc?.();
    const memory = rssSampler();
    const idleMb = memory.now();
    memory.start();

    let start = performance.now();
    const batch = await deploy(apps, '2.0.0');
    const batchMs = performance.now() - start;
    const batchHealthy = await healthy();

    const single: number[] = [];
    let sequentialFailures = 0;
    start = performance.now();
    for (const app of apps) {
      const t = performance.now();
      if ((await deploy([app], '2.1.0')).status !== 'succeeded')
        sequentialFailures += 1;
      single.push(performance.now() - t);
    }
    const sequentialMs = performance.now() - start;

    const syncsBefore = await syncCalls();
    const latencies: number[] = [];
    const outcomes = await Promise.all(
      apps.slice(0, CONCURRENT).map(async app => {
        const t = performance.now();
        const done = await deploy([app], '2.2.0');
        latencies.push(performance.now() - t);
        return done.status;
      }),
    );
    const peakMb = memory.stop();
    const succeeded = outcomes.filter(s => s === 'succeeded').length;
    const concurrentSyncs = (await syncCalls()) - syncsBefore;

    const speedup = sequentialMs / batchMs;
    const p95 = percentile(latencies, 95);
    return [
      {
        id: 'deploy.batch',
        figure: `batch deploy of ${APPS} apps, request to all Healthy`,
        value: batchMs,
        unit: 'ms',
        baseline: {
          label: `${APPS} apps one request at a time`,
          value: sequentialMs,
        },
        ratio: speedup,
        target: '>= 10x faster than one request per app',
        met:
          speedup >= 10 &&
          batch.status === 'succeeded' &&
          batchHealthy === APPS &&
          sequentialFailures === 0,
        note: `batch ${batch.status}${
          batch.error ? ` (${batch.error.slice(0, 200)})` : ''
        }, ${batchHealthy}/${APPS} Healthy; one-at-a-time failures ${sequentialFailures}`,
      },
      {
        id: 'deploy.concurrent.p95',
        figure: `${CONCURRENT} concurrent deploy requests (one app each), p95 latency`,
        value: p95,
        unit: 'ms',
        baseline: {
          label: 'median latency of one request alone',
          value: median(single),
        },
        ratio: p95 / median(single),
        target: '<= 1500 ms, none lost',
        met: p95 <= 1500 && succeeded === CONCURRENT,
        note: `succeeded ${succeeded}/${CONCURRENT}, p50 ${percentile(
          latencies,
          50,
        ).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(
          0,
        )} ms, sync calls ${concurrentSyncs}`,
      },
      {
        id: 'memory.deployLoad',
        figure:
          'resident memory under the deploy load (peak; dev wiring in-process, not the production bundle)',
        value: peakMb,
        unit: 'MB',
        baseline: { label: 'idle after warm-up', value: idleMb },
        ratio: peakMb / idleMb,
        target: '< 300 MB',
        met: peakMb < 300,
        note: 'the process holds the backend and the load driver; the sandbox runs in its own process',
      },
    ];
  } finally {
    await backend.stop();
    await sb.stop();
  }
}

runBenchmark(main);
