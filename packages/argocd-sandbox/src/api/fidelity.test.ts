/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Harness } from '../testing/harness.ts';
import { appBody, expectSwagger, waitFor } from '../testing/harness.ts';
import {
  getApp,
  settledApp,
  startWebAppHarness,
  syncApp,
  WEB,
} from '../testing/webApp.ts';

// Issue 12 B: the sandbox refuses what Argo CD refuses, so that code tested against it works against the real one.
describe('Argo CD API: refuses what Argo CD refuses', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startWebAppHarness();
    await syncApp(h, 'web');
    await settledApp(h, 'web', 'Healthy');
  });
  afterAll(() => h.close());

  it('decodes bodies strictly as Go does: a wrong type is a 400, an unknown field is dropped', async () => {
    const bareArray = await h.api('POST', '/api/v1/applications/web/sync', {
      syncOptions: ['CreateNamespace=true'],
    });
    expect(bareArray.status).toBe(400);
    expectSwagger('runtimeError', bareArray.body);
    expect(bareArray.body).toMatchObject({
      code: 3,
      message:
        'json: cannot unmarshal array into Go struct field ApplicationSyncRequest.syncOptions of type application.SyncOptions',
    });
    const wrongNested = await h.api('POST', '/api/v1/applications', {
      ...appBody('typed', h.repo.repoURL, WEB),
      spec: {
        ...appBody('typed', h.repo.repoURL, WEB).spec,
        revisionHistoryLimit: '3',
      },
    });
    expect(wrongNested.status).toBe(400);
    expect(wrongNested.body.message).toBe(
      'json: cannot unmarshal string into Go struct field Application.spec.revisionHistoryLimit of type int64',
    );
    const fraction = await h.api('POST', '/api/v1/applications/web/rollback', {
      id: 1.5,
    });
    expect(fraction.body.message).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field ApplicationRollbackRequest.id of type int64',
    );
    const notAnObject = await h.api('POST', '/api/v1/applications/web/sync', [
      1,
    ]);
    expect(notAnObject.body.message).toBe(
      'json: cannot unmarshal array into Go value of type application.ApplicationSyncRequest',
    );
    const labels = await h.api('PUT', '/api/v1/applications/web', {
      ...appBody('web', h.repo.repoURL, WEB),
      metadata: { name: 'web', labels: { tier: 1 } },
    });
    expect(labels.body.message).toBe(
      'json: cannot unmarshal number into Go struct field Application.metadata.labels.tier of type string',
    );
    expect((await getApp(h, 'web')).metadata.labels.tier).toBeUndefined();
    // a misspelt field is dropped silently, as Go does, and null leaves the zero value
    const lenient = await h.api('POST', '/api/v1/applications/web/sync', {
      dryrun: true,
      prun: true,
      revision: null,
    });
    expect(lenient.status).toBe(200);
    const dryRun = lenient.body;
    expect(dryRun.operation.sync.dryRun).toBeUndefined();
    expect(dryRun.operation.sync.prune).toBeUndefined();
    await settledApp(h, 'web', 'Healthy');
  });

  it('logs in and out through the session service, without a token', async () => {
    const login = await fetch(`${h.sandbox.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: h.sandbox.token }),
    });
    expect(login.status).toBe(200);
    const session = await login.json();
    expectSwagger('sessionSessionResponse', session);
    expect(login.headers.get('set-cookie')).toMatch(/^argocd\.token=/);
    const viaCookie = await fetch(`${h.sandbox.url}/api/v1/applications`, {
      headers: { Cookie: `argocd.token=${session.token}` },
    });
    expect(viaCookie.status).toBe(200);
    const wrong = await fetch(`${h.sandbox.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'guess' }),
    });
    expect(wrong.status).toBe(401);
    const logout = await fetch(`${h.sandbox.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(
      /^argocd\.token=;.*Max-Age=0/,
    );
  });

  it('serves AppProjects (default allows everything), clusters, settings and can-i', async () => {
    const list = await h.call(
      'GET',
      '/api/v1/projects',
      'v1alpha1AppProjectList',
    );
    expect(list.items.map((p: any) => p.metadata.name)).toEqual([
      'default',
      'other',
      'shop',
    ]);
    const def = await h.call(
      'GET',
      '/api/v1/projects/default',
      'v1alpha1AppProject',
    );
    expect(def.spec).toMatchObject({
      sourceRepos: ['*'],
      destinations: [{ server: '*', namespace: '*' }],
    });
    const missing = await h.api('GET', '/api/v1/projects/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(
      'appprojects.argoproj.io "nope" not found',
    );
    const clusters = await h.call(
      'GET',
      '/api/v1/clusters',
      'v1alpha1ClusterList',
    );
    expect(clusters.items[0]).toMatchObject({
      name: 'in-cluster',
      server: 'https://kubernetes.default.svc',
      connectionState: { status: 'Successful' },
    });
    const settings = await fetch(`${h.sandbox.url}/api/v1/settings`);
    expect(settings.status).toBe(200);
    const body = await settings.json();
    expectSwagger('clusterSettings', body);
    expect(body.appLabelKey).toBe('app.kubernetes.io/instance');
    const canI = await h.call(
      'GET',
      '/api/v1/account/can-i/applications/sync/shop/web',
      'accountCanIResponse',
    );
    expect(canI).toEqual({ value: 'yes' });
    expect(
      (await h.api('GET', '/api/v1/account/can-i/nonsense/get/x')).body,
    ).toEqual({ value: 'no' });
  });

  it('answers 501 naming the route for what it does not implement', async () => {
    const r = await h.api('GET', '/api/v1/repositories');
    expect(r.status).toBe(501);
    expectSwagger('runtimeError', r.body);
    expect(r.body).toMatchObject({
      code: 12,
      message:
        'the Argo CD sandbox does not implement GET /api/v1/repositories',
    });
  });

  it('checks Applications against their AppProject', async () => {
    const created = await h.call(
      'POST',
      '/api/v1/projects',
      'v1alpha1AppProject',
      {
        project: {
          metadata: { name: 'narrow' },
          spec: {
            sourceRepos: [h.repo.repoURL],
            destinations: [{ server: '*', namespace: 'shop-*' }],
          },
        },
      },
    );
    expect(created.metadata).toMatchObject({
      name: 'narrow',
      namespace: 'argocd',
    });
    const inProject = (name: string, extra: any) =>
      h.api(
        'POST',
        '/api/v1/applications',
        appBody(name, h.repo.repoURL, WEB, extra),
      );
    expect((await inProject('fits', { project: 'narrow' })).status).toBe(200);
    const absent = await inProject('ghost', { project: 'ghost' });
    expect(absent.status).toBe(400);
    expect(absent.body.message).toBe(
      'application spec for ghost is invalid: InvalidSpecError: application references project ghost which does not exist',
    );
    const wrongNs = await inProject('elsewhere', {
      project: 'narrow',
      spec: {
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'kube-system',
        },
      },
    });
    expect(wrongNs.status).toBe(400);
    expect(wrongNs.body.message).toMatch(
      /application destination server 'https:\/\/kubernetes.default.svc' and namespace 'kube-system' do not match any of the allowed destinations in project 'narrow'/,
    );
    const otherRepo = await h.api(
      'POST',
      '/api/v1/applications?validate=false',
      appBody('foreign', 'https://git.example.invalid/other', WEB, {
        project: 'narrow',
      }),
    );
    expect(otherRepo.status).toBe(400);
    expect(otherRepo.body.message).toMatch(
      /application repo https:\/\/git.example.invalid\/other is not permitted in project 'narrow'/,
    );
    const conflict = await h.api('POST', '/api/v1/projects', {
      project: { metadata: { name: 'narrow' }, spec: { sourceRepos: ['*'] } },
    });
    expect(conflict.status).toBe(400);
    const wrongType = await h.api('POST', '/api/v1/projects', {
      project: { metadata: { name: 'bad' }, spec: { sourceRepos: '*' } },
    });
    expect(wrongType.body.message).toBe(
      'json: cannot unmarshal string into Go struct field ProjectCreateRequest.project.spec.sourceRepos of type []string',
    );
    expect(h.sandbox.argocd.apps.has('ghost')).toBe(false);
  });

  it('simulates namespaces: a sync into a missing one fails unless CreateNamespace=true', async () => {
    const body = (name: string, syncOptions?: string[]) =>
      appBody(name, h.repo.repoURL, WEB, {
        spec: {
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: `ns-${name}`,
          },
          ...(syncOptions ? { syncPolicy: { syncOptions } } : {}),
        },
      });
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      body('plain'),
    );
    await syncApp(h, 'plain');
    const failed = await waitFor(
      async () => {
        const a = await getApp(h, 'plain');
        return a.status.operationState?.phase === 'Failed' ? a : undefined;
      },
      5000,
      'plain sync failed',
    );
    expect(failed.status.operationState.message).toContain(
      'namespaces "ns-plain" not found',
    );
    expect(
      h.sandbox.cluster.store.list(o => o.metadata.namespace === 'ns-plain'),
    ).toEqual([]);
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      body('created', ['CreateNamespace=true']),
    );
    await syncApp(h, 'created');
    const ok = await settledApp(h, 'created', 'Healthy');
    expect(ok.status.operationState.syncResult.resources[0]).toMatchObject({
      kind: 'Namespace',
      name: 'ns-created',
      status: 'Synced',
    });
    expect(
      h.sandbox.cluster.store.get({
        group: '',
        kind: 'Namespace',
        namespace: '',
        name: 'ns-created',
      }),
    ).toBeDefined();
  });

  it('omits empty lists where Argo CD omits them', async () => {
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('empty', h.repo.repoURL, WEB),
    );
    const tree = await h.call(
      'GET',
      '/api/v1/applications/empty/resource-tree',
      'v1alpha1ApplicationTree',
    );
    expect(tree).toEqual({});
    const web = await h.call(
      'GET',
      '/api/v1/applications/web/resource-tree',
      'v1alpha1ApplicationTree',
    );
    expect(web.nodes.length).toBeGreaterThan(0);
    expect('orphanedNodes' in web).toBe(false);
    const managed = await h.call(
      'GET',
      '/api/v1/applications/web/managed-resources?kind=Nothing',
      'applicationManagedResourcesResponse',
    );
    expect(managed).toEqual({});
    const actions = await h.call(
      'GET',
      '/api/v1/applications/web/resource/actions?namespace=shop-dev&resourceName=web&version=v1&kind=Service',
      'applicationResourceActionsListResponse',
    );
    expect(actions).toEqual({});
  });

  it('refuses a branch name for revision metadata, as the repo server does', async () => {
    const r = await h.api(
      'GET',
      '/api/v1/applications/web/revisions/main/metadata',
    );
    expect(r.status).toBe(500);
    expect(r.body.message).toBe('revision main must be resolved');
    const sha = (await getApp(h, 'web')).status.sync.revision;
    const meta = await h.call(
      'GET',
      `/api/v1/applications/web/revisions/${sha}/metadata`,
      'v1alpha1RevisionMetadata',
    );
    expect(meta.author).toBe('Jane Doe <jane@example.invalid>');
  });

  it('lowercases propagationPolicy and keeps an app whose finalizer nobody handles', async () => {
    const misspelt = appBody('kept', h.repo.repoURL, WEB);
    misspelt.metadata.finalizers = ['resources-finaliser.argocd.argoproj.io'];
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      misspelt,
    );
    const del = await h.api(
      'DELETE',
      '/api/v1/applications/kept?propagationPolicy=Background',
    );
    expect(del.status).toBe(200);
    const stuck = await waitFor(
      async () => {
        const a = await getApp(h, 'kept');
        return a.metadata.finalizers.length === 1 ? a : undefined;
      },
      5000,
      'resources finalizer released',
    );
    expect(stuck.metadata.deletionTimestamp).toBeTruthy();
    expect(stuck.metadata.finalizers).toEqual([
      'resources-finaliser.argocd.argoproj.io',
    ]);
    const bogus = await h.api(
      'DELETE',
      '/api/v1/applications/web?propagationPolicy=sideways',
    );
    expect(bogus.status).toBe(400);
    expect(bogus.body.message).toBe('invalid propagation policy: sideways');
  });
});
