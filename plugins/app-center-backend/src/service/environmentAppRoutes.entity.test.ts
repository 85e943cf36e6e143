import { as } from '../__testUtils__/apiUnderTest';
import { people } from '../__testUtils__/testBackend';
import {
  LIST,
  describeEnvironmentApps,
} from '../__testUtils__/environmentAppsUnderTest';

// A catalog entity's app in every environment of its project (the Deployments tab), and bad references.
describeEnvironmentApps('environment apps of an entity', t => {
  const { api, stack } = t;

  describe('entity apps', () => {
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
