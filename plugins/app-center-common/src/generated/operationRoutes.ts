// This file is generated from plugins/app-center-backend/src/schema/openapi.yaml by
// `yarn workspace @internal/plugin-app-center-backend generate:openapi`. Do not edit it by hand.

/* eslint-disable */
/** The method and path (with `{param}` placeholders) of each operation of the document. */
export const operationRoutes = {
  listTenants: { method: 'GET', path: '/tenants' },
  createTenant: { method: 'POST', path: '/tenants' },
  getTenant: { method: 'GET', path: '/tenants/{tenant}' },
  updateTenant: { method: 'PUT', path: '/tenants/{tenant}' },
  deleteTenant: { method: 'DELETE', path: '/tenants/{tenant}' },
  listProjects: { method: 'GET', path: '/projects' },
  createProject: { method: 'POST', path: '/projects' },
  getProject: { method: 'GET', path: '/projects/{project}' },
  updateProject: { method: 'PUT', path: '/projects/{project}' },
  deleteProject: { method: 'DELETE', path: '/projects/{project}' },
  listEnvironments: { method: 'GET', path: '/projects/{project}/environments' },
  createEnvironment: {
    method: 'POST',
    path: '/projects/{project}/environments',
  },
  getEnvironment: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}',
  },
  updateEnvironment: {
    method: 'PUT',
    path: '/projects/{project}/environments/{env}',
  },
  deleteEnvironment: {
    method: 'DELETE',
    path: '/projects/{project}/environments/{env}',
  },
  getAccess: { method: 'GET', path: '/access' },
  getPortalConfig: { method: 'GET', path: '/config' },
  deployApps: {
    method: 'POST',
    path: '/projects/{project}/environments/{env}/deployments',
  },
  scaleApp: {
    method: 'POST',
    path: '/projects/{project}/environments/{env}/apps/{app}/scale',
  },
  setAutoscaling: {
    method: 'PUT',
    path: '/projects/{project}/environments/{env}/apps/{app}/autoscaling',
  },
  removeAutoscaling: {
    method: 'DELETE',
    path: '/projects/{project}/environments/{env}/apps/{app}/autoscaling',
  },
  rollbackApp: {
    method: 'POST',
    path: '/projects/{project}/environments/{env}/apps/{app}/rollback',
  },
  syncApp: {
    method: 'POST',
    path: '/projects/{project}/environments/{env}/apps/{app}/sync',
  },
  syncAppResource: {
    method: 'POST',
    path: '/projects/{project}/environments/{env}/apps/{app}/resource/sync',
  },
  getDeployHistory: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/history',
  },
  getEnvironmentAppFiles: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/files',
  },
  writeEnvironmentAppFiles: {
    method: 'PUT',
    path: '/projects/{project}/environments/{env}/apps/{app}/files',
  },
  listEnvironmentApps: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps',
  },
  associateApp: {
    method: 'POST',
    path: '/projects/{project}/environments/{env}/apps',
  },
  getEnvironmentApp: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}',
  },
  disassociateApp: {
    method: 'DELETE',
    path: '/projects/{project}/environments/{env}/apps/{app}',
  },
  recreateApplication: {
    method: 'POST',
    path: '/projects/{project}/environments/{env}/apps/{app}/recreate',
  },
  getEntityApps: { method: 'GET', path: '/entity-apps' },
  getImageSecurity: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/image-security',
  },
  listImageTags: { method: 'GET', path: '/images/tags' },
  getResourceTree: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/resource-tree',
  },
  streamResourceTree: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/resource-tree/stream',
  },
  getResource: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/resource',
  },
  deleteResource: {
    method: 'DELETE',
    path: '/projects/{project}/environments/{env}/apps/{app}/resource',
  },
  getResourceDiff: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/resource/diff',
  },
  listResourceEvents: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/resource/events',
  },
  streamLogs: {
    method: 'GET',
    path: '/projects/{project}/environments/{env}/apps/{app}/logs',
  },
  listTasks: { method: 'GET', path: '/tasks' },
  startTask: { method: 'POST', path: '/tasks' },
  getTask: { method: 'GET', path: '/tasks/{id}' },
  cancelTask: { method: 'POST', path: '/tasks/{id}/cancel' },
  listTemplates: { method: 'GET', path: '/projects/{project}/templates' },
  createTemplate: { method: 'POST', path: '/projects/{project}/templates' },
  getTemplate: { method: 'GET', path: '/projects/{project}/templates/{app}' },
  deleteTemplate: {
    method: 'DELETE',
    path: '/projects/{project}/templates/{app}',
  },
  getTemplateFiles: {
    method: 'GET',
    path: '/projects/{project}/templates/{app}/files',
  },
  writeTemplateFiles: {
    method: 'PUT',
    path: '/projects/{project}/templates/{app}/files',
  },
  getTemplateDrift: {
    method: 'GET',
    path: '/projects/{project}/templates/{app}/drift',
  },
  applyTemplateDrift: {
    method: 'POST',
    path: '/projects/{project}/templates/{app}/drift/{env}/apply',
  },
} as const;
