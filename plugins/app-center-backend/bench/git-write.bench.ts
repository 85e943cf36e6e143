/*
 * Benchmark of the git engine on a generated GitOps repository of 2,000 apps
 * x 3 environments (about 22,000 files), served by the sandbox's git
 * smart-HTTP server with authentication:
 *   - warm write: one image-tag change committed and pushed by the engine
 *     (EnvironmentAppStore.setImages on a warm cache) against the git command
 *     line doing the same in a warm clone (edit, commit -a, push);
 *   - cold clone: the engine's shallow clone against `git clone --depth 1`.
 *
 * Run: node --require @backstage/cli/config/nodeTransform.cjs bench/git-write.bench.ts
 * Environment: BENCH_APPS (default 2000, smoke 50), BENCH_RUNS (default 7, smoke 2).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  randomGitSecret,
  startGitHttpServer,
} from '@internal/argocd-sandbox/src/git';
import { EnvironmentAppStore } from '../src/environmentApps';
import { GitRepositoryCache } from '../src/git';
import { starterManifests } from '../src/templates/starterManifests';
import { Figure, median, runBenchmark, size, time } from './support/figures';

const run = promisify(execFile);
const APPS = size('BENCH_APPS', 50, 2000);
const RUNS = size('BENCH_RUNS', 2, 7);
const ENVS = ['dev', 'test', 'prod'];

/** The files of one generated app: the same starter a user gets from App Center. */
async function writeApp(dir: string, app: string) {
  await fs.mkdir(dir, { recursive: true });
  for (const file of starterManifests(app, {
    image: `registry.example.com:5000/shop/${app}:1.0.0`,
  })) {
    await fs.writeFile(path.join(dir, file.path), file.content);
  }
}

