import { apiUnderTest, as, expectNone } from '../__testUtils__/apiUnderTest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

describe.each(ids)('App Center API on %s', databaseId => {
  const backend = apiUnderTest(databases, databaseId);
  const { api, names, policy } = backend;

  describe('projects', () => {
    const project = (name: string, extra: object = {}) => ({
      name,
      tenant: 'shop-team',
      repo: { url: 'https://git.example.com/org/gitops.git', dir: './deploy/' },
      argocd: { instance: 'edge' },
      ...extra,
    });

    it('lets a tenant admin create a project, with defaults filled in', async () => {
      const res = await api()
        .post('/api/app-center/projects')
        .set(as(people.bob))
        .send(project('checkout'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'checkout',
        tenant: 'shop-team',
        title: 'checkout',
        repo: {
          url: 'https://git.example.com/org/gitops.git',
          branch: 'main',
          dir: 'deploy',
        },
        argocd: { instance: 'edge', project: 'default' },
        allowClusterScoped: false,
        source: 'portal',
      });
    });

    it('refuses project creation to members and to admins of another tenant', async () => {
      expect(
        (
          await api()
            .post('/api/app-center/projects')
            .set(as(people.alice))
            .send(project('a1'))
        ).status,
      ).toBe(403);
      expect(
        (
          await api()
            .post('/api/app-center/projects')
            .set(as(people.bob))
            .send(project('a2', { tenant: 'data-team' }))
        ).status,
      ).toBe(403);
      expectNone(await names('/projects', people.admin), ['a1']);
    });

    it('checks references: the tenant, the Argo CD instance, the repository', async () => {
      const noTenant = await api()
        .post('/api/app-center/projects')
        .set(as(people.admin))
        .send(project('p1', { tenant: 'ghost' }));
      expect(noTenant.status).toBe(400);
      expect(noTenant.body.error.message).toBe('tenant "ghost" does not exist');

      const noInstance = await api()
        .post('/api/app-center/projects')
        .set(as(people.admin))
        .send(project('p2', { argocd: { instance: 'elsewhere' } }));
      expect(noInstance.status).toBe(400);
      expect(noInstance.body.error.message).toBe(
        'argocd.instance "elsewhere" is not configured; configured instances: main, edge',
      );

      const badRepo = await api()
        .post('/api/app-center/projects')
        .set(as(people.admin))
        .send(
          project('p3', {
            repo: {
              url: 'https://user:secret@git.example.com/x.git',
              dir: '../up',
            },
          }),
        );
      expect(badRepo.status).toBe(400);
      expect(badRepo.body.error.message).toMatch(
        /repo.url must not carry credentials/,
      );
      expect(badRepo.body.error.message).toMatch(
        /repo.dir "..\/up" must not contain ".."/,
      );

      // git's own folder and full refs are not repository settings.
      const repo = { url: 'https://git.example.com/org/gitops.git' };
      for (const [name, settings, message] of [
        [
          'p4',
          { ...repo, dir: '.git' },
          /repo.dir ".git" must not be or contain a .git folder/,
        ],
        [
          'p5',
          { ...repo, dir: '.git/hooks' },
          /must not be or contain a .git folder/,
        ],
        [
          'p6',
          { ...repo, branch: 'HEAD' },
          /repo.branch "HEAD" must be a branch's short name/,
        ],
        ['p7', { ...repo, branch: 'refs/heads/x' }, /not a full ref/],
        ['p8', { ...repo, branch: 'b'.repeat(300) }, /at most 255 are allowed/],
      ] as Array<[string, object, RegExp]>) {
        const res = await api()
          .post('/api/app-center/projects')
          .set(as(people.admin))
          .send(project(name, { repo: settings }));
        expect({ name, status: res.status }).toEqual({ name, status: 400 });
        expect(res.body.error.message).toMatch(message);
      }
      expectNone(await names('/projects', people.admin), [
        'p1',
        'p2',
        'p3',
        'p4',
        'p5',
        'p6',
        'p7',
        'p8',
      ]);
    });

    it('lists projects by tenant, only those the caller may see', async () => {
      expect(await names('/projects?tenant=shop-team', people.alice)).toContain(
        'shop',
      );
      expect(await names('/projects', people.carol)).toEqual([]);
      policy.current = (p, _u, ref) =>
        !(p === 'app-center.project.read' && ref === 'shop');
      expect(await names('/projects', people.alice)).not.toContain('shop');
    });

    it('refuses changes to config projects and to projects that still have environments', async () => {
      const put = await api()
        .put('/api/app-center/projects/shop')
        .set(as(people.admin))
        .send({ ...project('shop'), name: undefined });
      expect(put.status).toBe(409);
      const del = await api()
        .delete('/api/app-center/projects/shop')
        .set(as(people.admin));
      expect(del.status).toBe(409);
    });

    it('moves a project only between tenants the caller administers', async () => {
      await api()
        .post('/api/app-center/projects')
        .set(as(people.bob))
        .send(project('mover'))
        .expect(201);
      const move = await api()
        .put('/api/app-center/projects/mover')
        .set(as(people.bob))
        .send({
          ...project('mover', { tenant: 'data-team' }),
          name: undefined,
        });
      expect(move.status).toBe(403);
      const own = await api()
        .put('/api/app-center/projects/mover')
        .set(as(people.bob))
        .send({ ...project('mover', { title: 'Mover' }), name: undefined });
      expect(own.status).toBe(200);
      expect(own.body.title).toBe('Mover');
      expect(
        (
          await api()
            .delete('/api/app-center/projects/mover')
            .set(as(people.bob))
        ).status,
      ).toBe(204);
      expect(
        (await api().get('/api/app-center/projects/mover').set(as(people.bob)))
          .status,
      ).toBe(404);
    });
  });

  describe('environments', () => {
    const env = (name: string, extra: object = {}) => ({
      name,
      kind: 'test',
      destination: { name: 'in-cluster', namespace: `shop-${name}` },
      ...extra,
    });
    const base = '/api/app-center/projects/shop/environments';

    it('lists the configured environments to members, not to outsiders', async () => {
      const res = await api().get(base).set(as(people.alice));
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((e: any) => [e.name, e.kind, e.protected]),
      ).toEqual(
        expect.arrayContaining([
          ['dev', 'dev', false],
          ['prod', 'prod', true],
        ]),
      );
      expect(res.body.items.find((e: any) => e.name === 'prod')).toMatchObject({
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'shop-prod',
        },
        deployerGroups: ['group:default/shop-leads'],
        source: 'config',
      });
      expect((await api().get(base).set(as(people.carol))).status).toBe(403);
      expect((await api().get(base).set(as(people.mallory))).status).toBe(403);
    });

    it('lets tenant admins create, update and delete environments; members get 403', async () => {
      expect(
        (await api().post(base).set(as(people.alice)).send(env('qa'))).status,
      ).toBe(403);
      const created = await api()
        .post(base)
        .set(as(people.bob))
        .send(env('qa'));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'qa',
        project: 'shop',
        title: 'qa',
        protected: false,
      });
      expect(
        (await api().post(base).set(as(people.bob)).send(env('qa'))).status,
      ).toBe(409);

      const updated = await api()
        .put(`${base}/qa`)
        .set(as(people.bob))
        .send({
          ...env('qa', {
            protected: true,
            deployerGroups: ['group:default/shop-leads'],
          }),
          name: undefined,
        });
      expect(updated.status).toBe(200);
      expect(updated.body.protected).toBe(true);

      expect(
        (await api().delete(`${base}/qa`).set(as(people.alice))).status,
      ).toBe(403);
      expect(
        (await api().delete(`${base}/qa`).set(as(people.bob))).status,
      ).toBe(204);
      expect((await api().get(`${base}/qa`).set(as(people.bob))).status).toBe(
        404,
      );
    });

    it('validates the destination and the names, storing nothing on error', async () => {
      const both = await api()
        .post(base)
        .set(as(people.bob))
        .send(
          env('e1', {
            destination: { name: 'c', server: 'https://k', namespace: 'ns' },
          }),
        );
      expect(both.status).toBe(400);
      expect(both.body.error.message).toMatch(
        /exactly one of name .* or server/,
      );

      const badKind = await api()
        .post(base)
        .set(as(people.bob))
        .send(env('e2', { kind: 'staging' }));
      expect(badKind.status).toBe(400);
      expect(badKind.body.error.message).toMatch(
        /kind must be equal to one of the allowed values: dev, test, prod/,
      );

      const badNs = await api()
        .post(base)
        .set(as(people.bob))
        .send(env('E2', { destination: { name: 'c', namespace: 'Bad NS' } }));
      expect(badNs.status).toBe(400);
      expect(badNs.body.error.message).toMatch(
        /^the environment has 2 problems: name "E2" is not allowed/,
      );
      expect(badNs.body.error.message).toMatch(
        /destination.namespace "Bad NS" is not allowed/,
      );

      const badGroups = await api()
        .post(base)
        .set(as(people.bob))
        .send(env('e3', { deployerGroups: ['group:default/ghosts'] }));
      expect(badGroups.status).toBe(400);
      expectNone(await names('/projects/shop/environments', people.bob), [
        'e1',
        'e2',
        'E2',
        'e3',
      ]);
    });

    it('keeps config environments read-only', async () => {
      const res = await api().delete(`${base}/prod`).set(as(people.admin));
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(
        'environment "shop/prod" is managed in app-config (appCenter.tenants); change it there',
      );
    });

    it("lets the portal's policy narrow what App Center's rules allow", async () => {
      policy.current = (p, _u, ref) =>
        !(p === 'app-center.project.manage' && ref === 'shop');
      const res = await api()
        .post(base)
        .set(as(people.bob))
        .send(env('narrowed'));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /permission policy does not allow/,
      );
    });

    it('answers 404 for environments and projects that do not exist', async () => {
      expect((await api().get(`${base}/nope`).set(as(people.bob))).status).toBe(
        404,
      );
      expect(
        (
          await api()
            .get('/api/app-center/projects/nope/environments')
            .set(as(people.admin))
        ).status,
      ).toBe(404);
    });
  });
});
