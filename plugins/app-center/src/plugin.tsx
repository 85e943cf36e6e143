import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import AppsIcon from '@material-ui/icons/Apps';
import { AppCenterClient, appCenterApiRef } from './api';
import { adminRouteRef, rootRouteRef } from './routes';

/** The App Center backend client. */
export const appCenterApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: appCenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        AppCenterClient.create({ discoveryApi, fetchApi }),
    }),
});

/** The App Center page at `/app-center`, listed in the nav; its content is its sub-pages. */
export const appCenterPage = PageBlueprint.make({
  params: {
    path: '/app-center',
    title: 'App Center',
    icon: <AppsIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
  },
});

/** `/app-center/admin`: tenants, projects and environments, for portal admins. */
export const appCenterAdminPage = SubPageBlueprint.make({
  name: 'admin',
  params: {
    path: 'admin',
    title: 'Admin',
    routeRef: adminRouteRef,
    loader: () => import('./components/AdminPage').then(m => <m.AdminPage />),
  },
});

/**
 * App Center for the new frontend system: GitOps delivery of catalog services to Kubernetes.
 * @public
 */
export const appCenterPlugin = createFrontendPlugin({
  pluginId: 'app-center',
  title: 'App Center',
  icon: <AppsIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    admin: adminRouteRef,
  },
  extensions: [appCenterApi, appCenterPage, appCenterAdminPage],
});
