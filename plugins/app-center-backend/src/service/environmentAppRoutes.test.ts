import { as } from '../__testUtils__/apiUnderTest';
import { people } from '../__testUtils__/testBackend';
import {
  base,
  LIST,
  waitFor,
  describeEnvironmentApps,
} from '../__testUtils__/environmentAppsUnderTest';

// Listing an environment's apps, associating and disassociating one, store apps; the other environment app
// route tests are in environmentAppRoutes.<behaviour>.test.ts, on the fixture in
// __testUtils__/environmentAppsUnderTest.ts.
describeEnvironmentApps('environment apps', t => {
  const { api, argoApp, sandbox, stack, events } = t;

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
});
