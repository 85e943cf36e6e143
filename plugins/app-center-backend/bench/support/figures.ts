/*
 * What a benchmark reports: figures, each with the baseline it is compared to in the same run. The runner
 * (bench/run.ts) starts each benchmark as its own process with BENCH_SIZE (smoke or full) and BENCH_OUT (a
 * file to write the figures to); run alone, a benchmark prints its figures instead.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type Figure = {
  /** Stable id, e.g. "deploy.batch". */
  id: string;
  /** What was measured, for the table. */
  figure: string;
  value: number;
  unit: 'ms' | 'MB' | 'x' | 'count' | 'lines/s';
  /** The reference measured in the same run (absent for counts compared to an exact number). */
  baseline?: { label: string; value: number };
  /** value / baseline (or baseline / value for "faster than" figures, see `higherIsBetter`). */
  ratio?: number;
  /** The target in words, e.g. "<= 500 ms". */
  target: string;
  met: boolean;
  /** Anything a reader needs to trust the figure (runs, failures, sizes). */
  note?: string;
};

/** `smoke` (make test: small sizes, figures not judged) or `full` (make bench). */
export const SIZE: 'smoke' | 'full' =
  process.env.BENCH_SIZE === 'smoke' ? 'smoke' : 'full';

/** A size by mode; an environment variable (e.g. BENCH_APPS) overrides both. */
export function size(name: string, smoke: number, full: number): number {
  const given = process.env[name];
  if (given) return Number(given);
  return SIZE === 'smoke' ? smoke : full;
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Nearest-rank percentile. */
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[
    Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))
  ];

/** Writes the figures for the runner, or prints them when run alone. */
export function report(figures: Figure[]) {
  const out = process.env.BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify(figures, null, 2));
  else console.log(JSON.stringify(figures, null, 2));
}

/** Runs a benchmark's main; any error fails the process (the smoke step in make test relies on it). */
export function runBenchmark(main: () => Promise<Figure[]>) {
  main().then(
    figures => {
      report(figures);
      // Servers of the sandbox or the backend may keep handles open; the figures are written.
      process.exit(0);
    },
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Resident memory of this process in MB, sampled every 50 ms between start() and stop(): the peak. */
export function rssSampler() {
  const mb = () => process.memoryUsage.rss() / 1024 / 1024;
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    now: mb,
    start() {
      peak = mb();
      timer = setInterval(() => {
        peak = Math.max(peak, mb());
      }, 50);
    },
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, mb());
    },
  };
}
