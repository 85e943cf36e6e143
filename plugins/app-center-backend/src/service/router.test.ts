import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import {
  defaultPolicy,
  people,
  PolicyStub,
  startAppCenterBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

/** Each of `absent` is missing from `list`: a refused write left nothing behind. */
const expectNone = (list: string[], absent: string[]) =>
  absent.forEach(name => expect(list).not.toContain(name));

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

describe.each(ids)('App Center API on %s', databaseId => {
  let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
  let events: Awaited<ReturnType<typeof startAppCenterBackend>>['events'];
  const policy: { current: PolicyStub } = { current: defaultPolicy };
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const started = await startAppCenterBackend({ knex, policy });
    server = started.server;
    events = started.events;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop());
  afterEach(() => {
    policy.current = defaultPolicy;
  });

  const api = () => request(server);
  const names = async (path: string, user: string) =>
    (await api().get(`/api/app-center${path}`).set(as(user))).body.items.map(
      (i: { name: string }) => i.name,
    );

  describe('tenants', () => {
    it('lists the configured tenants for a portal admin, marked as coming from config', async () => {
      const res = await api()
        .get('/api/app-center/tenants')
        .set(as(people.admin));
      expect(res.status).toBe(200);
      expect(res.body.items.map((t: any) => [t.name, t.source])).toEqual([
        ['data-team', 'config'],
        ['shop-team', 'config'],
      ]);
      expect(res.body.items[1]).toMatchObject({
        title: 'Shop team',
        groups: ['group:default/shop-devs'],
        adminGroups: ['group:default/shop-leads'],
      });
    });

    it('answers 401 without a token', async () => {
      const res = await api()
        .get('/api/app-center/tenants')
        .set({ Authorization: mockCredentials.none.header() });
      expect(res.status).toBe(401);
    });

    it('shows members only their own tenants', async () => {
      expect(await names('/tenants', people.alice)).toEqual(['shop-team']);
      expect(await names('/tenants', people.carol)).toEqual(['data-team']);
      expect(await names('/tenants', people.mallory)).toEqual([]);
    });

    it('refuses tenant creation to non-admins with 403 and stores nothing', async () => {
      const res = await api()
        .post('/api/app-center/tenants')
        .set(as(people.bob))
        .send({ name: 'sneaky', groups: ['group:default/shop-devs'] });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /only portal admins may create tenants/,
      );
      expect(await names('/tenants', people.admin)).not.toContain('sneaky');
    });

    it('answers a bad name with 400 saying what is allowed, and stores nothing', async () => {
      const res = await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .send({ name: 'Bad_Name', groups: [] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^name "Bad_Name" is not allowed: use lower-case letters, digits and "-"/,
      );
      expect(await names('/tenants', people.admin)).toEqual([
        'data-team',
        'shop-team',
      ]);
    });

    it('refuses groups that are not Groups in the catalog', async () => {
      const res = await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .send({
          name: 'ghosts',
          groups: ['group:default/nobody', 'user:default/alice'],
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/groups/);
      expect(await names('/tenants', people.admin)).not.toContain('ghosts');
    });

    it('refuses unknown fields rather than dropping them', async () => {
      const res = await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .send({ name: 'typo', grops: ['group:default/shop-devs'] });
      expect(res.status).toBe(400);
    });

    it('creates, reads, updates and deletes a portal tenant, audited', async () => {
      const created = await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .send({ name: 'mobile', title: 'Mobile', groups: ['shop-devs'] });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'mobile',
        title: 'Mobile',
        groups: ['group:default/shop-devs'],
        adminGroups: [],
        source: 'portal',
      });
      const dup = await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .send({ name: 'mobile' });
      expect(dup.status).toBe(409);

      const read = await api()
        .get('/api/app-center/tenants/mobile')
        .set(as(people.alice));
      expect(read.status).toBe(200);

      const updated = await api()
        .put('/api/app-center/tenants/mobile')
        .set(as(people.admin))
        .send({
          title: 'Mobile apps',
          groups: [],
          adminGroups: ['group:default/platform'],
        });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ title: 'Mobile apps', groups: [] });
      expect(
        (
          await api()
            .get('/api/app-center/tenants/mobile')
            .set(as(people.alice))
        ).status,
      ).toBe(403);

      expect(
        (
          await api()
            .delete('/api/app-center/tenants/mobile')
            .set(as(people.admin))
        ).status,
      ).toBe(204);
      expect(
        (
          await api()
            .get('/api/app-center/tenants/mobile')
            .set(as(people.admin))
        ).status,
      ).toBe(404);
      expect(
        events
          .filter(e => (e.meta as any)?.tenant === 'mobile')
          .map(e => [e.eventId, e.outcome]),
      ).toEqual([
        ['tenant-create', 'success'],
        ['tenant-create', 'fail'],
        ['tenant-update', 'success'],
        ['tenant-delete', 'success'],
      ]);
    });

    it('replaces a tenant only when the update names its groups, never dropping them silently', async () => {
      await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .send({
          name: 'kept',
          groups: ['group:default/shop-devs'],
          adminGroups: ['group:default/platform'],
        })
        .expect(201);
      const attempts: Array<[string, object | undefined]> = [
        ['no body', undefined],
        ['an empty body', {}],
        ['a title alone', { title: 'x' }],
        ['groups without adminGroups', { groups: [] }],
      ];
      for (const [what, body] of attempts) {
        const put = api()
          .put('/api/app-center/tenants/kept')
          .set(as(people.admin));
        const res = await (body === undefined ? put : put.send(body));
        expect([what, res.status]).toEqual([what, 400]);
        expect(res.body.error.message).toMatch(/groups|adminGroups|body/);
      }
      const read = await api()
        .get('/api/app-center/tenants/kept')
        .set(as(people.admin));
      expect(read.body).toMatchObject({
        title: 'kept',
        groups: ['group:default/shop-devs'],
        adminGroups: ['group:default/platform'],
      });
      const cleared = await api()
        .put('/api/app-center/tenants/kept')
        .set(as(people.admin))
        .send({ title: 'Kept', groups: [], adminGroups: [] });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({
        title: 'Kept',
        groups: [],
        adminGroups: [],
      });
    });

    it('answers a body over the limit with 413 and a method the route lacks with 405, changing nothing', async () => {
      const big = await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .set('Content-Type', 'application/json')
        .send(
          JSON.stringify({ name: 'huge', title: 'x'.repeat(5 * 1024 * 1024) }),
        );
      expect(big.status).toBe(413);
      expect(big.body.error.message).toMatch(/larger than/);
      const patch = await api()
        .patch('/api/app-center/tenants/shop-team')
        .set(as(people.admin))
        .send({ groups: [], adminGroups: [] });
      expect(patch.status).toBe(405);
      expect(patch.headers.allow).toBe('GET, PUT, DELETE, HEAD');
      const remove = await api()
        .delete('/api/app-center/tasks')
        .set(as(people.admin));
      expect(remove.status).toBe(405);
      expect(remove.headers.allow).toBe('GET, POST, HEAD');
      expect(
        (
          await api()
            .post('/api/app-center/no-such-route')
            .set(as(people.admin))
        ).status,
      ).toBe(404);
      expect(await names('/tenants', people.admin)).not.toContain('huge');
      const read = await api()
        .get('/api/app-center/tenants/shop-team')
        .set(as(people.admin));
      expect(read.body.groups).toEqual(['group:default/shop-devs']);
    });

    it('keeps config tenants read-only and tenants with projects undeletable', async () => {
      const put = await api()
        .put('/api/app-center/tenants/shop-team')
        .set(as(people.admin))
        .send({ title: 'Shop', groups: [], adminGroups: [] });
      expect(put.status).toBe(409);
      expect(put.body.error.message).toMatch(/managed in app-config/);

      await api()
        .post('/api/app-center/tenants')
        .set(as(people.admin))
        .send({ name: 'busy', adminGroups: ['group:default/platform'] })
        .expect(201);
      await api()
        .post('/api/app-center/projects')
        .set(as(people.admin))
        .send({
          name: 'busy-app',
          tenant: 'busy',
          repo: { url: 'https://git.example.com/busy.git' },
          argocd: { instance: 'main' },
        })
        .expect(201);
      const del = await api()
        .delete('/api/app-center/tenants/busy')
        .set(as(people.admin));
      expect(del.status).toBe(409);
      expect(del.body.error.message).toMatch(/still has projects: busy-app/);
    });

    it('answers 404 for a tenant that does not exist', async () => {
      const res = await api()
        .get('/api/app-center/tenants/nope')
        .set(as(people.admin));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('tenant "nope" does not exist');
    });
  });

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

  describe('permission matrix', () => {
    // Writes use names that exist already, so a caller who passes the access rules gets 409, never a change.
    const shopProject = {
      tenant: 'shop-team',
      repo: { url: 'https://git.example.com/org/gitops.git' },
      argocd: { instance: 'main' },
    };
    const devEnv = {
      kind: 'dev',
      destination: { name: 'in-cluster', namespace: 'shop-dev' },
    };
    const routes: Array<[string, string, string, object | undefined]> = [
      ['list environments', 'get', '/projects/shop/environments', undefined],
      ['read tenant', 'get', '/tenants/shop-team', undefined],
      ['read project', 'get', '/projects/shop', undefined],
      [
        'read environment',
        'get',
        '/projects/shop/environments/prod',
        undefined,
      ],
      ['create tenant', 'post', '/tenants', { name: 'shop-team' }],
      [
        'update tenant',
        'put',
        '/tenants/shop-team',
        { groups: [], adminGroups: [] },
      ],
      ['delete tenant', 'delete', '/tenants/shop-team', undefined],
      ['create project', 'post', '/projects', { name: 'shop', ...shopProject }],
      ['update project', 'put', '/projects/shop', shopProject],
      ['delete project', 'delete', '/projects/shop', undefined],
      [
        'create environment',
        'post',
        '/projects/shop/environments',
        { name: 'dev', ...devEnv },
      ],
      ['update environment', 'put', '/projects/shop/environments/dev', devEnv],
      [
        'delete environment',
        'delete',
        '/projects/shop/environments/dev',
        undefined,
      ],
    ];
    // admin = portal admin, bob = tenant admin, alice = tenant member, carol = other tenant, mallory = nobody
    const expected: Record<string, [number, number, number, number, number]> = {
      'list environments': [200, 200, 200, 403, 403],
      'read tenant': [200, 200, 200, 403, 403],
      'read project': [200, 200, 200, 403, 403],
      'read environment': [200, 200, 200, 403, 403],
      'create tenant': [409, 403, 403, 403, 403],
      'update tenant': [409, 403, 403, 403, 403],
      'delete tenant': [409, 403, 403, 403, 403],
      'create project': [409, 409, 403, 403, 403],
      'update project': [409, 409, 403, 403, 403],
      'delete project': [409, 409, 403, 403, 403],
      'create environment': [409, 409, 403, 403, 403],
      'update environment': [409, 409, 403, 403, 403],
      'delete environment': [409, 409, 403, 403, 403],
    };
    const roles = [
      people.admin,
      people.bob,
      people.alice,
      people.carol,
      people.mallory,
    ];

    it.each(routes)('%s', async (what, method, path, body) => {
      const statuses: number[] = [];
      for (const user of roles) {
        let req = (api() as any)
          [method](`/api/app-center${path}`)
          .set(as(user));
        if (body) req = req.send(body);
        statuses.push((await req).status);
      }
      expect(statuses).toEqual(expected[what]);
    });
  });

  describe('access and config', () => {
    it('tells the caller their roles', async () => {
      const res = await api().get('/api/app-center/access').set(as(people.bob));
      expect(res.body).toEqual({
        portalAdmin: false,
        tenants: [{ tenant: 'shop-team', admin: true }],
      });
      const admin = await api()
        .get('/api/app-center/access')
        .set(as(people.admin));
      expect(admin.body.portalAdmin).toBe(true);
    });

    it('names the configured Argo CD instances', async () => {
      const res = await api()
        .get('/api/app-center/config')
        .set(as(people.alice));
      expect(res.body).toEqual({ argocdInstances: ['main', 'edge'] });
    });
  });
});
