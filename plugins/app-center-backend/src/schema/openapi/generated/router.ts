// This file is generated from plugins/app-center-backend/src/schema/openapi.yaml by
// `yarn workspace @internal/plugin-app-center-backend generate:openapi`. Do not edit it by hand.

/* eslint-disable */
import {
  createValidatedOpenApiRouterFromGeneratedEndpointMap,
  TypedRouter,
} from '@backstage/backend-openapi-utils';
import type { Endpoint } from '@internal/plugin-app-center-common';
import { spec } from './spec';

/** Each route of the document, by method and path, typed by its operation. */
export type EndpointMap = {
  '#get|/tenants': Endpoint<'listTenants'>;
  '#post|/tenants': Endpoint<'createTenant'>;
  '#get|/tenants/{tenant}': Endpoint<'getTenant'>;
  '#put|/tenants/{tenant}': Endpoint<'updateTenant'>;
  '#_delete|/tenants/{tenant}': Endpoint<'deleteTenant'>;
  '#get|/projects': Endpoint<'listProjects'>;
  '#post|/projects': Endpoint<'createProject'>;
  '#get|/projects/{project}': Endpoint<'getProject'>;
  '#put|/projects/{project}': Endpoint<'updateProject'>;
  '#_delete|/projects/{project}': Endpoint<'deleteProject'>;
  '#get|/projects/{project}/environments': Endpoint<'listEnvironments'>;
  '#post|/projects/{project}/environments': Endpoint<'createEnvironment'>;
  '#get|/projects/{project}/environments/{env}': Endpoint<'getEnvironment'>;
  '#put|/projects/{project}/environments/{env}': Endpoint<'updateEnvironment'>;
  '#_delete|/projects/{project}/environments/{env}': Endpoint<'deleteEnvironment'>;
  '#get|/access': Endpoint<'getAccess'>;
  '#get|/config': Endpoint<'getPortalConfig'>;
  '#post|/projects/{project}/environments/{env}/deployments': Endpoint<'deployApps'>;
  '#post|/projects/{project}/environments/{env}/apps/{app}/scale': Endpoint<'scaleApp'>;
  '#put|/projects/{project}/environments/{env}/apps/{app}/autoscaling': Endpoint<'setAutoscaling'>;
  '#_delete|/projects/{project}/environments/{env}/apps/{app}/autoscaling': Endpoint<'removeAutoscaling'>;
  '#post|/projects/{project}/environments/{env}/apps/{app}/rollback': Endpoint<'rollbackApp'>;
  '#post|/projects/{project}/environments/{env}/apps/{app}/sync': Endpoint<'syncApp'>;
  '#post|/projects/{project}/environments/{env}/apps/{app}/resource/sync': Endpoint<'syncAppResource'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/history': Endpoint<'getDeployHistory'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/files': Endpoint<'getEnvironmentAppFiles'>;
  '#put|/projects/{project}/environments/{env}/apps/{app}/files': Endpoint<'writeEnvironmentAppFiles'>;
  '#get|/projects/{project}/environments/{env}/apps': Endpoint<'listEnvironmentApps'>;
  '#post|/projects/{project}/environments/{env}/apps': Endpoint<'associateApp'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}': Endpoint<'getEnvironmentApp'>;
  '#_delete|/projects/{project}/environments/{env}/apps/{app}': Endpoint<'disassociateApp'>;
  '#post|/projects/{project}/environments/{env}/apps/{app}/recreate': Endpoint<'recreateApplication'>;
  '#get|/entity-apps': Endpoint<'getEntityApps'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/image-security': Endpoint<'getImageSecurity'>;
  '#get|/images/tags': Endpoint<'listImageTags'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/resource-tree': Endpoint<'getResourceTree'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/resource-tree/stream': Endpoint<'streamResourceTree'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/resource': Endpoint<'getResource'>;
  '#_delete|/projects/{project}/environments/{env}/apps/{app}/resource': Endpoint<'deleteResource'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/resource/diff': Endpoint<'getResourceDiff'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/resource/events': Endpoint<'listResourceEvents'>;
  '#get|/projects/{project}/environments/{env}/apps/{app}/logs': Endpoint<'streamLogs'>;
  '#get|/tasks': Endpoint<'listTasks'>;
  '#post|/tasks': Endpoint<'startTask'>;
  '#get|/tasks/{id}': Endpoint<'getTask'>;
  '#post|/tasks/{id}/cancel': Endpoint<'cancelTask'>;
  '#get|/projects/{project}/templates': Endpoint<'listTemplates'>;
  '#post|/projects/{project}/templates': Endpoint<'createTemplate'>;
  '#get|/projects/{project}/templates/{app}': Endpoint<'getTemplate'>;
  '#_delete|/projects/{project}/templates/{app}': Endpoint<'deleteTemplate'>;
  '#get|/projects/{project}/templates/{app}/files': Endpoint<'getTemplateFiles'>;
  '#put|/projects/{project}/templates/{app}/files': Endpoint<'writeTemplateFiles'>;
  '#get|/projects/{project}/templates/{app}/drift': Endpoint<'getTemplateDrift'>;
  '#post|/projects/{project}/templates/{app}/drift/{env}/apply': Endpoint<'applyTemplateDrift'>;
};

/** The router whose handlers take each operation's parameters and body and answer its response. */
export type AppCenterRouter = TypedRouter<EndpointMap>;

/** A router that validates every request against the document before its typed handler runs. */
export const createOpenApiRouter = (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >[1],
): AppCenterRouter =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    options,
  );
