import {
  isEnvironmentKind,
  isInTenant,
  isProject,
  isProtectedEnvironment,
} from './rules';
import { createTargetLoader } from './loadTargets';
import type { DomainStore } from '../domain/DomainStore';

const project = { tenant: 'shop-team', project: 'shop' };
const prod = {
  ...project,
  environment: { name: 'prod', kind: 'prod' as const, protected: true },
};
const dev = {
  ...project,
  environment: { name: 'dev', kind: 'dev' as const, protected: false },
};

describe('App Center permission rules', () => {
  it('match tenants, projects, environment kinds and protection', () => {
    expect(isInTenant.apply(project, { tenants: ['shop-team'] })).toBe(true);
    expect(isInTenant.apply(project, { tenants: ['data-team'] })).toBe(false);
    expect(isProject.apply(dev, { projects: ['shop'] })).toBe(true);
    expect(isProject.apply(dev, { projects: ['shopping'] })).toBe(false);
    expect(isEnvironmentKind.apply(prod, { kinds: ['prod'] })).toBe(true);
    expect(isEnvironmentKind.apply(dev, { kinds: ['prod'] })).toBe(false);
    // a project-level target has no environment kind: a kind rule never matches it
    expect(
      isEnvironmentKind.apply(project, { kinds: ['dev', 'test', 'prod'] }),
    ).toBe(false);
    expect(isProtectedEnvironment.apply(prod, undefined)).toBe(true);
    expect(isProtectedEnvironment.apply(dev, undefined)).toBe(false);
  });

  it('load targets from resource refs, unknown refs as undefined', async () => {
    const store = {
      findProject: async (name: string) =>
        name === 'shop' ? { name: 'shop', tenant: 'shop-team' } : undefined,
      findEnvironment: async (_p: string, name: string) =>
        name === 'prod'
          ? { name: 'prod', kind: 'prod', protected: true }
          : undefined,
    } as unknown as DomainStore;
    const load = createTargetLoader(store);
    expect(
      await load(['shop', 'shop/prod', 'shop/nope', 'nope', 'shop/prod/extra']),
    ).toEqual([project, prod, undefined, undefined, undefined]);
  });
});
