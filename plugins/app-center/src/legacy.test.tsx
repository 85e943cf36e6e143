import { screen } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AppCenterApi, appCenterApiRef } from './api';
import { StandaloneAdminPage } from './components/AdminPage';
import {
  AppCenterAdminPage,
  appCenterPlugin,
  legacyAdminRouteRef,
} from './legacy';

describe('legacy exports', () => {
  it('registers the API factory on the legacy plugin', () => {
    expect(appCenterPlugin.getId()).toBe('app-center');
    const apiIds = [...appCenterPlugin.getApis()].map(f => f.api.id);
    expect(apiIds).toEqual([appCenterApiRef.id]);
    expect(appCenterPlugin.routes.admin).toBe(legacyAdminRouteRef);
    expect(AppCenterAdminPage).toBeDefined();
  });

  it('renders the page the extension loads, with its own header, in a legacy app', async () => {
    const api: Partial<AppCenterApi> = {
      getAccess: async () => ({ portalAdmin: false, tenants: [] }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [appCenterApiRef, api],
          [catalogApiRef, catalogApiMock.mock()],
        ]}
      >
        <StandaloneAdminPage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('App Center')).toBeInTheDocument();
    expect(
      await screen.findByText('The App Center admin page is for portal admins'),
    ).toBeInTheDocument();
  });
});
