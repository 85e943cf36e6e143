/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Harness } from '../testing/harness.ts';
import { appBody, expectSwagger, startHarness } from '../testing/harness.ts';
import { deploymentYaml, serviceYaml } from '../testing/gitFixture.ts';

describe('Argo CD API: applications, traps and hooks', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    h.repo.commit({
      'shop/envs/dev/web/deployment.yaml': deploymentYaml(
        'web',
        'registry.example.com/shop/web:1.0.0',
        2,
      ),
      'shop/envs/dev/web/service.yaml': serviceYaml('web'),
      'shop/envs/dev/api/deployment.yaml': deploymentYaml(
        'api',
        'registry.example.com/shop/api:1.0.0',
        1,
      ),
    });
  });
  afterAll(() => h.close());

  it('answers version and userinfo', async () => {
    await h.call('GET', '/api/version', 'versionVersionMessage');
    const info = await h.call(
      'GET',
      '/api/v1/session/userinfo',
      'sessionGetUserInfoResponse',
    );
    expect(info).toMatchObject({ loggedIn: true, username: 'admin' });
    const anon = await h.api('GET', '/api/v1/session/userinfo', undefined, {
      Authorization: 'Bearer wrong',
    });
    expect(anon).toMatchObject({ status: 200, body: { loggedIn: false } });
  });

  it('demands the bearer token on /api/v1 (401 with the unary error body)', async () => {
    for (const headers of [
      { Authorization: '' },
      { Authorization: 'Bearer nope' },
    ]) {
      const r = await h.api('GET', '/api/v1/applications', undefined, headers);
      expect(r.status).toBe(401);
      expectSwagger('runtimeError', r.body);
      expect(r.body.code).toBe(16);
    }
    const cookie = await h.api('GET', '/api/v1/applications', undefined, {
      Authorization: '',
      Cookie: `argocd.token=${h.sandbox.token}`,
    });
    expect(cookie.status).toBe(200);
  });

  it('refuses a non-GET without Content-Type: application/json with 415, DELETE included', async () => {
    for (const method of ['POST', 'DELETE', 'PUT']) {
      const res = await fetch(
        `${h.sandbox.url}/api/v1/applications${
          method === 'POST' ? '' : '/web'
        }`,
        { method, headers: { Authorization: `Bearer ${h.sandbox.token}` } },
      );
      expect(res.status).toBe(415);
    }
  });

  it('creates, gets and lists applications (validated against the swagger)', async () => {
    const body = appBody('shop-dev-web', h.repo.repoURL, 'shop/envs/dev/web');
    expectSwagger('v1alpha1Application', body);
    const created = await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      body,
    );
    expect(created.metadata).toMatchObject({
      name: 'shop-dev-web',
      namespace: 'argocd',
    });
    expect(created.operation).toBeUndefined();
    // same spec again: the existing object comes back
    const again = await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      body,
    );
    expect(again.metadata.uid).toBe(created.metadata.uid);
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('shop-dev-api', h.repo.repoURL, 'shop/envs/dev/api', {
        labels: { tier: 'backend' },
      }),
    );
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('other-web', h.repo.repoURL, 'shop/envs/dev/web', {
        project: 'other',
        labels: { 'app-center.io/project': 'other' },
      }),
    );

    const got = await h.call(
      'GET',
      '/api/v1/applications/shop-dev-web?refresh=normal',
      'v1alpha1Application',
    );
    expect(got.status.sync.status).toBe('OutOfSync');
    expect(
      got.status.resources
        .map((r: any) => `${r.kind}/${r.name}:${r.health.status}`)
        .sort(),
    ).toEqual(['Deployment/web:Missing', 'Service/web:Missing']);

    const names = async (q: string) =>
      (
        await h.call(
          'GET',
          `/api/v1/applications${q}`,
          'v1alpha1ApplicationList',
        )
      ).items.map((a: any) => a.metadata.name);
    expect(await names('')).toEqual([
      'other-web',
      'shop-dev-api',
      'shop-dev-web',
    ]);
    expect(await names('?selector=app-center.io/project%3Dshop')).toEqual([
      'shop-dev-api',
      'shop-dev-web',
    ]);
    expect(
      await names('?selector=app-center.io/project%20in%20(shop,other),!tier'),
    ).toEqual(['other-web', 'shop-dev-web']);
    expect(
      await names('?selector=app-center.io/project%20notin%20(shop)'),
    ).toEqual(['other-web']);
    expect(await names('?selector=tier')).toEqual(['shop-dev-api']);
    expect(await names('?projects=shop&projects=other&name=other-web')).toEqual(
      ['other-web'],
    );
    expect(await names('?project=other')).toEqual(['other-web']);
    const bad = await h.api('GET', '/api/v1/applications?selector=a%20in%20(b');
    expect(bad.status).toBe(500);

    const list = await h.call(
      'GET',
      '/api/v1/applications?selector=tier',
      'v1alpha1ApplicationList',
    );
    expect(
      list.items[0].status.resources.every((r: any) => r.health === undefined),
    ).toBe(true);
    const projected = await h.call(
      'GET',
      '/api/v1/applications?name=shop-dev-web&fields=items.metadata.name,items.status.sync.status',
      'v1alpha1ApplicationList',
    );
    expect(projected.items[0]).toEqual({
      metadata: { name: 'shop-dev-web' },
      status: { sync: { status: 'OutOfSync' } },
    });
  });

  it('reproduces the lookup, upsert and validation traps', async () => {
    const missing = await h.api('GET', '/api/v1/applications/nope');
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual({
      error: 'permission denied',
      code: 7,
      message: 'permission denied',
      details: [],
    });
    expect(
      (await h.api('GET', '/api/v1/applications/nope?project=shop')).status,
    ).toBe(404);
    expect(
      (await h.api('GET', '/api/v1/applications/other-web?project=shop'))
        .status,
    ).toBe(404);
    expect((await h.api('DELETE', '/api/v1/applications/nope')).status).toBe(
      403,
    );

    const changed = appBody(
      'shop-dev-web',
      h.repo.repoURL,
      'shop/envs/dev/api',
    );
    const conflict = await h.api('POST', '/api/v1/applications', changed);
    expect(conflict.status).toBe(400);
    expect(conflict.body.message).toBe(
      'existing application spec is different, use upsert flag to force update',
    );
    const upserted = await h.call(
      'POST',
      '/api/v1/applications?upsert=true',
      'v1alpha1Application',
      changed,
    );
    expect(upserted.spec.source.path).toBe('shop/envs/dev/api');

    const badPath = await h.api(
      'POST',
      '/api/v1/applications',
      appBody('broken', h.repo.repoURL, 'shop/envs/dev/nothing'),
    );
    expect(badPath.status).toBe(400);
    expect(badPath.body.message).toMatch(/app path does not exist/);
    expect(
      (
        await h.api(
          'POST',
          '/api/v1/applications?validate=false',
          appBody('broken', h.repo.repoURL, 'shop/envs/dev/nothing'),
        )
      ).status,
    ).toBe(200);

    const both = appBody('both', h.repo.repoURL, 'shop/envs/dev/web', {
      spec: {
        destination: {
          name: 'in-cluster',
          server: 'https://kubernetes.default.svc',
          namespace: 'x',
        },
      },
    });
    expect((await h.api('POST', '/api/v1/applications', both)).status).toBe(
      400,
    );

    const terminate = await h.api(
      'DELETE',
      '/api/v1/applications/shop-dev-api/operation',
    );
    expect(terminate.status).toBe(400);
    expect(terminate.body.message).toBe(
      'Unable to terminate operation. No operation is in progress',
    );
    const unimplemented = await h.api('GET', '/api/v1/nothing-here');
    expect(unimplemented.status).toBe(501);
    expect(unimplemented.body.message).toBe(
      'the Argo CD sandbox does not implement GET /api/v1/nothing-here',
    );
    expect((await h.api('GET', '/nothing-here')).status).toBe(404);
  });

  it('updates the whole app, the spec alone, and patches', async () => {
    const app = await h.call(
      'GET',
      '/api/v1/applications/shop-dev-web',
      'v1alpha1Application',
    );
    app.spec.source.path = 'shop/envs/dev/web';
    app.metadata.labels = { 'app-center.io/project': 'shop', replaced: 'yes' };
    const updated = await h.call(
      'PUT',
      '/api/v1/applications/shop-dev-web',
      'v1alpha1Application',
      app,
    );
    expect(updated.metadata.labels).toEqual({
      'app-center.io/project': 'shop',
      replaced: 'yes',
    });
    const spec = await h.call(
      'PUT',
      '/api/v1/applications/shop-dev-web/spec',
      'v1alpha1ApplicationSpec',
      { ...updated.spec, revisionHistoryLimit: 3 },
    );
    expect(spec.revisionHistoryLimit).toBe(3);
    const patchBody = {
      patch: JSON.stringify({ metadata: { labels: { patched: 'true' } } }),
      patchType: 'merge',
    };
    expectSwagger('applicationApplicationPatchRequest', patchBody);
    const patched = await h.call(
      'PATCH',
      '/api/v1/applications/shop-dev-web',
      'v1alpha1Application',
      patchBody,
    );
    expect(patched.metadata.labels.patched).toBe('true');
  });

  it('injects latency, errors and dropped connections, and counts calls per endpoint', async () => {
    const { hooks } = h.sandbox;
    hooks.reset();
    await h.api('GET', '/api/v1/applications?selector=tier');
    await h.api('GET', '/api/v1/applications/shop-dev-web');
    expect(hooks.count('GET /api/v1/applications')).toBe(1);
    expect(hooks.count('GET /api/v1/applications/{name}')).toBe(1);

    hooks.latency('GET /api/v1/applications', 150, 1);
    await h.api('GET', '/api/v1/applications');
    // The server waited out the latency before answering that request.
    expect(
      hooks.requests('GET /api/v1/applications').map(r => r.delayedMs),
    ).toEqual([undefined, 150]);

    hooks.fail('GET /api/v1/applications/{name}', 500, 'etcd is down', 1);
    const failed = await h.api('GET', '/api/v1/applications/shop-dev-web');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({
      error: 'etcd is down',
      code: 2,
      message: 'etcd is down',
      details: [],
    });
    expect(
      (await h.api('GET', '/api/v1/applications/shop-dev-web')).status,
    ).toBe(200);

    hooks.drop('/api/v1/applications/*');
    await expect(
      fetch(`${h.sandbox.url}/api/v1/applications/shop-dev-web`, {
        headers: { Authorization: `Bearer ${h.sandbox.token}` },
      }),
    ).rejects.toThrow();
    hooks.clearFaults();

    // the same over HTTP
    const add = await h.api('POST', '/sandbox/faults', {
      pattern: 'GET /api/v1/applications',
      status: 503,
      message: 'unavailable',
      count: 1,
    });
    expect(add.status).toBe(200);
    expect((await h.api('GET', '/api/v1/applications')).status).toBe(503);
    const counts = await h.api(
      'GET',
      `/sandbox/requests?pattern=${encodeURIComponent(
        'GET /api/v1/applications',
      )}`,
    );
    expect(counts.body.count).toBeGreaterThanOrEqual(2);
    expect(
      (
        await h.api('GET', '/sandbox/requests', undefined, {
          Authorization: 'Bearer nope',
        })
      ).status,
    ).toBe(401);
    expect((await h.api('POST', '/sandbox/reset', {})).status).toBe(200);
    expect(hooks.count('/api/**')).toBe(0);
  });
});
