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

/** Components that name their app (`app-center.io/app: <project>/<app>`). */
const COMPONENTS_WITH_APP = {
  kind: 'component',
  'metadata.annotations.app-center.io/app': { $exists: true },
};

/** Systems that carry a project (`app-center.io/project: <project>`). */
const SYSTEMS_WITH_PROJECT = {
  kind: 'system',
  'metadata.annotations.app-center.io/project': { $exists: true },
};

/** A tab on the catalog pages of the entities `filter` picks. */
function entityTab(
  name: string,
  tab: {
    path: string;
    title: string;
    filter: typeof COMPONENTS_WITH_APP | typeof SYSTEMS_WITH_PROJECT;
  },
  loader: () => Promise<JSX.Element>,
) {
  return EntityContentBlueprint.make({ name, params: { ...tab, loader } });
}

/** The Template tab of a Component: its app's template, with drift against each environment. */
export const appCenterTemplateEntityContent = entityTab(
  'template',
  {
    path: '/app-center-template',
    title: 'Template',
    filter: COMPONENTS_WITH_APP,
  },
  () => import('./components/TemplateTab').then(m => <m.TemplateTab />),
);

/** The Templates tab of a System: the templates of its project. */
export const appCenterProjectTemplatesEntityContent = entityTab(
  'project-templates',
  {
    path: '/app-center-templates',
    title: 'Templates',
    filter: SYSTEMS_WITH_PROJECT,
  },
  () => import('./components/TemplateTab').then(m => <m.ProjectTemplatesTab />),
);

/** The Deployments tab of a Component: the app in each environment of its project. */
export const appCenterDeploymentsEntityContent = entityTab(
  'deployments',
  {
    path: '/app-center-deployments',
    title: 'Deployments',
    filter: COMPONENTS_WITH_APP,
  },
  () => import('./components/DeploymentsTab').then(m => <m.DeploymentsTab />),
);

/** The Environments tab of a System: links to each environment's page of its project. */
export const appCenterProjectEnvironmentsEntityContent = entityTab(
  'project-environments',
  {
    path: '/app-center-environments',
    title: 'Environments',
    filter: SYSTEMS_WITH_PROJECT,
  },
  () =>
    import('./components/EnvironmentPage').then(m => (
      <m.SystemAppCenterContent />
    )),
);

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
