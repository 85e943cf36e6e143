import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  Environment,
  Project,
  Tenant,
} from '@internal/plugin-app-center-common';
import { AccessResolver, AccessStore } from './AccessResolver';
import type { Caller } from './Caller';

const tenant: Tenant = {
  name: 'shop-team',
  title: 'Shop',
  groups: ['group:default/shop-devs'],
  adminGroups: ['group:default/shop-leads'],
  source: 'config',
} as Tenant;
const project = { name: 'shop', tenant: 'shop-team' } as Project;
const env = (name: string, deployerGroups?: string[]): Environment =>
  ({
    name,
    project: 'shop',
    kind: deployerGroups ? 'prod' : 'dev',
    protected: !!deployerGroups,
    deployerGroups: deployerGroups ?? [],
    destination: { name: 'in-cluster', namespace: `shop-${name}` },
  } as Environment);
const dev = env('dev');
const prod = env('prod', ['group:default/shop-releasers']);

const store: AccessStore = {
  getProject: async name => {
    if (name !== 'shop')
      throw Object.assign(new Error('no'), { name: 'NotFoundError' });
    return project;
  },
  getTenant: async () => tenant,
  findTenant: async name => (name === tenant.name ? tenant : undefined),
  getEnvironment: async (_p, name) => (name === 'prod' ? prod : dev),
};

const caller = (
  user: string,
  groups: string[],
  portalAdmin = false,
): Caller => ({
  credentials: mockCredentials.user(`user:default/${user}`),
  userEntityRef: `user:default/${user}`,
  ownershipRefs: [`user:default/${user}`, ...groups],
  portalAdmin,
});
const member = () => caller('alice', ['group:default/shop-devs']);
const admin = () => caller('bob', ['group:default/shop-leads']);
const releaser = () =>
  caller('rel', ['group:default/shop-devs', 'group:default/Shop-Releasers']);
const outsider = () => caller('mallory', ['group:default/data-devs']);
const portalAdmin = () => caller('root', [], true);

/** A resolver whose portal policy denies what `deny` names (`<permission> <ref>`), counting its calls. */
function resolver(deny: string[] = []) {
  const asked: string[][] = [];
  const permissions = mockServices.permissions.mock({
    authorize: async requests => {
      const keys = requests.map(
        r =>
          `${r.permission.name} ${(r as { resourceRef?: string }).resourceRef}`,
      );
      asked.push(keys);
      return keys.map(k => ({
        result: deny.includes(k) ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }));
    },
  });
  return { access: new AccessResolver({ store, permissions }), asked };
}

const allowedOf = (c: Record<string, { allowed: boolean }>) =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.allowed]));

