import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JsonObject } from '@backstage/types';
import { startSandboxStack, SandboxStack } from '@internal/argocd-sandbox';
import request from 'supertest';
import { waitFor as pollUntil } from '../deploy/__testUtils__/deploySandbox';
import { lateBound } from './lateBound';
import {
  appCenterTestDatabases,
  AppCenterTestDatabases,
  DatabaseId,
} from './testDatabases';
import {
  defaultPolicy,
  PolicyStub,
  startAppCenterBackend,
  StartedBackend,
} from './testBackend';

const run = promisify(execFile);

/** The Argo CD call that lists Applications. */
export const LIST = 'GET /api/v1/applications';
/** The environment routes of project shop. */
export const base = '/api/app-center/projects/shop/environments';

/** Polls until `fn` gives a value, for 15 s at the most. */
export const waitFor = <T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 15_000,
): Promise<T> => pollUntil(fn, what, ms);

/** A sandbox (Argo CD API + simulated cluster + git server with the example repository) and its config. */
export async function startEnvironmentAppsSandbox() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-env-apps-'));
  const stack = await startSandboxStack({
    dataDir: path.join(tmp, 'sandbox'),
    port: 0,
    gitPort: 0,
    podReadyDelayMs: 20,
    syncDelayMs: 40,
    deleteDelayMs: 80,
    reconcileIntervalMs: 0,
  });
  const bare = path.join(tmp, 'sandbox', 'git', 'gitops');
  const env = (name: string, extra: object = {}) => ({
    name,
    kind: name === 'prod' ? 'prod' : 'dev',
    destination: { name: 'in-cluster', namespace: `shop-${name}` },
    ...extra,
  });
  const config: JsonObject = {
    appCenter: {
      argocd: {
        timeout: '3s',
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
                env('dev'),
                env('qa'),
                env('load'),
                env('prod', {
                  destination: {
                    server: 'https://kubernetes.default.svc',
                    namespace: 'shop-prod',
                  },
                  protected: true,
                  deployerGroups: ['group:default/shop-leads'],
                }),
              ],
            },
          ],
        },
        {
          name: 'data-team',
          groups: ['group:default/data-devs'],
          adminGroups: [],
        },
      ],
    },
  };
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
    change: (dir: string) => Promise<void>,
    message: string,
  ) => {
    const dir = await fs.mkdtemp(path.join(tmp, 'clone-'));
    await git(['clone', '-q', bare, dir]);
    await change(dir);
    await git(['add', '-A'], dir);
    await git(['commit', '-q', '-m', message], dir);
    await git(['push', '-q', 'origin', 'HEAD:main'], dir);
    await fs.rm(dir, { recursive: true, force: true });
  };
  return {
    stack,
    config,
    head: async () =>
      (await git(['--git-dir', bare, 'rev-parse', 'main'])).trim(),
    show: (p: string) => git(['--git-dir', bare, 'show', `main:${p}`]),
    ls: async (p: string) =>
      (
        await git([
          '--git-dir',
          bare,
          'ls-tree',
          '--name-only',
          `main:${p}`,
        ]).catch(() => '')
      )
        .split('\n')
        .filter(Boolean),
    git,
    bare,
    commitBehind,
    cleanup: async () => {
      await stack.close();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}

/** The catalog entities of the tests: Components with a good, no, a bad and an orphaned app annotation. */
const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'shop-web',
      namespace: 'default',
      annotations: { 'app-center.io/app': 'shop/web' },
    },
    spec: {
      type: 'service',
      owner: 'group:default/shop-devs',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'plain', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/shop-devs',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'odd',
      namespace: 'default',
      annotations: { 'app-center.io/app': 'Shop web' },
    },
    spec: {
      type: 'service',
      owner: 'group:default/shop-devs',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orphan',
      namespace: 'default',
      annotations: { 'app-center.io/app': 'gone/web' },
    },
    spec: {
      type: 'service',
      owner: 'group:default/shop-devs',
      lifecycle: 'production',
    },
  },
];

export type EnvironmentAppsSandbox = Awaited<
  ReturnType<typeof startEnvironmentAppsSandbox>
>;

/** The backend and sandbox the environment app route tests of the enclosing describe block call. */
export interface EnvironmentAppsUnderTest {
  /** A request to the backend. */
  api(): ReturnType<typeof request>;
  /** The portal's permission policy (reset to the default after each test). */
  policy: { current: PolicyStub };
  /** The Argo CD Application of that name, as the sandbox holds it. */
  argoApp(
    name: string,
  ): ReturnType<SandboxStack['argocd']['argocd']['apps']['get']>;
  /** The sandbox. */
  sandbox: EnvironmentAppsSandbox;
  /** The sandbox's stack; its request counts are reset after each test. */
  stack: SandboxStack;
  /** The audit events so far. */
  events: StartedBackend['events'];
}

/**
 * Starts the sandbox and a backend with the test Components over test database `databaseId` before the
 * tests of the enclosing describe block, and stops both after them.
 */
function environmentAppsUnderTest(
  databases: AppCenterTestDatabases,
  databaseId: DatabaseId,
): EnvironmentAppsUnderTest {
  let started: StartedBackend;
  let sandbox: EnvironmentAppsSandbox;
  const t: EnvironmentAppsUnderTest = {
    api: () => request(started.server),
    policy: { current: defaultPolicy },
    argoApp: name => sandbox.stack.argocd.argocd.apps.get(name),
    sandbox: lateBound(() => sandbox),
    stack: lateBound(() => sandbox.stack),
    events: lateBound(() => started.events),
  };
  beforeAll(async () => {
    sandbox = await startEnvironmentAppsSandbox();
    const knex = await databases.init(databaseId);
    started = await startAppCenterBackend({
      knex,
      policy: t.policy,
      config: sandbox.config,
      entities,
    });
    // At start-up the backend checks the configured project's AppProject in the background: wait for that
    // check, then start counting, so each test's request counts see only what the test itself asked for.
    await waitFor(
      async () =>
        sandbox.stack.argocd.hooks.count('GET /api/v1/projects/*') > 0 ||
        undefined,
      'the start-up AppProject check',
    );
    sandbox.stack.argocd.hooks.reset();
  });
  afterAll(async () => {
    await started?.backend.stop();
    await sandbox?.cleanup();
  });
  afterEach(() => {
    t.policy.current = defaultPolicy;
    sandbox.stack.argocd.hooks.reset();
  });
  return t;
}

/**
 * The environment app route tests of a file: `tests` makes them once per test database (SQLite and
 * PostgreSQL), in a describe block named after `subject` and the database, against their own sandbox and
 * backend.
 */
export function describeEnvironmentApps(
  subject: string,
  tests: (t: EnvironmentAppsUnderTest) => void,
) {
  jest.setTimeout(180_000);
  const { databases, ids } = appCenterTestDatabases();
  describe.each(ids)(`${subject} on %s`, id => {
    tests(environmentAppsUnderTest(databases, id));
  });
}
