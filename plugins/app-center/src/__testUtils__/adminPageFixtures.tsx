import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type {
  Environment,
  Project,
  Tenant,
} from '@internal/plugin-app-center-common';
import { AppCenterApi, appCenterApiRef } from '../api';
import { AdminPage } from '../components/AdminPage/AdminPage';

export const stamp = {
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

export const shopTeam: Tenant = {
  name: 'shop-team',
  title: 'Shop team',
  groups: ['group:default/shop-devs'],
  adminGroups: ['group:default/shop-leads'],
  source: 'config',
  ...stamp,
};
export const webTeam: Tenant = {
  name: 'web-team',
  title: 'Web team',
  groups: ['group:default/web-devs'],
  adminGroups: [],
  source: 'portal',
  ...stamp,
};
export const shop: Project = {
  name: 'shop',
  tenant: 'shop-team',
  title: 'Shop',
  description: '',
  repo: {
    url: 'https://git.example.com/shop/deploy.git',
    branch: 'main',
    dir: 'apps',
  },
  argocd: { instance: 'main', project: 'default' },
  allowClusterScoped: false,
  source: 'config',
  ...stamp,
};
export const dev: Environment = {
  name: 'dev',
  project: 'shop',
  title: 'Development',
  kind: 'dev',
  destination: { name: 'in-cluster', namespace: 'shop-dev' },
  protected: false,
  deployerGroups: [],
  source: 'config',
  ...stamp,
};
export const staging: Environment = {
  ...dev,
  name: 'staging',
  title: 'Staging',
  kind: 'test',
  destination: {
    server: 'https://kubernetes.default.svc',
    namespace: 'shop-staging',
  },
  protected: true,
  deployerGroups: ['group:default/shop-leads'],
  source: 'portal',
};

export const groups = ['shop-devs', 'shop-leads', 'web-devs'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
}));

export async function serverError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: status === 400 ? 'InputError' : 'ConflictError',
          message,
        },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

export function mockApi(
  overrides: Partial<AppCenterApi> = {},
): jest.Mocked<AppCenterApi> {
  return {
    getAccess: jest.fn(async () => ({ portalAdmin: true, tenants: [] })),
    getPortalConfig: jest.fn(async () => ({ argocdInstances: ['main'] })),
    listTenants: jest.fn(async () => [shopTeam, webTeam]),
    getTenant: jest.fn(),
    createTenant: jest.fn(async input => ({
      ...webTeam,
      ...input,
      source: 'portal' as const,
    })),
    updateTenant: jest.fn(),
    deleteTenant: jest.fn(async () => undefined),
    listProjects: jest.fn(async () => [shop]),
    getProject: jest.fn(),
    createProject: jest.fn(),
    updateProject: jest.fn(),
    deleteProject: jest.fn(),
    listEnvironments: jest.fn(async () => [dev, staging]),
    getEnvironment: jest.fn(),
    createEnvironment: jest.fn(async (_p, input) => ({
      ...dev,
      ...input,
      title: input.title ?? input.name,
      protected: !!input.protected,
      deployerGroups: input.deployerGroups ?? [],
      source: 'portal' as const,
    })),
    updateEnvironment: jest.fn(),
    deleteEnvironment: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<AppCenterApi>;
}

export function render(api: AppCenterApi) {
  return renderInTestApp(<AdminPage />, {
    apis: [
      [appCenterApiRef, api],
      [catalogApiRef, catalogApiMock({ entities: groups as any })],
    ],
  });
}

/** The helper text MUI renders under the field with this id. */
export function helperOf(id: string) {
  return document.getElementById(`${id}-helper-text`);
}
