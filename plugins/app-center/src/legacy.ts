/**
 * App Center for apps on the legacy frontend system (`createApp` from `@backstage/app-defaults`):
 * register `appCenterPlugin`, route `<AppCenterAdminPage />` at `/app-center/admin` and
 * `<AppCenterProjectsPage />` at `/app-center/projects`, and add `<EntityAppCenterDeploymentsContent />`
 * to the Component entity page.
 *
 * @packageDocumentation
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AppCenterClient, appCenterApiRef } from './api';

/** Where the legacy app routes the admin page. @public */
export const legacyAdminRouteRef = createRouteRef({ id: 'app-center:admin' });

/** Where the legacy app routes the projects, environment and environment app pages. @public */
export const legacyProjectsRouteRef = createRouteRef({
  id: 'app-center:projects',
});

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
    projects: legacyProjectsRouteRef,
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

/**
 * Projects, each environment's apps and each environment app, with their own header; route it at
 * `/app-center/projects` (the Deployments tab links below it). @public
 */
export const AppCenterProjectsPage = appCenterPlugin.provide(
  createRoutableExtension({
    name: 'AppCenterProjectsPage',
    component: () =>
      import('./components/EnvironmentPage').then(
        m => m.StandaloneProjectsPage,
      ),
    mountPoint: legacyProjectsRouteRef,
  }),
);

/** The Deployments tab content for Components annotated `app-center.io/app`. @public */
export const EntityAppCenterDeploymentsContent = appCenterPlugin.provide(
  createComponentExtension({
    name: 'EntityAppCenterDeploymentsContent',
    component: {
      lazy: () =>
        import('./components/DeploymentsTab').then(m => m.DeploymentsTab),
    },
  }),
);

/** The Environments tab content for Systems annotated `app-center.io/project`. @public */
export const EntityAppCenterEnvironmentsContent = appCenterPlugin.provide(
  createComponentExtension({
    name: 'EntityAppCenterEnvironmentsContent',
    component: {
      lazy: () =>
        import('./components/EnvironmentPage').then(
          m => m.SystemAppCenterContent,
        ),
    },
  }),
);

export { appCenterApiRef, AppCenterClient } from './api';
export type { AppCenterApi, PortalConfig } from './api';
