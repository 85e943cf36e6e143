import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { startSandboxStack, SandboxStack } from '@internal/argocd-sandbox';
import request from 'supertest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import {
  defaultPolicy,
  people,
  PolicyStub,
  startAppCenterBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(180_000);

const run = promisify(execFile);
const { databases, ids } = appCenterTestDatabases();
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const LIST = 'GET /api/v1/applications';

/** A sandbox (Argo CD API + simulated cluster + git server with the example repository) and its config. */
async function startSandbox() {
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

async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

describe.each(ids)('environment apps on %s', databaseId => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let stack: SandboxStack;
  let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
  let events: Awaited<ReturnType<typeof startAppCenterBackend>>['events'];
  const policy: { current: PolicyStub } = { current: defaultPolicy };
  let stop: () => Promise<void>;
  const api = () => request(server);
  const base = '/api/app-center/projects/shop/environments';
  const argoApp = (name: string) => stack.argocd.argocd.apps.get(name);

  beforeAll(async () => {
    sandbox = await startSandbox();
    stack = sandbox.stack;
    const knex = await databases.init(databaseId);
    const started = await startAppCenterBackend({
      knex,
      policy,
      config: sandbox.config,
      entities,
    });
    server = started.server;
    events = started.events;
    stop = () => started.backend.stop();
    // At start-up the backend checks the configured project's AppProject in the background: wait for that
    // check, then start counting, so each test's request counts see only what the test itself asked for.
    await waitFor(
      async () =>
        stack.argocd.hooks.count('GET /api/v1/projects/*') > 0 || undefined,
      'the start-up AppProject check',
    );
    stack.argocd.hooks.reset();
  });
  afterAll(async () => {
    await stop?.();
    await sandbox?.cleanup();
  });
  afterEach(() => {
    policy.current = defaultPolicy;
    stack.argocd.hooks.reset();
  });

  it('lists what git holds with one Argo CD list call: the example copies have no Application yet', async () => {
    const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      // A member may deploy to and edit the apps of an unprotected environment, not manage the project.
      capabilities: expect.objectContaining({
        read: { allowed: true },
        deploy: { allowed: true },
        editEnvironmentApp: { allowed: true },
        manage: expect.objectContaining({ allowed: false }),
      }),
      platformApps: [
        expect.objectContaining({
          name: 'api',
          state: 'no-application',
          application: 'shop.dev.api',
          argocdInstance: 'main',
          mainKind: 'Deployment',
          images: {
            running: [],
            manifest: [`${stack.argocd.registryHost}/shop/api:1.0.0`],
          },
        }),
        expect.objectContaining({
          name: 'web',
          state: 'no-application',
          mainKind: 'Deployment',
        }),
      ],
      storeApps: [],
    });
    expect(stack.argocd.hooks.count(LIST)).toBe(1);
    expect(stack.argocd.hooks.requests().length).toBe(1);
  });

  it('associates: folder with provenance in git by the user, Application with labels and no sync, audited', async () => {
    const res = await api()
      .post(`${base}/qa/apps`)
      .set(as(people.alice))
      .send({ app: 'web' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'web',
      project: 'shop',
      environment: 'qa',
      state: 'associated',
      application: 'shop.qa.web',
      mainKind: 'Deployment',
      images: {
        running: [],
        manifest: [`${stack.argocd.registryHost}/shop/web:1.0.0`],
      },
      template: {
        name: 'web',
        revision: expect.stringMatching(/^[0-9a-f]{40}$/),
      },
    });
    expect(res.body.operation).toBeUndefined();

    const app = argoApp('shop.qa.web')!;
    expect(app.metadata.labels).toEqual({
      'app-center.io/project': 'shop',
      'app-center.io/environment': 'qa',
      'app-center.io/app': 'web',
      'app-center.io/tenant': 'shop-team',
      'app-center.io/managed-by': 'app-center',
    });
    expect(app.metadata.finalizers).toEqual([
      'resources-finalizer.argocd.argoproj.io',
    ]);
    expect(app.spec).toMatchObject({
      project: 'default',
      source: {
        repoURL: stack.exampleRepoUrl,
        path: 'shop/envs/qa/web',
        targetRevision: 'main',
        directory: { exclude: '.app-center.yaml' },
      },
      destination: { name: 'in-cluster', namespace: 'shop-qa' },
    });
    // no automated sync; the environment's namespace is created by the first deploy
    expect(app.spec.syncPolicy).toEqual({
      syncOptions: ['CreateNamespace=true'],
    });
    expect(app.status?.operationState).toBeUndefined();
    expect(app.operation).toBeUndefined();
    expect(stack.argocd.hooks.count('POST /api/v1/applications/*/sync')).toBe(
      0,
    );
    expect(
      stack.argocd.cluster.store.list(o => o.metadata.namespace === 'shop-qa'),
    ).toEqual([]);

    expect(await sandbox.ls('shop/envs/qa/web')).toEqual([
      '.app-center.yaml',
      'deployment.yaml',
      'service.yaml',
    ]);
    expect(await sandbox.show('shop/envs/qa/web/.app-center.yaml')).toMatch(
      /^template: web$/m,
    );
    const log = await sandbox.git([
      '--git-dir',
      sandbox.bare,
      'log',
      '-1',
      '--format=%an <%ae>|%cn|%s',
      'main',
    ]);
    expect(log.trim()).toBe(
      'alice <alice@users.noreply.invalid>|App Center|app-center: associate shop/qa/web: copy template web',
    );
    expect(
      events
        .filter(e => e.eventId === 'environment-app-associate')
        .map(e => e.outcome),
    ).toEqual(['success']);
  });

  it('lists the associated app with Argo CD state, and reads one app', async () => {
    const res = await api().get(`${base}/qa/apps`).set(as(people.alice));
    expect(res.status).toBe(200);
    expect(res.body.platformApps).toEqual([
      expect.objectContaining({
        name: 'web',
        state: 'associated',
        sync: { status: 'OutOfSync', revision: expect.any(String) },
      }),
    ]);
    expect(res.body.warnings).toBeUndefined();
    expect(stack.argocd.hooks.count(LIST)).toBe(1);

    const one = await api().get(`${base}/qa/apps/web`).set(as(people.alice));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      name: 'web',
      state: 'associated',
      application: 'shop.qa.web',
    });
    expect(
      (await api().get(`${base}/qa/apps/nothing`).set(as(people.alice))).status,
    ).toBe(404);
  });

  it('refuses a second associate without overwrite (409) and changes nothing; overwrite replaces the copy', async () => {
    const head = await sandbox.head();
    const dup = await api()
      .post(`${base}/qa/apps`)
      .set(as(people.alice))
      .send({ app: 'web' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toMatch(
      /already associated with environment qa; associate again with overwrite/,
    );
    expect(await sandbox.head()).toBe(head);

    const again = await api()
      .post(`${base}/qa/apps`)
      .set(as(people.alice))
      .send({ app: 'web', overwrite: true });
    expect(again.status).toBe(201);
    expect(again.body.state).toBe('associated');
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const head = await sandbox.head();
    const before = stack.argocd.argocd.apps.peekAll().length;
    for (const body of [
      { app: 'Bad_Name' },
      { app: 'web', extra: true },
      {},
      { app: 'no-such-template' },
    ]) {
      const res = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send(body);
      expect([res.status, body]).toEqual([400, body]);
    }
    expect(
      (await api().get(`${base}/NOPE/apps`).set(as(people.alice))).status,
    ).toBe(400);
    expect(
      (await api().get(`${base}/nope/apps`).set(as(people.alice))).status,
    ).toBe(404);
    expect(await sandbox.head()).toBe(head);
    expect(stack.argocd.argocd.apps.peekAll().length).toBe(before);
  });

  it('refuses outsiders (403) and members deploying to a protected environment (403), changing nothing', async () => {
    const head = await sandbox.head();
    for (const user of [people.mallory, people.carol]) {
      expect((await api().get(`${base}/qa/apps`).set(as(user))).status).toBe(
        403,
      );
      expect(
        (await api().post(`${base}/qa/apps`).set(as(user)).send({ app: 'api' }))
          .status,
      ).toBe(403);
      expect(
        (await api().delete(`${base}/qa/apps/web`).set(as(user))).status,
      ).toBe(403);
    }
    const prod = await api()
      .post(`${base}/prod/apps`)
      .set(as(people.alice))
      .send({ app: 'web' });
    expect(prod.status).toBe(403);
    expect(prod.body.error.message).toMatch(
      /may not deploy to shop\/prod: prod is protected: deployers are group:default\/shop-leads/,
    );

    policy.current = (permission, user, ref) =>
      permission === 'app-center.environment.deploy' && ref === 'shop/qa'
        ? false
        : defaultPolicy(permission, user);
    const denied = await api()
      .post(`${base}/qa/apps`)
      .set(as(people.alice))
      .send({ app: 'api' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/portal's permission policy/);

    expect(await sandbox.head()).toBe(head);
    expect(argoApp('shop.prod.web')).toBeUndefined();
    expect(argoApp('shop.qa.api')).toBeUndefined();
  });

  it('lets a deployer group associate to a protected environment', async () => {
    const res = await api()
      .post(`${base}/prod/apps`)
      .set(as(people.bob))
      .send({ app: 'api' });
    expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
    expect(argoApp('shop.prod.api')!.spec.destination).toEqual({
      server: 'https://kubernetes.default.svc',
      namespace: 'shop-prod',
    });
  });

  it('shows an Application deleted behind App Center as no-application, a removed folder as no-folder', async () => {
    await api()
      .post(`${base}/dev/apps`)
      .set(as(people.alice))
      .send({ app: 'web', overwrite: true })
      .expect(201);
    await api()
      .post(`${base}/dev/apps`)
      .set(as(people.alice))
      .send({ app: 'api', overwrite: true })
      .expect(201);
    // behind our back: the Application of web goes (without touching git), the folder of api goes
    const del = await fetch(
      `${stack.argocd.url}/api/v1/applications/shop.dev.web?cascade=false`,
      {
        method: 'DELETE',
        headers: {
          Authorization: `Bearer ${stack.argocd.token}`,
          'Content-Type': 'application/json',
        },
      },
    );
    expect(del.status).toBe(200);
    await sandbox.commitBehind(
      dir => fs.rm(path.join(dir, 'shop/envs/dev/api'), { recursive: true }),
      'remove api',
    );

    const states = await waitFor(async () => {
      const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
      const s = Object.fromEntries(
        res.body.platformApps.map((a: any) => [a.name, a.state]),
      );
      return s.api === 'no-folder' && s.web === 'no-application'
        ? res.body
        : undefined;
    }, 'the list to show both');
    expect(
      states.platformApps.find((a: any) => a.name === 'api'),
    ).toMatchObject({
      state: 'no-folder',
      application: 'shop.dev.api',
      images: { manifest: [] },
    });

    // Recreating the missing Application keeps git as it is: no commit, the environment's files stay.
    const head = await sandbox.head();
    const outsider = await api()
      .post(`${base}/dev/apps/web/recreate`)
      .set(as(people.mallory));
    expect(outsider.status).toBe(403);
    expect(argoApp('shop.dev.web')).toBeUndefined();
    const recreated = await api()
      .post(`${base}/dev/apps/web/recreate`)
      .set(as(people.alice));
    expect(recreated.status).toBe(201);
    expect(recreated.body).toMatchObject({
      name: 'web',
      state: 'associated',
      application: 'shop.dev.web',
    });
    expect(argoApp('shop.dev.web')).toBeDefined();
    expect(await sandbox.head()).toBe(head);
    const again = await api()
      .post(`${base}/dev/apps/web/recreate`)
      .set(as(people.alice));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /exists already; nothing was changed/,
    );
    // Without the folder there is nothing to recreate from.
    const gone = await api()
      .post(`${base}/dev/apps/api/recreate`)
      .set(as(people.alice));
    expect(gone.status).toBe(404);
    expect(
      events.some(
        (e: any) =>
          e.eventId === 'environment-app-recreate' && e.outcome === 'success',
      ),
    ).toBe(true);
    // The tests below expect dev's web without an Application, as the examples leave it.
    const removed = await fetch(
      `${stack.argocd.url}/api/v1/applications/shop.dev.web?cascade=false`,
      {
        method: 'DELETE',
        headers: {
          Authorization: `Bearer ${stack.argocd.token}`,
          'Content-Type': 'application/json',
        },
      },
    );
    expect(removed.status).toBe(200);
    await waitFor(async () => {
      const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
      return res.body.platformApps.some(
        (a: any) => a.name === 'web' && a.state === 'no-application',
      )
        ? true
        : undefined;
    }, 'web to show as no-application again');
  });

  it('disassociates: Application (cascade) then folder; 404 afterwards', async () => {
    const synced = await fetch(
      `${stack.argocd.url}/api/v1/applications/shop.qa.web/sync`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${stack.argocd.token}`,
          'Content-Type': 'application/json',
        },
        body: '{}',
      },
    );
    expect(synced.status).toBe(200);
    await waitFor(
      async () =>
        stack.argocd.cluster.store.list(
          o => o.metadata.namespace === 'shop-qa' && o.kind === 'Pod',
        ).length
          ? true
          : undefined,
      'pods in shop-qa',
    );
    const running = await waitFor(async () => {
      const res = await api().get(`${base}/qa/apps/web`).set(as(people.alice));
      return res.body.images.running.length ? res.body : undefined;
    }, 'running images');
    expect(running).toMatchObject({
      images: { running: [`${stack.argocd.registryHost}/shop/web:1.0.0`] },
      operation: { phase: 'Succeeded' },
      health: { status: expect.any(String) },
    });

    const res = await api().delete(`${base}/qa/apps/web`).set(as(people.alice));
    expect(res.status).toBe(204);
    expect(await sandbox.ls('shop/envs/qa/web')).toEqual([]);
    await waitFor(
      async () => (argoApp('shop.qa.web') ? undefined : true),
      'the Application to go',
    );
    await waitFor(
      async () =>
        stack.argocd.cluster.store.list(o => o.metadata.namespace === 'shop-qa')
          .length
          ? undefined
          : true,
      'its resources to go',
    );
    expect(
      (await api().get(`${base}/qa/apps/web`).set(as(people.alice))).status,
    ).toBe(404);
    expect(
      (await api().delete(`${base}/qa/apps/web`).set(as(people.alice))).status,
    ).toBe(404);
    expect(
      events
        .filter(e => e.eventId === 'environment-app-disassociate')
        .map(e => e.outcome)
        .slice(-2),
    ).toEqual(['success', 'fail']);
  });

  describe('when Argo CD fails', () => {
    it('still lists what git holds, with a warning', async () => {
      stack.argocd.hooks.drop(LIST);
      const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
      expect(res.status).toBe(200);
      expect(res.body.platformApps.map((a: any) => [a.name, a.state])).toEqual([
        ['web', 'unknown'],
      ]);
      expect(res.body.warnings).toEqual([
        expect.stringMatching(
          /^Argo CD could not be read, showing what git holds: Argo CD "main" closed the connection/,
        ),
      ]);
    });

    it('answers 502 to associate when Argo CD is down, and leaves git as it was', async () => {
      stack.argocd.hooks.drop('/api/v1/**');
      const head = await sandbox.head();
      const res = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api' });
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /^nothing was changed: Argo CD "main" closed the connection/,
      );
      expect(await sandbox.head()).toBe(head);
    });

    it('answers 504 when Argo CD is too slow', async () => {
      stack.argocd.hooks.latency('/api/v1/**', 4000);
      const res = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api' });
      expect(res.status).toBe(504);
      expect(res.body.error.message).toMatch(
        /did not answer GET \/applications\/shop\.qa\.api within 3000 ms/,
      );
    });

    it('says what is left when the Application cannot be created after the copy, and overwrite repairs it', async () => {
      stack.argocd.hooks.fail(
        'POST /api/v1/applications',
        500,
        'etcdserver: request timed out',
        1,
      );
      const res = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api' });
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /^the manifests of api are in git \(shop\/envs\/qa\/api at commit [0-9a-f]{12}\), but the Argo CD Application shop\.qa\.api could not be created: .*etcdserver: request timed out.*associate again with overwrite/,
      );
      expect(await sandbox.ls('shop/envs/qa/api')).toEqual([
        '.app-center.yaml',
        'configmap.yaml',
        'deployment.yaml',
        'service.yaml',
      ]);
      const list = await api().get(`${base}/qa/apps`).set(as(people.alice));
      expect(list.body.platformApps.map((a: any) => [a.name, a.state])).toEqual(
        [['api', 'no-application']],
      );

      const repaired = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api', overwrite: true });
      expect(repaired.status).toBe(201);
      expect(repaired.body.state).toBe('associated');
    });

    it('says what is left when the Application cannot be deleted', async () => {
      stack.argocd.hooks.fail(
        'DELETE /api/v1/applications/*',
        503,
        'unavailable',
      );
      const res = await api()
        .delete(`${base}/qa/apps/api`)
        .set(as(people.alice));
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /^nothing was changed: the Argo CD Application shop\.qa\.api could not be deleted/,
      );
      expect(argoApp('shop.qa.api')).toBeDefined();
      expect(await sandbox.ls('shop/envs/qa/api')).not.toEqual([]);
    });
  });

  describe('store apps', () => {
    it('lists Applications App Center does not manage in the environment namespace, with chart and version', async () => {
      const create = (body: object) =>
        fetch(`${stack.argocd.url}/api/v1/applications?validate=false`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${stack.argocd.token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(body),
        });
      const helm = (name: string, namespace: string) => ({
        metadata: { name },
        spec: {
          project: 'default',
          source: {
            repoURL: 'https://charts.example.com',
            chart: 'redis',
            targetRevision: '19.0.2',
          },
          destination: { server: 'https://kubernetes.default.svc', namespace },
        },
      });
      expect((await create(helm('redis-dev', 'shop-dev'))).status).toBe(200);
      expect((await create(helm('redis-other', 'other-ns'))).status).toBe(200);
      stack.argocd.hooks.resetCounts();
      const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
      expect(res.body.storeApps).toEqual([
        expect.objectContaining({
          name: 'redis-dev',
          chart: 'redis',
          version: '19.0.2',
          repoURL: 'https://charts.example.com',
        }),
      ]);
      expect(res.body.platformApps.map((a: any) => a.name)).not.toContain(
        'redis-dev',
      );
      expect(stack.argocd.hooks.count(LIST)).toBe(1);
    });
  });

  describe('entity apps', () => {
    it("disables deploy where the portal's policy denies app-center.environment.deploy, saying so, on the Deployments tab's and the environment page's data alike; the deploy is refused", async () => {
      policy.current = (permission, user, ref) =>
        permission === 'app-center.environment.deploy' && ref === 'shop/dev'
          ? false
          : defaultPolicy(permission, user);
      const denied = {
        allowed: false,
        reason:
          "the portal's permission policy does not allow it (app-center.environment.deploy on shop/dev)",
      };
      // bob is a tenant admin: App Center's own rules would let him deploy anywhere.
      const tab = await api()
        .get('/api/app-center/entity-apps')
        .query({ entityRef: 'component:default/shop-web' })
        .set(as(people.bob));
      expect(tab.status).toBe(200);
      const byEnv = Object.fromEntries(
        tab.body.environments.map((e: any) => [
          e.environment.name,
          e.capabilities.deploy,
        ]),
      );
      expect(byEnv).toEqual({
        dev: denied,
        load: { allowed: true },
        prod: { allowed: true },
        qa: { allowed: true },
      });
      const page = await api().get(`${base}/dev/apps`).set(as(people.bob));
      expect(page.status).toBe(200);
      expect(page.body.capabilities.deploy).toEqual(denied);
      expect(page.body.capabilities.editEnvironmentApp).toEqual(denied);
      expect(page.body.capabilities.read).toEqual({ allowed: true });
      const deploy = await api()
        .post(`${base}/dev/deployments`)
        .set(as(people.bob))
        .send({ apps: [{ app: 'web', images: [{ image: 'x', tag: '1' }] }] });
      expect(deploy.status).toBe(403);
      expect(deploy.body.error.message).toBe(
        `user:default/bob may not deploy to shop/dev: ${denied.reason}`,
      );
    });

    it('checks who asks before what they send: 403 for outsiders and for members without the right, not a 400 about the body', async () => {
      const head = await sandbox.head();
      const badBodies: Array<[string, string, string, object]> = [
        [people.mallory, 'post', `${base}/dev/apps`, { nonsense: true }],
        [people.carol, 'post', `${base}/dev/deployments`, { apps: 'all' }],
        [people.alice, 'post', `${base}/prod/deployments`, { apps: 'all' }],
        [people.alice, 'post', `${base}/prod/apps/web/scale`, { replicas: -1 }],
        [people.alice, 'put', `${base}/prod/apps/web/files`, { files: 'x' }],
        [
          people.alice,
          'post',
          '/api/app-center/projects/shop/templates',
          { name: 'Bad Name' },
        ],
        [
          people.mallory,
          'put',
          '/api/app-center/projects/shop',
          { tenant: 42 },
        ],
        [
          people.alice,
          'post',
          '/api/app-center/projects',
          { tenant: 'shop-team', name: 'Bad Name' },
        ],
        [people.alice, 'post', '/api/app-center/tenants', { name: 42 }],
      ];
      for (const [user, method, url, body] of badBodies) {
        const res = await (api() as any)[method](url).set(as(user)).send(body);
        expect([url, res.status]).toEqual([url, 403]);
        expect(res.body.error.name).toBe('NotAllowedError');
      }
      // Those who may act still get the 400 that describes their mistake.
      const bad = await api()
        .post(`${base}/dev/deployments`)
        .set(as(people.alice))
        .send({ apps: 'all' });
      expect(bad.status).toBe(400);
      expect(await sandbox.head()).toBe(head);
    });

    it('gives a Component its app in every environment of the project, with what the caller may do there', async () => {
      const res = await api()
        .get('/api/app-center/entity-apps')
        .query({ entityRef: 'component:default/shop-web' })
        .set(as(people.alice));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        project: 'shop',
        app: 'web',
        templateExists: true,
      });
      const rows = res.body.environments.map((e: any) => [
        e.environment.name,
        e.capabilities.deploy.allowed,
        e.app?.state,
      ]);
      expect(rows).toEqual([
        ['dev', true, 'no-application'],
        ['load', true, undefined],
        ['prod', false, undefined],
        ['qa', true, undefined],
      ]);
      expect(stack.argocd.hooks.count(LIST)).toBe(1);
      // The protected environment says why not, in words the UI shows next to the disabled action.
      expect(res.body.environments[2].capabilities.deploy).toEqual({
        allowed: false,
        reason:
          'prod is protected: deployers are group:default/shop-leads and the admins of tenant "shop-team"',
      });
      const bob = await api()
        .get('/api/app-center/entity-apps')
        .query({ entityRef: 'shop-web' })
        .set(as(people.bob));
      expect(
        bob.body.environments.map((e: any) => e.capabilities.deploy.allowed),
      ).toEqual([true, true, true, true]);
    });

    it('answers 400 for no or a bad annotation, 404 for a missing entity or project, 403 for outsiders', async () => {
      const get = (entityRef: string, user: string = people.alice) =>
        api()
          .get('/api/app-center/entity-apps')
          .query({ entityRef })
          .set(as(user));
      const plain = await get('component:default/plain');
      expect(plain.status).toBe(400);
      expect(plain.body.error.message).toMatch(
        /has no app-center.io\/app annotation/,
      );
      const odd = await get('component:default/odd');
      expect(odd.status).toBe(400);
      expect(odd.body.error.message).toMatch(/is not "<project>\/<app>"/);
      expect((await get('component:default/nobody')).status).toBe(404);
      expect((await get('component:default/orphan')).status).toBe(404);
      expect((await get('::')).status).toBe(400);
      expect(
        (await get('component:default/shop-web', people.mallory)).status,
      ).toBe(403);
    });
  });
});

/**
 * Setup only: creates through the sandbox's API, asking again when a reused keep-alive connection was
 * reset under it (a race between the client's pool and the server closing idle sockets on a busy machine).
 */
async function fetchRetryingReset(url: string, init: RequestInit) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = ((error as Error).cause as { code?: string } | undefined)
        ?.code;
      if (attempt >= 3 || code !== 'ECONNRESET') throw error;
    }
  }
}

describe('listing a large environment', () => {
  it('makes exactly one Argo CD list call for 1,000 apps', async () => {
    const sandbox = await startSandbox();
    const { stack } = sandbox;
    const knex = await databases.init(ids[ids.length - 1]);
    const started = await startAppCenterBackend({
      knex,
      config: sandbox.config,
    });
    try {
      const N = 1000;
      const setupStarted = Date.now();
      const names = Array.from(
        { length: N },
        (_, i) => `svc-${String(i).padStart(4, '0')}`,
      );
      // 1,000 folders in git (one commit) ...
      await sandbox.commitBehind(async dir => {
        for (const name of names) {
          const folder = path.join(dir, 'shop/envs/load', name);
          await fs.mkdir(folder, { recursive: true });
          await fs.writeFile(
            path.join(folder, 'deployment.yaml'),
            `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/shop/${name}:1.0.0\n`,
          );
        }
      }, 'add 1000 apps');
      const gitDone = Date.now();
      // ... and their 1,000 Applications, created through the sandbox's API
      const headers = {
        Authorization: `Bearer ${stack.argocd.token}`,
        'Content-Type': 'application/json',
      };
      for (let i = 0; i < N; i += 50) {
        await Promise.all(
          names.slice(i, i + 50).map(async name => {
            const res = await fetchRetryingReset(
              `${stack.argocd.url}/api/v1/applications?validate=false`,
              {
                method: 'POST',
                headers,
                body: JSON.stringify({
                  metadata: {
                    name: `shop.load.${name}`,
                    labels: {
                      'app-center.io/project': 'shop',
                      'app-center.io/environment': 'load',
                      'app-center.io/app': name,
                      'app-center.io/tenant': 'shop-team',
                      'app-center.io/managed-by': 'app-center',
                    },
                  },
                  spec: {
                    project: 'default',
                    source: {
                      repoURL: stack.exampleRepoUrl,
                      path: `shop/envs/load/${name}`,
                      targetRevision: 'main',
                    },
                    destination: { name: 'in-cluster', namespace: 'shop-load' },
                  },
                }),
              },
            );
            if (res.status !== 200)
              throw new Error(
                `create ${name}: ${res.status} ${await res.text()}`,
              );
          }),
        );
      }
      // eslint-disable-next-line no-console
      console.log(
        `setup: git ${gitDone - setupStarted} ms, Applications ${
          Date.now() - gitDone
        } ms`,
      );
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        stack.argocd.hooks.resetCounts();
        const t0 = process.hrtime.bigint();
        const res = await request(started.server)
          .get('/api/app-center/projects/shop/environments/load/apps')
          .set(as(people.alice));
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        expect(res.status).toBe(200);
        expect(res.body.platformApps).toHaveLength(N);
        expect(
          res.body.platformApps.every(
            (a: any) =>
              a.state === 'associated' && a.images.manifest.length === 1,
          ),
        ).toBe(true);
        expect(stack.argocd.hooks.count(LIST)).toBe(1);
        expect(stack.argocd.hooks.requests().length).toBe(1);
      }
      // A figure for the report, not an assertion: first (cold: every folder parsed) and warm requests.
      // eslint-disable-next-line no-console
      console.log(
        `listing ${N} apps in one environment: ${times
          .map(t => `${Math.round(t)} ms`)
          .join(', ')} (first cold, then warm); 1 Argo CD list call each`,
      );
    } finally {
      await started.backend.stop();
      await sandbox.cleanup();
    }
  });
});
