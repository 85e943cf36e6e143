import {
  createPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The resource type of App Center's conditional permissions. A resource ref is `<project>` for project-level
 * actions and `<project>/<environment>` for environment-level ones, so a portal's policy can narrow access by
 * tenant, project, environment kind or protection (see the rules registered by the backend).
 * @public
 */
export const APP_CENTER_RESOURCE_TYPE = 'app-center-target';

/** Portal admins: manage tenants, projects and environments of every tenant. @public */
export const appCenterAdminPermission = createPermission({
  name: 'app-center.admin',
  attributes: { action: 'update' },
});

/** Read a project, its environments and apps. @public */
export const appCenterProjectReadPermission = createPermission({
  name: 'app-center.project.read',
  attributes: { action: 'read' },
  resourceType: APP_CENTER_RESOURCE_TYPE,
});

/** Manage a project's settings, environments and templates (tenant admins). @public */
export const appCenterProjectManagePermission = createPermission({
  name: 'app-center.project.manage',
  attributes: { action: 'update' },
  resourceType: APP_CENTER_RESOURCE_TYPE,
});

/** Deploy to an environment and change its apps (members; deployer groups when protected). @public */
export const appCenterDeployPermission = createPermission({
  name: 'app-center.environment.deploy',
  attributes: { action: 'update' },
  resourceType: APP_CENTER_RESOURCE_TYPE,
});

/** Every permission App Center defines. @public */
export const appCenterPermissions = [
  appCenterAdminPermission,
  appCenterProjectReadPermission,
  appCenterProjectManagePermission,
  appCenterDeployPermission,
];

/** @public */
export type AppCenterResourcePermission = ResourcePermission<
  typeof APP_CENTER_RESOURCE_TYPE
>;
