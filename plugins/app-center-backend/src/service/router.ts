import { AuditorService } from '@backstage/backend-plugin-api';
import { Router } from 'express';
import { AccessResolver } from '../domain/AccessResolver';
import { authorizeFirst } from './authorizeFirst';
import { CallerResolver } from './CallerResolver';
import { DomainService } from '../domain/DomainService';
import { RegistryService } from '../registry';
import { TemplateService } from '../templates/TemplateService';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { spec } from '../schema/openapi/generated/spec';
import { EnvironmentAppService } from '../environmentApps/EnvironmentAppService';
import { addDomainRoutes } from './domainRoutes';
import { readHandler } from './routeHandlers';
import { bodyAlreadyParsed, withHttpContract } from './httpContract';
import { addRegistryRoutes } from './registryRoutes';
import { addEnvironmentAppRoutes } from './environmentAppRoutes';
import { addTaskRoutes } from './taskRoutes';
import { addDeployRoutes } from './deployRoutes';
import { addImageSecurityRoutes } from './imageSecurityRoutes';
import type { ImageSecurityService } from '../security';
import { DeployService, HistoryService } from '../deploy';
import { addTemplateRoutes, templateErrorHandler } from './templateRoutes';
import { TaskService } from '../tasks/TaskService';
import { ResourceService } from '../resources/ResourceService';
import { addResourceRoutes } from './resourceRoutes';

export type RouterOptions = {
  domain: DomainService;
  /** Who is asking: resolves the caller of a request (once per request). */
  access: CallerResolver;
  /** What the caller may do: checked before the OpenAPI validator sees a request. */
  resolver: AccessResolver;
  auditor: AuditorService;
  argocdInstances: () => string[];
  registry: RegistryService;
  templates: TemplateService;
  environmentApps: EnvironmentAppService;
  tasks: TaskService;
  /** The deploy engine's routes (batch deploy, scale, autoscaling, rollback, sync, history, files). */
  deploy?: DeployService;
  deployHistory?: HistoryService;
  /** Resource status: the live tree, manifests, diffs, events, pod logs, resource delete. */
  resources?: ResourceService;
  /** Findings of the running images from the image-security providers. */
  security?: ImageSecurityService;
};

/**
 * App Center's HTTP API, assembled from one routes file per concern. Each route resolves the caller, calls
 * one domain operation and answers; requests are validated against the OpenAPI document before they get here.
 */
export async function createRouter(options: RouterOptions) {
  const { domain, access, auditor } = options;
  // The validator checks every request against the document; handlers take the generated operation types.
  // Bodies are parsed before it (withHttpContract), so a too large body is a 413, not the validator's 400.
  const router = await createOpenApiRouter({
    middleware: [bodyAlreadyParsed],
  });

  const caller = { access, auditor };
  addDomainRoutes(router, {
    domain,
    argocdInstances: options.argocdInstances,
    ...caller,
  });
  const read = readHandler(access);
  addRegistryRoutes(router, options.registry, read);
  addTemplateRoutes(router, { templates: options.templates, ...caller });
  addEnvironmentAppRoutes(router, {
    environmentApps: options.environmentApps,
    ...caller,
  });
  addTaskRoutes(router, { tasks: options.tasks, ...caller });
  if (options.deploy && options.deployHistory) {
    const { deploy, deployHistory: history } = options;
    addDeployRoutes(router, { deploy, history, ...caller });
  }
  if (options.resources)
    addResourceRoutes(router, { resources: options.resources, ...caller });
  if (options.security) addImageSecurityRoutes(router, options.security, read);
  // Keep last: answers the errors of the routes above with their details (issues, revisions, files).
  router.use(templateErrorHandler);

  // Authorization runs before validation: an outsider gets 403 with the reason, not a 400 that describes the
  // schema (the validated router would turn any error of its own middleware into a 400).
  return withHttpContract(
    spec,
    router as unknown as Router,
    authorizeFirst({ callers: access, access: options.resolver }),
  );
}
