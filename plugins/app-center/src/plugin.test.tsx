import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { AppCenterApi, appCenterApiRef } from './api';
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
  it('serves the admin page under /app-center and opens it from the page root', async () => {
    renderTestApp({
      features: [appCenterPlugin],
      initialRouteEntries: ['/app-center'],
      apis: [
        [appCenterApiRef, api()],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(
      await screen.findByText('No tenants yet — create one'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Admin' })).toBeInTheDocument();
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
