/*
 * Runs every benchmark (each `*.bench.ts` in this folder, each in its own process so that one's memory and
 * timers do not colour another's), prints one table of figures (figure, value, baseline, ratio, target,
 * met?) and writes them as JSON.
 *
 *   BENCH_SIZE=full  (make bench): full sizes, results to <repo>/bench/results.json
 *   BENCH_SIZE=smoke (make test):  small sizes, figures printed but not judged; only a crash fails
 *
 * Run: node --require @backstage/cli/config/nodeTransform.cjs bench/run.ts [name filter]
 * BENCH_RESULTS overrides where the JSON goes.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Figure, SIZE } from './support/figures';

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..', '..');
const RESULTS =
  process.env.BENCH_RESULTS ??
  (SIZE === 'full'
    ? path.join(ROOT, 'bench', 'results.json')
    : path.join(ROOT, '.app-center', 'bench-smoke.json'));

function runOne(file: string, out: string): Promise<number> {
  return new Promise(resolve => {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(HERE, file),
      ],
      {
        cwd: path.resolve(HERE, '..'),
        env: { ...process.env, BENCH_SIZE: SIZE, BENCH_OUT: out },
        stdio: 'inherit',
      },
    );
    child.on('exit', code => resolve(code ?? 1));
  });
}

const cell = (n: number | undefined, unit: string) => {
  if (n === undefined) return '-';
  if (unit === 'count') return String(n);
  if (unit === 'x') return `${n.toFixed(2)}x`;
  return `${n.toFixed(n < 10 ? 1 : 0)} ${unit}`;
};

/** Smoke sizes are too small to judge a target: their figures only show the benchmark still runs. */
const verdict = (f: Figure) => {
  if (SIZE === 'smoke') return '(smoke)';
  return f.met ? 'yes' : 'NO';
};

function table(figures: Figure[]) {
  const rows = [
    ['figure', 'value', 'baseline', 'ratio', 'target', 'met?'],
    ...figures.map(f => [
      f.figure,
      cell(f.value, f.unit),
      f.baseline
        ? `${cell(f.baseline.value, f.unit)} (${f.baseline.label})`
        : '-',
      f.ratio === undefined ? '-' : `${f.ratio.toFixed(2)}x`,
      f.target,
      verdict(f),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
  const line = (r: string[]) =>
    `| ${r.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

async function main() {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(HERE)
    .filter(f => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  const tmp = path.join(os.tmpdir(), `app-center-bench-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const figures: Figure[] = [];
  const crashed: string[] = [];
  for (const file of files) {
    const started = Date.now();
    console.log(`== ${file} (${SIZE})`);
    const out = path.join(tmp, `${file}.json`);
    const code = await runOne(file, out);
    if (code !== 0) {
      crashed.push(file);
      console.log(`   ${file} FAILED (exit ${code})`);
      continue;
    }
    figures.push(...(JSON.parse(readFileSync(out, 'utf8')) as Figure[]));
    console.log(`   done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log('');
  console.log(table(figures));
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        size: SIZE,
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: os.loadavg(),
        crashed,
        figures,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nfigures written to ${path.relative(process.cwd(), RESULTS)}`);
  if (crashed.length) {
    console.log(`benchmarks that crashed: ${crashed.join(', ')}`);
    process.exit(1);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