describe('AccessResolver', () => {
  describe("App Center's rules (the portal allows everything)", () => {
    it.each([
      ['a member', 'dev', member, dev, [true, false, true, true, false]],
      ['a member', 'prod', member, prod, [true, false, false, false, false]],
      [
        'a deployer of prod (groups match in any case)',
        'prod',
        releaser,
        prod,
        [true, false, true, true, false],
      ],
      ['a tenant admin', 'prod', admin, prod, [true, true, true, true, true]],
      [
        'a portal admin',
        'prod',
        portalAdmin,
        prod,
        [true, true, true, true, true],
      ],
      [
        'an outsider',
        'dev',
        outsider,
        dev,
        [false, false, false, false, false],
      ],
    ])('%s on %s', async (_who, _env, who, environment, expected) => {
      const { access } = resolver();
      const capabilities = await access.capabilities(who(), {
        tenant,
        project,
        environment,
      });
      expect(allowedOf(capabilities)).toEqual({
        read: expected[0],
        editTemplates: expected[1],
        editEnvironmentApp: expected[2],
        deploy: expected[3],
        manage: expected[4],
      });
    });

    it('says why a protected environment is refused, naming its deployers', async () => {
      const { access } = resolver();
      const { deploy, editEnvironmentApp, editTemplates } =
        await access.capabilities(member(), {
          tenant,
          project,
          environment: prod,
        });
      expect(deploy).toEqual({
        allowed: false,
        reason:
          'prod is protected: deployers are group:default/shop-releasers and the admins of tenant "shop-team"',
      });
      expect(editEnvironmentApp).toEqual(deploy);
      expect(editTemplates.reason).toBe(
        'only admins of tenant "shop-team" may edit the templates of project "shop" (admin groups: group:default/shop-leads)',
      );
    });

    it('gives an outsider the same reason for everything, naming the member groups', async () => {
      const { access, asked } = resolver();
      const capabilities = await access.capabilities(outsider(), {
        tenant,
        project,
        environment: dev,
      });
      const reason =
        'not a member of tenant "shop-team" (member groups: group:default/shop-devs, group:default/shop-leads)';
      for (const c of Object.values(capabilities))
        expect(c).toEqual({ allowed: false, reason });
      // Nothing App Center refuses is asked of the portal.
      expect(asked).toEqual([]);
    });

    it('refuses deploying without an environment', async () => {
      const { access } = resolver();
      const { deploy } = await access.capabilities(admin(), {
        tenant,
        project,
      });
      expect(deploy).toEqual({
        allowed: false,
        reason: 'name an environment of project "shop"',
      });
    });
  });

  describe("the portal's policy narrows them", () => {
    it('denies deploy where the policy denies app-center.environment.deploy, with that reason', async () => {
      const { access } = resolver(['app-center.environment.deploy shop/dev']);
      const capabilities = await access.capabilities(admin(), {
        tenant,
        project,
        environment: dev,
      });
      const reason =
        "the portal's permission policy does not allow it (app-center.environment.deploy on shop/dev)";
      expect(capabilities.deploy).toEqual({ allowed: false, reason });
      expect(capabilities.editEnvironmentApp).toEqual({
        allowed: false,
        reason,
      });
      expect(allowedOf(capabilities)).toMatchObject({
        read: true,
        editTemplates: true,
        manage: true,
      });
    });

    it('denies templates and management where the policy denies app-center.project.manage', async () => {
      const { access } = resolver(['app-center.project.manage shop']);
      const capabilities = await access.capabilities(portalAdmin(), {
        tenant,
        project,
        environment: prod,
      });
      expect(allowedOf(capabilities)).toEqual({
        read: true,
        editTemplates: false,
        editEnvironmentApp: true,
        deploy: true,
        manage: false,
      });
      expect(capabilities.manage.reason).toMatch(
        /app-center\.project\.manage on shop/,
      );
    });

    it('denies everything on a project the policy does not let the caller read', async () => {
      const { access } = resolver(['app-center.project.read shop']);
      const capabilities = await access.capabilities(admin(), {
        tenant,
        project,
        environment: dev,
      });
      expect(allowedOf(capabilities)).toEqual({
        read: false,
        editTemplates: false,
        editEnvironmentApp: false,
        deploy: false,
        manage: false,
      });
      expect(capabilities.deploy.reason).toMatch(
        /app-center\.project\.read on shop/,
      );
    });

    it('cannot widen what App Center refuses', async () => {
      const { access } = resolver();
      const capabilities = await access.capabilities(member(), {
        tenant,
        project,
        environment: prod,
      });
      expect(capabilities.deploy.allowed).toBe(false);
    });

    it('asks the portal once for many targets, and not again for the same caller', async () => {
      const { access, asked } = resolver();
      const who = member();
      const targets = [dev, prod].map(environment => ({
        tenant,
        project,
        environment,
      }));
      await access.capabilitiesOf(who, targets);
      await access.capabilitiesOf(who, targets);
      expect(asked).toEqual([
        [
          'app-center.project.read shop',
          'app-center.environment.deploy shop/dev',
        ],
      ]);
    });
  });

  describe('require', () => {
    it('refuses with 403 naming the caller, the action and the reason', async () => {
      const { access } = resolver();
      await expect(
        access.requireOn(member(), 'deploy', 'shop', 'prod'),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message:
          'user:default/alice may not deploy to shop/prod: prod is protected: deployers are group:default/shop-releasers and the admins of tenant "shop-team"',
      });
      await expect(
        access.requireOn(releaser(), 'deploy', 'shop', 'prod'),
      ).resolves.toMatchObject({ environment: prod });
    });

    it('refuses an outsider before looking up the environment', async () => {
      const { access } = resolver();
      const lookups: string[] = [];
      const watched = new AccessResolver({
        store: {
          ...store,
          getEnvironment: async (p, name) => {
            lookups.push(name);
            return store.getEnvironment(p, name);
          },
        },
        permissions: mockServices.permissions.mock(),
      });
      await expect(
        watched.requireOn(outsider(), 'read', 'shop', 'nope'),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(lookups).toEqual([]);
      await expect(
        access.requireOn(outsider(), 'read', 'shop'),
      ).rejects.toThrow(/may not read project "shop": not a member/);
    });
  });
});
