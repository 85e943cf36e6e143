import { apiUnderTest, as } from '../__testUtils__/apiUnderTest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

describe.each(ids)('App Center API on %s', databaseId => {
  const backend = apiUnderTest(databases, databaseId);
  const { api } = backend;

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
