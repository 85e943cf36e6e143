import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import AppsIcon from '@material-ui/icons/Apps';
import { AppCenterClient, appCenterApiRef } from './api';
import { adminRouteRef, projectsRouteRef, rootRouteRef } from './routes';

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

/**
 * `/app-center/projects`: the projects the user can see; below it each environment's page
 * (`projects/:project/environments/:env`) and each environment app's page (`.../apps/:app`).
 */
export const appCenterProjectsPage = SubPageBlueprint.make({
  name: 'projects',
  params: {
    path: 'projects',
    title: 'Projects',
    routeRef: projectsRouteRef,
    loader: () =>
      import('./components/EnvironmentPage').then(m => <m.ProjectsPage />),
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

/** The Template tab of Components that name their app (`app-center.io/app: <project>/<app>`). */
export const appCenterTemplateEntityContent = EntityContentBlueprint.make({
  name: 'template',
  params: {
    path: '/app-center-template',
    title: 'Template',
    filter: {
      kind: 'component',
      'metadata.annotations.app-center.io/app': { $exists: true },
    },
    loader: () =>
      import('./components/TemplateTab').then(m => <m.TemplateTab />),
  },
});

/** The Templates tab of Systems that carry a project (`app-center.io/project: <project>`). */
export const appCenterProjectTemplatesEntityContent =
  EntityContentBlueprint.make({
    name: 'project-templates',
    params: {
      path: '/app-center-templates',
      title: 'Templates',
      filter: {
        kind: 'system',
        'metadata.annotations.app-center.io/project': { $exists: true },
      },
      loader: () =>
        import('./components/TemplateTab').then(m => <m.ProjectTemplatesTab />),
    },
  });

/** The Deployments tab of Components that name their app: the app in each environment of its project. */
export const appCenterDeploymentsEntityContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/app-center-deployments',
    title: 'Deployments',
    filter: {
      kind: 'component',
      'metadata.annotations.app-center.io/app': { $exists: true },
    },
    loader: () =>
      import('./components/DeploymentsTab').then(m => <m.DeploymentsTab />),
  },
});

/** The Environments tab of Systems that carry a project: links to each environment's page. */
export const appCenterProjectEnvironmentsEntityContent =
  EntityContentBlueprint.make({
    name: 'project-environments',
    params: {
      path: '/app-center-environments',
      title: 'Environments',
      filter: {
        kind: 'system',
        'metadata.annotations.app-center.io/project': { $exists: true },
      },
      loader: () =>
        import('./components/EnvironmentPage').then(m => (
          <m.SystemAppCenterContent />
        )),
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
    projects: projectsRouteRef,
    admin: adminRouteRef,
  },
  extensions: [
    appCenterApi,
    appCenterPage,
    appCenterProjectsPage,
    appCenterAdminPage,
    appCenterDeploymentsEntityContent,
    appCenterProjectEnvironmentsEntityContent,
    appCenterTemplateEntityContent,
    appCenterProjectTemplatesEntityContent,
  ],
});
