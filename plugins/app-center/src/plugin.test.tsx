import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { AppCenterApi, appCenterApiRef } from './api';
import { capabilities } from './__testUtils__/fakeAppCenterApi';
import appCenterPlugin from './index';

function api(): Partial<AppCenterApi> {
  return {
    getAccess: async () => ({ portalAdmin: true, tenants: [] }),
    getPortalConfig: async () => ({ argocdInstances: [] }),
    listTenants: async () => [],
    listProjects: async () => [],
  };
}

describe('appCenterPlugin', () => {
  it('opens the projects sub-page from the page root, with the admin tab next to it', async () => {
    renderTestApp({
      features: [appCenterPlugin],
      initialRouteEntries: ['/app-center'],
      apis: [
        [appCenterApiRef, api()],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(
      await screen.findByText('No projects you can see'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Projects' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Admin' })).toBeInTheDocument();
  });

  it('routes an environment below the projects sub-page', async () => {
    renderTestApp({
      features: [appCenterPlugin],
      initialRouteEntries: ['/app-center/projects/shop/environments/dev'],
      apis: [
        [
          appCenterApiRef,
          {
            ...api(),
            getEnvironment: async () => ({
              name: 'dev',
              project: 'shop',
              title: 'Development',
              kind: 'dev' as const,
              destination: { name: 'in-cluster', namespace: 'shop-dev' },
              protected: false,
              deployerGroups: [],
              source: 'config' as const,
              createdAt: '2025-01-01T00:00:00Z',
              updatedAt: '2025-01-01T00:00:00Z',
            }),
            listEnvironmentApps: async () => ({
              platformApps: [],
              storeApps: [],
              capabilities: capabilities(),
            }),
          },
        ],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(
      await screen.findByText('No apps in shop/dev yet'),
    ).toBeInTheDocument();
  });

  it('renders the admin page at /app-center/admin', async () => {
    renderTestApp({
      features: [appCenterPlugin],
      initialRouteEntries: ['/app-center/admin'],
      apis: [
        [appCenterApiRef, api()],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(await screen.findByText('Tenants (0)')).toBeInTheDocument();
  });
});
