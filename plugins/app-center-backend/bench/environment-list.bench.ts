/*
 * Benchmark of the environment app list (GET .../environments/:env/apps) through the plugin's HTTP API, for
 * an environment of BENCH_LIST_APPS apps (folders in git and Applications in the Argo CD sandbox):
 *   - cold: the first request of a fresh backend (the repository is not cloned yet), against the baseline
 *     `git clone --depth 1 --no-checkout` of the same repository over the same HTTP server;
 *   - warm: the median of the following requests, against the baseline of one Argo CD list call for the
 *     environment made directly (the round trip every list needs);
 *   - Argo CD list calls per request: exactly one.
 *
 * Run: node --require @backstage/cli/config/nodeTransform.cjs bench/environment-list.bench.ts
 * Environment: BENCH_LIST_APPS (default 1000, smoke 50), BENCH_RUNS (default 7, smoke 2).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startBenchBackend } from './support/backend';
import { startSandboxProcess } from './support/sandbox';
import { Figure, median, runBenchmark, size, time } from './support/figures';

const run = promisify(execFile);
const APPS = size('BENCH_LIST_APPS', 50, 1000);
const RUNS = size('BENCH_RUNS', 2, 7);
const LIST = 'GET /api/v1/applications';
const PATH = '/projects/shop/environments/dev/apps';

async function main(): Promise<Figure[]> {
  const apps = Array.from(
    { length: APPS },
    (_, i) => `svc-${String(i).padStart(4, '0')}`,
  );
  const sb = await startSandboxProcess(apps);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-bench-'));
  const backend = await startBenchBackend(sb.config);
  try {
    const listed = async () =>
      (await backend.api<{ platformApps: unknown[] }>('GET', PATH)).platformApps
        .length;

    await sb.resetCounts();
    let count = 0;
    const cold = await time(async () => {
      count = await listed();
    });
    const calls = [await sb.count(LIST)];
    const warm: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      await sb.resetCounts();
      warm.push(await time(listed));
      calls.push(await sb.count(LIST));
    }

    // Baselines over the same servers.
    const clones: number[] = [];
    for (let r = 0; r < Math.min(RUNS, 3); r++) {
      clones.push(
        await time(() =>
          run('git', [
            '-c',
            `http.extraHeader=Authorization: Bearer ${sb.gitToken}`,
            'clone',
            '-q',
            '--depth',
            '1',
            '--no-checkout',
            '--single-branch',
            '--branch',
            'main',
            sb.repoUrl,
            path.join(tmp, `baseline-${r}`),
          ]),
        ),
      );
    }
    const lists: number[] = [];
    const selector = encodeURIComponent(
      'app-center.io/project=shop,app-center.io/environment=dev',
    );
    for (let r = 0; r < RUNS; r++) {
      lists.push(
        await time(async () => {
          const res = await fetch(
            `${sb.argocdUrl}/api/v1/applications?selector=${selector}`,
            { headers: { authorization: `Bearer ${sb.argocdToken}` } },
          );
          await res.json();
        }),
      );
    }
    const expected = APPS + 2; // the sandbox's own web and api, and the generated apps
    const oneCall = calls.every(c => c === 1);
    const note = `${count}/${expected} apps listed; Argo CD list calls per request: ${calls.join(
      ', ',
    )}`;
    return [
      {
        id: 'environmentList.cold',
        figure: `environment list of ${APPS} apps, cold (fresh backend)`,
        value: cold,
        unit: 'ms',
        baseline: {
          label: 'git clone --depth 1 --no-checkout',
          value: median(clones),
        },
        ratio: cold / median(clones),
        target: '<= 500 ms',
        met: cold <= 500 && count === expected && oneCall,
        note,
      },
      {
        id: 'environmentList.warm',
        figure: `environment list of ${APPS} apps, warm`,
        value: median(warm),
        unit: 'ms',
        baseline: {
          label: 'one Argo CD list call, direct',
          value: median(lists),
        },
        ratio: median(warm) / median(lists),
        target: '<= 50 ms',
        met: median(warm) <= 50 && count === expected && oneCall,
        note: `median of ${RUNS}`,
      },
      {
        id: 'environmentList.argocdCalls',
        figure: `Argo CD list calls per environment list (${APPS} apps)`,
        value: Math.max(...calls),
        unit: 'count',
        target: 'exactly 1',
        met: oneCall,
        note: `per request: ${calls.join(', ')}`,
      },
    ];
  } finally {
    await backend.stop();
    await sb.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

runBenchmark(main);