async function main(): Promise<Figure[]> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-bench-'));
  const username = 'bench';
  const password = randomGitSecret();
  const server = await startGitHttpServer({
    root: path.join(tmp, 'server'),
    auth: { username, password },
  });
  const header = `http.extraHeader=Authorization: Basic ${Buffer.from(
    `${username}:${password}`,
  ).toString('base64')}`;
  const gitEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  };
  const git = (args: string[], cwd?: string) =>
    run('git', ['-c', header, ...args], {
      cwd,
      env: gitEnv,
      maxBuffer: 512 * 1024 * 1024,
    });
  try {
    // Generate the repository.
    const seed = path.join(tmp, 'seed');
    for (let i = 0; i < APPS; i++) {
      const app = `app-${String(i).padStart(4, '0')}`;
      await writeApp(path.join(seed, 'apps/shop/templates', app), app);
      for (const env of ENVS) {
        const edir = path.join(seed, 'apps/shop/envs', env, app);
        await writeApp(edir, app);
        await fs.writeFile(
          path.join(edir, '.app-center.yaml'),
          `template: ${app}\ntemplateCommit: ${'0'.repeat(
            40,
          )}\ntemplateTree: ${'0'.repeat(40)}\n`,
        );
      }
    }
    const url = await server.createBareRepo('gitops.git');
    await git(['init', '-q', '-b', 'main'], seed);
    await git(['add', '-A'], seed);
    await git(['commit', '-q', '-m', 'generated'], seed);
    await git(['push', '-q', url, 'HEAD:main'], seed);
    const files = (await git(['ls-files'], seed)).stdout
      .trim()
      .split('\n').length;

    const ref = { url, branch: 'main' };
    const committer = { name: 'App Center', email: 'app-center@example.com' };
    const credentials = () => ({ username, password });

    // Cold clones.
    /** `git clone --depth 1` of main into tmp/`dir`, as a CI job would. */
    const shallowClone = (dir: string, ...options: string[]) =>
      git([
        'clone',
        '-q',
        '--depth',
        '1',
        '--single-branch',
        ...options,
        '--branch',
        'main',
        url,
        path.join(tmp, dir),
      ]);
    const ours: number[] = [];
    const cli: number[] = [];
    const cliNoCheckout: number[] = [];
    for (let r = 0; r < Math.min(RUNS, 5); r++) {
      const cache = new GitRepositoryCache({
        workingDirectory: path.join(tmp, `cold-${r}`),
        committer,
        credentials,
      });
      ours.push(await time(() => cache.head(ref)));
      cache.close();
      cli.push(await time(() => shallowClone(`cli-cold-${r}`)));
      cliNoCheckout.push(
        await time(() => shallowClone(`cli-nc-${r}`, '--no-checkout')),
      );
    }

    // Warm writes: the git command line first (a warm clone), then the engine (a warm cache).
    const work = path.join(tmp, 'cli-cold-0');
    const cliWrites: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const app = `app-${String(r * 7).padStart(4, '0')}`;
      const file = path.join(
        work,
        'apps/shop/envs/prod',
        app,
        'deployment.yaml',
      );
      cliWrites.push(
        await time(async () => {
          const text = await fs.readFile(file, 'utf8');
          await fs.writeFile(
            file,
            text.replace(`/${app}:1.0.0`, `/${app}:2.0.${r}`),
          );
          await git(
            [
              'commit',
              '-q',
              '-a',
              '-m',
              `app-center: deploy shop/prod/${app}: 2.0.${r}`,
            ],
            work,
          );
          await git(['push', '-q', 'origin', 'HEAD:main'], work);
        }),
      );
    }
    const cache = new GitRepositoryCache({
      workingDirectory: path.join(tmp, 'warm'),
      committer,
      credentials,
    });
    const store = new EnvironmentAppStore({ cache });
    await cache.head(ref);
    const author = { name: 'Jane Doe', email: 'jane@example.com' };
    const ourWrites: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const app = `app-${String(r * 7 + 3).padStart(4, '0')}`;
      ourWrites.push(
        await time(() =>
          store.setImages(
            { ...ref, project: 'shop', dir: 'apps' },
            { name: 'prod', namespace: 'shop-prod' },
            app,
            [
              {
                image: `registry.example.com:5000/shop/${app}`,
                tag: `2.0.${r}`,
              },
            ],
            { author },
          ),
        ),
      );
    }
    // Sanity: the last write is in the server's history.
    const log = (
      await git([
        '--git-dir',
        path.join(server.root, 'gitops.git'),
        'log',
        '-1',
        '--format=%s',
        'main',
      ])
    ).stdout.trim();
    cache.close();

    const expected = `app-center: deploy shop/prod/app-${String(
      (RUNS - 1) * 7 + 3,
    ).padStart(4, '0')}`;
    const w = median(ourWrites) / median(cliWrites);
    const c = median(ours) / median(cli);
    const repo = `${APPS} apps x ${ENVS.length} environments, ${files} files`;
    return [
      {
        id: 'git.warmWrite',
        figure: `warm one-tag write, commit + push (${repo})`,
        value: median(ourWrites),
        unit: 'ms',
        baseline: {
          label: 'git CLI: edit, commit -a, push in a warm clone',
          value: median(cliWrites),
        },
        ratio: w,
        target: '<= 1.5x git',
        met: w <= 1.5 && log.startsWith(expected),
        note: `median of ${RUNS}; last commit "${log.slice(0, 80)}"`,
      },
      {
        id: 'git.coldClone',
        figure: `cold shallow clone (${repo})`,
        value: median(ours),
        unit: 'ms',
        baseline: { label: 'git clone --depth 1', value: median(cli) },
        ratio: c,
        target: '<= 3x git clone --depth 1',
        met: c <= 3,
        note: `median of ${
          ours.length
        }; git clone --depth 1 --no-checkout ${median(cliNoCheckout).toFixed(
          0,
        )} ms`,
      },
    ];
  } finally {
    await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

runBenchmark(main);
