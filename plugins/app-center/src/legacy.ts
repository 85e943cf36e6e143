/**
 * App Center for apps on the legacy frontend system (`createApp` from `@backstage/app-defaults`):
 * register `appCenterPlugin` and route `<AppCenterAdminPage />` at `/app-center/admin`.
 *
 * @packageDocumentation
 */
import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AppCenterClient, appCenterApiRef } from './api';

/** Where the legacy app routes the admin page. @public */
export const legacyAdminRouteRef = createRouteRef({ id: 'app-center:admin' });

/** The App Center plugin for the legacy frontend system. @public */
export const appCenterPlugin = createPlugin({
  id: 'app-center',
  apis: [
    createApiFactory({
      api: appCenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        AppCenterClient.create({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    admin: legacyAdminRouteRef,
  },
});

/** The admin page (tenants, projects, environments) with its own header. @public */
export const AppCenterAdminPage = appCenterPlugin.provide(
  createRoutableExtension({
    name: 'AppCenterAdminPage',
    component: () =>
      import('./components/AdminPage').then(m => m.StandaloneAdminPage),
    mountPoint: legacyAdminRouteRef,
  }),
);

export { appCenterApiRef, AppCenterClient } from './api';
export type { AppCenterApi, PortalConfig } from './api';
