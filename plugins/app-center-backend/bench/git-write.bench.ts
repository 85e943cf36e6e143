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
 * Environment: BENCH_APPS (default 2000), BENCH_RUNS (default 7).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  randomGitSecret,
  startGitHttpServer,
} from '@internal/argocd-sandbox/src/git';
import { GitRepositoryCache } from '../src/git/GitRepositoryCache';
import { EnvironmentAppStore } from '../src/environmentApps/EnvironmentAppStore';

const run = promisify(execFile);
const APPS = Number(process.env.BENCH_APPS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ENVS = ['dev', 'test', 'prod'];

function deployment(app: string, tag: string) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app.kubernetes.io/name: ${app}
spec:
  replicas: 2 # scaled by hand
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
    spec:
      containers:
        - name: ${app}
          image: registry.example.com:5000/shop/${app}:${tag}
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`;
}

function service(app: string) {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - port: 80
      targetPort: 8080
`;
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main() {
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
    const t0 = performance.now();
    for (let i = 0; i < APPS; i++) {
      const app = `app-${String(i).padStart(4, '0')}`;
      const tdir = path.join(seed, 'apps/shop/templates', app);
      await fs.mkdir(tdir, { recursive: true });
      await fs.writeFile(
        path.join(tdir, 'deployment.yaml'),
        deployment(app, '1.0.0'),
      );
      await fs.writeFile(path.join(tdir, 'service.yaml'), service(app));
      for (const env of ENVS) {
        const edir = path.join(seed, 'apps/shop/envs', env, app);
        await fs.mkdir(edir, { recursive: true });
        await fs.writeFile(
          path.join(edir, 'deployment.yaml'),
          deployment(app, '1.0.0'),
        );
        await fs.writeFile(path.join(edir, 'service.yaml'), service(app));
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
    console.log(
      `generated ${APPS} apps x ${
        ENVS.length
      } environments: ${files} files in ${fmt(performance.now() - t0)}`,
    );

    const ref = { url, branch: 'main' };
    const committer = { name: 'App Center', email: 'app-center@example.com' };
    const credentials = () => ({ username, password });

    // Cold clones.
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
      cli.push(
        await time(() =>
          git([
            'clone',
            '-q',
            '--depth',
            '1',
            '--single-branch',
            '--branch',
            'main',
            url,
            path.join(tmp, `cli-cold-${r}`),
          ]),
        ),
      );
      cliNoCheckout.push(
        await time(() =>
          git([
            'clone',
            '-q',
            '--depth',
            '1',
            '--single-branch',
            '--no-checkout',
            '--branch',
            'main',
            url,
            path.join(tmp, `cli-nc-${r}`),
          ]),
        ),
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

    const w = median(ourWrites) / median(cliWrites);
    const c = median(ours) / median(cli);
    console.log('');
    console.log(
      `warm write (one image tag, commit + push), median of ${RUNS}:`,
    );
    console.log(
      `  engine (setImages, warm cache) ${fmt(
        median(ourWrites),
      )}   runs: ${ourWrites.map(x => x.toFixed(0)).join(' ')}`,
    );
    console.log(
      `  git CLI (edit, commit -a, push) ${fmt(
        median(cliWrites),
      )}   runs: ${cliWrites.map(x => x.toFixed(0)).join(' ')}`,
    );
    console.log(`  ratio engine / git: ${w.toFixed(2)}x (aim <= 1.5x)`);
    console.log(`cold shallow clone, median of ${ours.length}:`);
    console.log(
      `  engine (depth 1, objects only)  ${fmt(median(ours))}   runs: ${ours
        .map(x => x.toFixed(0))
        .join(' ')}`,
    );
    console.log(
      `  git clone --depth 1             ${fmt(median(cli))}   runs: ${cli
        .map(x => x.toFixed(0))
        .join(' ')}`,
    );
    console.log(
      `  git clone --depth 1 --no-checkout ${fmt(median(cliNoCheckout))}`,
    );
    console.log(
      `  ratio engine / git clone --depth 1: ${c.toFixed(2)}x (aim <= 3x)`,
    );
    console.log(`last commit: ${log}`);
  } finally {
    await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
