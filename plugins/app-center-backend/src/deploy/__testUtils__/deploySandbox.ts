import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JsonObject } from '@backstage/types';
import { startSandboxStack, SandboxStack } from '@internal/argocd-sandbox';
import { ArgoCDClient, buildApplication } from '../../argocd';

const run = promisify(execFile);

export const REGISTRY = 'registry.example.com';

/** A Deployment + Service of one app, like the sandbox's example apps. */
export function appManifests(
  app: string,
  tag = '1.0.0',
  replicas = 1,
): Record<string, string> {
  return {
    'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
spec:
  # how many pods
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: ${app}
          image: ${REGISTRY}/shop/${app}:${tag} # the app
`,
    'service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: 8080
`,
  };
}

/**
 * The sandbox stack (Argo CD API + simulated cluster + git server with the example repository, project
 * `shop`, environment `dev`) with more apps committed in `shop/envs/dev/<app>/` and their Applications
 * created, plus the App Center config pointing at it and git helpers reading the bare repository.
 */
export async function startDeploySandbox(
  options: {
    apps?: string[];
    config?: JsonObject;
    podReadyDelayMs?: number;
    /** How long a container of a `crash` tag runs before it exits and restarts. */
    crashAfterMs?: number;
    /** How often a running container writes a log line. */
    logIntervalMs?: number;
  } = {},
) {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-deploy-'));
  const stack: SandboxStack = await startSandboxStack({
    dataDir: path.join(tmp, 'sandbox'),
    port: 0,
    gitPort: 0,
    podReadyDelayMs: options.podReadyDelayMs ?? 10,
    crashAfterMs: options.crashAfterMs,
    logIntervalMs: options.logIntervalMs,
    syncDelayMs: 20,
    deleteDelayMs: 20,
    progressDeadlineMs: 1500,
    scaleDownDelayMs: 50,
    reconcileIntervalMs: 0,
    // the tests name their images on a registry of their own
    exampleRegistry: REGISTRY,
  });
  const bare = path.join(tmp, 'sandbox', 'git', 'gitops');
  const git = async (args: string[], cwd?: string) =>
    (
      await run('git', args, {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_AUTHOR_NAME: 'Someone Else',
          GIT_AUTHOR_EMAIL: 'else@example.com',
          GIT_COMMITTER_NAME: 'Someone Else',
          GIT_COMMITTER_EMAIL: 'else@example.com',
        },
      })
    ).stdout;
  /** A commit made behind App Center's back, straight into the bare repository. */
  const commitBehind = async (
    files: Record<string, string | null>,
    message: string,
  ) => {
    const dir = await fs.mkdtemp(path.join(tmp, 'clone-'));
    await git(['clone', '-q', bare, dir]);
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(dir, file);
      if (content === null) await fs.rm(target, { force: true });
      else {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, content);
      }
    }
    await git(['add', '-A'], dir);
    await git(['commit', '-q', '-m', message], dir);
    await git(['push', '-q', 'origin', 'HEAD:main'], dir);
    await fs.rm(dir, { recursive: true, force: true });
  };
  const extra = (options.apps ?? []).filter(a => a !== 'web' && a !== 'api');
  if (extra.length) {
    const files: Record<string, string> = {};
    for (const app of extra) {
      for (const [f, c] of Object.entries(appManifests(app)))
        files[`shop/envs/dev/${app}/${f}`] = c;
    }
    await commitBehind(files, `add ${extra.length} apps`);
  }
  const project = {
    name: 'shop',
    tenant: 'shop-team',
    repo: { url: stack.exampleRepoUrl, branch: 'main', dir: '' },
    argocd: { instance: 'main', project: 'default' },
  };
  const config: JsonObject = {
    appCenter: {
      argocd: {
        timeout: '5s',
        instances: [
          { name: 'main', url: stack.argocd.url, token: stack.argocd.token },
        ],
      },
      git: {
        workingDirectory: path.join(tmp, 'work'),
        credentials: [
          { host: new URL(stack.git.url).host, token: stack.gitToken! },
        ],
      },
      deploy: { timeoutSeconds: 30 },
      tenants: [
        {
          name: 'shop-team',
          groups: ['group:default/shop-devs'],
          adminGroups: ['group:default/shop-leads'],
          projects: [
            {
              name: 'shop',
              repo: { url: stack.exampleRepoUrl, branch: 'main' },
              argocd: { instance: 'main', project: 'default' },
              environments: [
                {
                  name: 'dev',
                  kind: 'dev',
                  destination: { name: 'in-cluster', namespace: 'shop-dev' },
                },
                {
                  name: 'prod',
                  kind: 'prod',
                  destination: { name: 'in-cluster', namespace: 'shop-prod' },
                  protected: true,
                  deployerGroups: ['group:default/shop-leads'],
                },
              ],
            },
          ],
        },
      ],
      ...(options.config ?? {}),
    },
  };
  const argocd = new ArgoCDClient({
    name: 'main',
    url: stack.argocd.url,
    token: stack.argocd.token,
  });
  const env = {
    name: 'dev',
    destination: { name: 'in-cluster', namespace: 'shop-dev' },
  };
  for (const app of ['web', 'api', ...extra]) {
    await argocd.createApplication(
      buildApplication(project as any, env as any, app),
      { upsert: true, validate: false },
    );
  }
  const head = async () =>
    (await git(['--git-dir', bare, 'rev-parse', 'main'])).trim();
  return {
    stack,
    config,
    argocd,
    bare,
    git,
    head,
    commitBehind,
    show: (p: string, rev = 'main') =>
      git(['--git-dir', bare, 'show', `${rev}:${p}`]),
    ls: async (p: string, rev = 'main') =>
      (
        await git([
          '--git-dir',
          bare,
          'ls-tree',
          '--name-only',
          `${rev}:${p}`,
        ]).catch(() => '')
      )
        .split('\n')
        .filter(Boolean),
    /** `sha|author|subject` lines of the last `n` commits. */
    log: async (n: number) =>
      (
        await git([
          '--git-dir',
          bare,
          'log',
          `-${n}`,
          '--format=%H|%an <%ae>|%s',
          'main',
        ])
      )
        .trim()
        .split('\n'),
    /** Full message of a commit. */
    message: async (rev: string) =>
      git(['--git-dir', bare, 'log', '-1', '--format=%B', rev]),
    /** Number of sync requests Argo CD received for an Application since the last reset. */
    syncs: (application: string) =>
      stack.argocd.hooks.count(`POST /api/v1/applications/${application}/sync`),
    cleanup: async () => {
      await stack.close();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}

export type DeploySandbox = Awaited<ReturnType<typeof startDeploySandbox>>;

/** Polls until `fn` gives a value (no timing assertions: the deadline only ends a hung test). */
export async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
