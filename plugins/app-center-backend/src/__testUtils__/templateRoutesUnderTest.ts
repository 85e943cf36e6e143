import path from 'node:path';
import { JsonObject } from '@backstage/types';
import {
  randomGitSecret,
  startGitHttpServer,
} from '@internal/argocd-sandbox/src/git';
import request from 'supertest';
import { createGitTestEnv, GitTestEnv } from '../git/__testUtils__/gitTestEnv';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import { as } from './apiUnderTest';
import { lateBound } from './lateBound';
import {
  appCenterTestDatabases,
  AppCenterTestDatabases,
  DatabaseId,
} from './testDatabases';
import {
  defaultPolicy,
  people,
  PolicyStub,
  startAppCenterBackend,
  StartedBackend,
} from './testBackend';

/** The template routes of project shop. */
export const base = '/api/app-center/projects/shop/templates';

export const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  key: value\n`;

/**
 * The two templates the tests start from, as the creation test makes them: web from a starter (by bob, a
 * tenant admin) and worker from files (by the portal admin).
 */
export const templates = {
  web: {
    name: 'web',
    description: 'Web shop',
    starter: {
      image: 'registry.example.com:5000/shop/web:1.0',
      port: 8080,
      replicas: 2,
    },
  },
  worker: {
    name: 'worker',
    files: [{ path: 'config/cm.yaml', content: configMap('worker') }],
    message: 'worker config',
  },
};

const users = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'bob', namespace: 'default' },
    spec: {
      profile: { displayName: 'Bob Builder', email: 'bob@example.com' },
      memberOf: ['shop-leads'],
    },
  },
];

/**
 * The config of the tests: project shop (environments dev, prod, qa) on the test git server, project locked
 * on a second git host whose password in config is wrong, and project offline on a host nobody listens on.
 */
function templatesConfig(
  git: GitTestEnv,
  repoUrl: string,
  otherUrl: string,
  wrongPassword: string,
): JsonObject {
  const project = (name: string, url: string, environments: object[] = []) => ({
    name,
    repo: { url, branch: 'main', dir: 'apps' },
    argocd: { instance: 'main' },
    environments,
  });
  return {
    appCenter: {
      argocd: {
        instances: [
          { name: 'main', url: 'http://argocd.invalid', token: 'unused' },
        ],
      },
      git: {
        workingDirectory: path.join(git.tmp, 'backend-work'),
        committer: { name: 'App Center Bot', email: 'bot@example.com' },
        credentials: [
          {
            host: new URL(repoUrl).host,
            username: git.username,
            password: git.password,
          },
          {
            host: new URL(otherUrl).host,
            username: 'bot',
            password: wrongPassword,
          },
        ],
      },
      tenants: [
        {
          name: 'shop-team',
          groups: ['group:default/shop-devs'],
          adminGroups: ['group:default/shop-leads'],
          projects: [
            project('shop', repoUrl, [
              {
                name: 'dev',
                kind: 'dev',
                destination: { name: 'in-cluster', namespace: 'shop-dev' },
              },
              {
                name: 'prod',
                kind: 'prod',
                destination: { name: 'in-cluster', namespace: 'shop-prod' },
              },
              {
                name: 'qa',
                kind: 'test',
                destination: { name: 'in-cluster', namespace: 'shop-qa' },
              },
            ]),
            project('locked', otherUrl),
            project('offline', 'http://127.0.0.1:9/gitops.git'),
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
}

/** The backend, git server and helpers the template route tests of the enclosing describe block use. */
export interface TemplateRoutesUnderTest {
  /** A request to the backend. */
  api(): ReturnType<typeof request>;
  /** The portal's permission policy (reset to the default after each test). */
  policy: { current: PolicyStub };
  /** The audit events so far. */
  events: StartedBackend['events'];
  /** The test git server and git CLI. */
  git: GitTestEnv;
  /** The bare repository of project shop (set once the git server started). */
  bare: string;
  /** The wrong password the config holds for project locked's host. */
  wrongPassword: string;
  /** The commit of branch main. */
  head(): Promise<string>;
  /** A file of branch main. */
  show(p: string): Promise<string>;
  /** `author|committer|subject` of the last commit on main. */
  lastCommit(): Promise<string>;
  /** A store on its own cache, for what the template routes do not do (associating environments). */
  envApps(): EnvironmentAppStore;
  /** The repository of project shop, as the store takes it. */
  repo(): { project: string; url: string; branch: string; dir: string };
  /** The backend's reads trust their last look at the branch head for a second: let it pass after writes made elsewhere. */
  afterExternalWrites(): Promise<unknown>;
}

/**
 * Starts the git servers and a backend over test database `databaseId` before the tests of the enclosing
 * describe block, and stops them after. With `withTemplates`, templates web and worker exist before the
 * first test (created through the routes, as the creation test does).
 */
function templateRoutesUnderTest(
  databases: AppCenterTestDatabases,
  databaseId: DatabaseId,
  options: { withTemplates?: boolean } = {},
): TemplateRoutesUnderTest {
  let started: StartedBackend;
  let gitEnv: GitTestEnv;
  let otherServer: Awaited<ReturnType<typeof startGitHttpServer>>;
  let repoUrl: string;
  const git = (args: string[]) => gitEnv.git(args);
  const t: TemplateRoutesUnderTest = {
    api: () => request(started.server),
    policy: { current: defaultPolicy },
    events: lateBound(() => started.events),
    git: lateBound(() => gitEnv),
    bare: '',
    wrongPassword: `wrong-${randomGitSecret()}`,
    head: async () =>
      (await git(['--git-dir', t.bare, 'rev-parse', 'main'])).trim(),
    show: p => git(['--git-dir', t.bare, 'show', `main:${p}`]),
    lastCommit: async () =>
      (
        await git([
          '--git-dir',
          t.bare,
          'log',
          '-1',
          '--format=%an <%ae>|%cn <%ce>|%s',
          'main',
        ])
      ).trim(),
    envApps: () =>
      new EnvironmentAppStore({ cache: gitEnv.cache({ freshnessMs: 0 }) }),
    repo: () => ({
      project: 'shop',
      url: repoUrl,
      branch: 'main',
      dir: 'apps',
    }),
    afterExternalWrites: () =>
      new Promise(resolve => setTimeout(resolve, 1100)),
  };

  beforeAll(async () => {
    gitEnv = await createGitTestEnv();
    repoUrl = await gitEnv.server.createBareRepo('gitops.git', {
      initialFiles: { 'README.md': 'GitOps\n' },
    });
    t.bare = path.join(gitEnv.server.root, 'gitops.git');
    // A second git host whose credentials in config are wrong.
    otherServer = await startGitHttpServer({
      root: path.join(gitEnv.tmp, 'other'),
      auth: { username: 'bot', password: randomGitSecret() },
    });
    const otherUrl = await otherServer.createBareRepo('gitops.git', {
      initialFiles: { 'README.md': 'x\n' },
    });
    const knex = await databases.init(databaseId);
    started = await startAppCenterBackend({
      knex,
      config: templatesConfig(gitEnv, repoUrl, otherUrl, t.wrongPassword),
      policy: t.policy,
      entities: users,
    });
    const seeds = options.withTemplates
      ? ([
          [people.bob, templates.web],
          [people.admin, templates.worker],
        ] as const)
      : [];
    for (const [user, body] of seeds)
      await t.api().post(base).set(as(user)).send(body).expect(201);
  });
  afterAll(async () => {
    await started?.backend.stop();
    await otherServer?.close();
    await gitEnv?.cleanup();
  });
  afterEach(() => {
    t.policy.current = defaultPolicy;
  });
  return t;
}

/**
 * The template route tests of a file: `tests` makes them once per test database (SQLite and PostgreSQL), in
 * a describe block named after `subject` and the database, against their own git servers and backend.
 */
export function describeTemplateRoutes(
  subject: string,
  options: { withTemplates?: boolean },
  tests: (t: TemplateRoutesUnderTest) => void,
) {
  // Real git processes over HTTP and a backend per database on a shared machine.
  jest.setTimeout(120_000);
  const { databases, ids } = appCenterTestDatabases();
  describe.each(ids)(`${subject} on %s against a real git server`, id => {
    tests(templateRoutesUnderTest(databases, id, options));
  });
}
