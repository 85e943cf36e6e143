import { as } from '../__testUtils__/apiUnderTest';
import { defaultPolicy, people } from '../__testUtils__/testBackend';
import {
  base,
  describeEnvironmentApps,
} from '../__testUtils__/environmentAppsUnderTest';

// Who may associate where, and that the caller is checked before the body; bad input from those who may.
describeEnvironmentApps('environment app access', t => {
  const { api, argoApp, policy, sandbox, stack } = t;
  // As the association tests leave it: web is associated with qa.
  beforeAll(async () => {
    await api()
      .post(`${base}/qa/apps`)
      .set(as(people.alice))
      .send({ app: 'web' })
      .expect(201);
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
  });
});
