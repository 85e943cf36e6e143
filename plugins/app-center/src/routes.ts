import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The App Center page (`/app-center`); its sub-pages hang below it. */
export const rootRouteRef = createRouteRef();

/** The admin sub-page (`/app-center/admin`): tenants, projects and environments. */
export const adminRouteRef = createRouteRef();

/** The projects sub-page (`/app-center/projects`): projects, their environments and apps below. */
export const projectsRouteRef = createRouteRef();

/** A project's environment: its platform and store apps. */
export const environmentRouteRef = createSubRouteRef({
  parent: projectsRouteRef,
  path: '/:project/environments/:env',
});

/** One app in one environment: actions, manifests and deploy history. */
export const environmentAppRouteRef = createSubRouteRef({
  parent: projectsRouteRef,
  path: '/:project/environments/:env/apps/:app',
});
