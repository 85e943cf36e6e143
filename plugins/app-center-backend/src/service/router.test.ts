import { apiUnderTest, ApiUnderTest, as } from '../__testUtils__/apiUnderTest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

describe.each(ids)('App Center API on %s', databaseId => {
  const backend = apiUnderTest(databases, databaseId);
  const { api, names } = backend;
  let events: ApiUnderTest['events'];
  beforeAll(() => {
    events = backend.events;
  });

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
