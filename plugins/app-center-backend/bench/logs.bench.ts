/*
 * Benchmark of pod logs through the backend (GET .../apps/:app/logs, server-sent events) against the Argo CD
 * sandbox, for one pod whose container has already written BENCH_LOG_LINES lines (the sandbox's
 * `sandbox.argocd/log-lines` annotation: the lines are generated as they are written, never held):
 *   - throughput: lines per second to one client reading as fast as it can, against the baseline of the
 *     sandbox's own log stream (Argo CD's newline-delimited JSON) read directly by the same client code;
 *   - memory: this process's peak resident memory while it streams, less its resident memory just before.
 *     The backend runs in this process (the sandbox does not), and so does the reading client, which keeps
 *     nothing but a count.
 * The app is made as a user makes one (template, association, sync; bench/support/benchApps.ts).
 *
 * Run: node --require @backstage/cli/config/nodeTransform.cjs bench/logs.bench.ts
 * Environment: BENCH_LOG_LINES (default 1000000, smoke 20000).
 */
import { performance } from 'node:perf_hooks';
import { startBenchBackend } from './support/backend';
import { createSyncedApp, loudPodFiles, treeNodes } from './support/benchApps';
import { startSandboxProcess } from './support/sandbox';
import { Figure, rssSampler, runBenchmark, size } from './support/figures';

const LINES = size('BENCH_LOG_LINES', 20_000, 1_000_000);
const APP = '/projects/shop/environments/dev/apps/loud';

/** Reads a response body to its end, counting occurrences of `marker` (which may span chunks). */
async function countIn(res: Response, marker: string) {
  if (!res.ok || !res.body)
    throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  const decoder = new TextDecoder();
  let count = 0;
  let carry = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    const text = carry + decoder.decode(chunk, { stream: true });
    let at = text.indexOf(marker);
    while (at !== -1) {
      count++;
      at = text.indexOf(marker, at + marker.length);
    }
    carry = text.slice(-(marker.length - 1));
  }
  return count;
}

async function main(): Promise<Figure[]> {
  const sb = await startSandboxProcess([]);
  const backend = await startBenchBackend(sb.config);
  try {
    const tree = await createSyncedApp(
      backend.api,
      { project: 'shop', env: 'dev', app: 'loud' },
      loudPodFiles('loud', LINES),
      { nodes: 3, timeoutMs: 60_000 },
    );
    const pod = [...treeNodes(tree.root)].find(n => n.kind === 'Pod')!.name;
    const application = (tree as unknown as { application: string })
      .application;

    const direct = async () => {
      const started = performance.now();
      const res = await fetch(
        `${sb.argocdUrl}/api/v1/applications/${application}/logs?podName=${pod}&namespace=shop-dev&container=app`,
        { headers: { authorization: `Bearer ${sb.argocdToken}` } },
      );
      const lines = await countIn(res, 'bulk line');
      return { lines, ms: performance.now() - started };
    };
    const throughBackend = async (query = '') => {
      const started = performance.now();
      const res = await fetch(`${backend.base}${APP}/logs?pod=${pod}${query}`, {
        headers: {
          authorization: backend.authorization,
          accept: 'text/event-stream',
        },
      });
      const lines = await countIn(res, 'bulk line');
      return { lines, ms: performance.now() - started };
    };

    // Warm-up: the code paths compiled and the connections made before anything is measured.
    await direct();
    await throughBackend(`&tailLines=${Math.min(LINES, 20_000)}`);

    const baseline = await direct();
    const rss = rssSampler();
    const before = rss.now();
    rss.start();
    const measured = await throughBackend();
    const peak = rss.stop();
    const rate = (r: { lines: number; ms: number }) => r.lines / (r.ms / 1000);
    const complete = measured.lines === LINES && baseline.lines === LINES;
    const note = `${
      measured.lines
    }/${LINES} lines through the backend in ${measured.ms.toFixed(0)} ms; ${
      baseline.lines
    } directly in ${baseline.ms.toFixed(0)} ms`;
    return [
      {
        id: 'logs.throughput',
        figure: `pod logs through the backend, ${LINES} lines to one client`,
        value: rate(measured),
        unit: 'lines/s',
        baseline: {
          label: "the sandbox's log stream, read directly",
          value: rate(baseline),
        },
        ratio: rate(measured) / rate(baseline),
        target: '>= 50000 lines/s',
        met: rate(measured) >= 50_000 && complete,
        note,
      },
      {
        id: 'logs.memoryGrowth',
        figure: `backend resident memory growth over ${LINES} log lines`,
        value: peak - before,
        unit: 'MB',
        baseline: { label: 'resident memory before the stream', value: before },
        ratio: (peak - before) / before,
        target: '<= 50 MB',
        met: peak - before <= 50 && complete,
        note: `peak ${peak.toFixed(0)} MB, ${before.toFixed(0)} MB before`,
      },
    ];
  } finally {
    await backend.stop();
    await sb.stop();
  }
}

runBenchmark(main);
