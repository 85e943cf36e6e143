import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { applyDatabaseMigrations } from '../database/migrations';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseDomainStore } from './DatabaseDomainStore';
import { applyConfigTenancy, readConfigTenancy } from './loadConfigTenants';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

const tenancy = (tenants: object[]) =>
  readConfigTenancy(new ConfigReader({ appCenter: { tenants } } as any), [
    'main',
  ]);

const shop = (envs: unknown[]) => ({
  name: 'shop-team',
  groups: ['shop-devs'],
  projects: [
    {
      name: 'shop',
      repo: { url: 'https://git.example.com/gitops.git' },
      argocd: { instance: 'main' },
      environments: envs,
    },
  ],
});
const dev = {
  name: 'dev',
  kind: 'dev',
  destination: { name: 'in-cluster', namespace: 'shop-dev' },
};
const prod = {
  name: 'prod',
  kind: 'prod',
  destination: { name: 'in-cluster', namespace: 'shop-prod' },
  protected: true,
};

describe('readConfigTenancy', () => {
  it('names the config path of a bad entry', () => {
    expect(() =>
      tenancy([
        {
          name: 'ok',
          projects: [
            {
              name: 'p',
              repo: { url: 'https://g/x.git' },
              argocd: { instance: 'nope' },
            },
          ],
        },
      ]),
    ).toThrow(
      'appCenter.tenants[0].projects[0]: argocd.instance "nope" is not configured; configured instances: main',
    );
    expect(() => tenancy([shop([dev, { ...dev, kind: 'qa' }])])).toThrow(
      /^appCenter.tenants\[0\].projects\[0\].environments\[1\]: kind must be one of dev, test, prod/,
    );
  });

  it('refuses a project listed under two tenants', () => {
    const twice = shop([]);
    expect(() => tenancy([twice, { ...twice, name: 'other' }])).toThrow(
      /appCenter.tenants\[1\].projects\[0\]: project "shop" is already listed at appCenter.tenants\[0\].projects\[0\]/,
    );
  });
});

describe.each(ids)('applyConfigTenancy on %s', databaseId => {
  it('is idempotent, follows config changes and keeps what the portal added', async () => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    const store = new DatabaseDomainStore(knex);
    const logger = mockServices.logger.mock();

    await applyConfigTenancy(store, tenancy([shop([dev, prod])]), logger);
    const first = await store.listEnvironments('shop');
    await applyConfigTenancy(store, tenancy([shop([dev, prod])]), logger);
    expect(await store.listEnvironments('shop')).toEqual(first);
    expect((await store.getTenant('shop-team')).groups).toEqual([
      'group:default/shop-devs',
    ]);
    expect(first.map(e => [e.name, e.source, e.protected])).toEqual([
      ['dev', 'config', false],
      ['prod', 'config', true],
    ]);

    // an environment made in the portal under a config project survives config changes
    await store.insertEnvironment({
      ...first[0],
      name: 'qa',
      title: 'QA',
      source: 'portal',
    });
    // prod leaves the config: removed; dev changes: updated
    await applyConfigTenancy(
      store,
      tenancy([shop([{ ...dev, title: 'Development' }])]),
      logger,
    );
    expect(
      (await store.listEnvironments('shop')).map(e => [e.name, e.title]),
    ).toEqual([
      ['dev', 'Development'],
      ['qa', 'QA'],
    ]);

    // the whole tenant leaves the config: the project keeps its portal environment, so it is handed over
    await applyConfigTenancy(store, tenancy([]), logger);
    expect((await store.getProject('shop')).source).toBe('portal');
    expect((await store.getTenant('shop-team')).source).toBe('portal');
    expect((await store.listEnvironments('shop')).map(e => e.name)).toEqual([
      'qa',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/project "shop" left app-config/),
    );
  });

  it('takes over a portal tenant of the same name', async () => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    const store = new DatabaseDomainStore(knex);
    await store.insertTenant({
      name: 'shop-team',
      title: 'old',
      groups: [],
      adminGroups: [],
      source: 'portal',
    });
    await applyConfigTenancy(
      store,
      tenancy([shop([])]),
      mockServices.logger.mock(),
    );
    expect(await store.getTenant('shop-team')).toMatchObject({
      source: 'config',
      title: 'shop-team',
      groups: ['group:default/shop-devs'],
    });
  });
});
