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
import { audited } from './audited';
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
 * App Center's HTTP API. Each route resolves the caller, calls one domain operation and answers;
 * requests are validated against the OpenAPI document before they get here.
 */
export async function createRouter(options: RouterOptions) {
  const { domain, access, auditor } = options;
  // The validator checks every request against the document; handlers take the generated operation types.
  // Bodies are parsed before it (withHttpContract), so a too large body is a 413, not the validator's 400.
  const router = await createOpenApiRouter({
    middleware: [bodyAlreadyParsed],
  });

  router.get('/tenants', async (req, res) => {
    const caller = await access.caller(req);
    res.json({ items: await domain.listTenants(caller) });
  });
  router.post('/tenants', async (req, res) => {
    const caller = await access.caller(req);
    const body = req.body;
    const tenant = await audited(
      auditor,
      'tenant-create',
      req,
      { tenant: body.name },
      () => domain.createTenant(caller, body),
    );
    res.status(201).json(tenant);
  });
  router.get('/tenants/:tenant', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await domain.getTenant(caller, req.params.tenant));
  });
  router.put('/tenants/:tenant', async (req, res) => {
    const caller = await access.caller(req);
    const { tenant } = req.params;
    res.json(
      await audited(auditor, 'tenant-update', req, { tenant }, () =>
        domain.updateTenant(caller, tenant, req.body),
      ),
    );
  });
  router.delete('/tenants/:tenant', async (req, res) => {
    const caller = await access.caller(req);
    const { tenant } = req.params;
    await audited(auditor, 'tenant-delete', req, { tenant }, () =>
      domain.deleteTenant(caller, tenant),
    );
    res.status(204).end();
  });

  router.get('/projects', async (req, res) => {
    const caller = await access.caller(req);
    const tenant =
      typeof req.query.tenant === 'string' ? req.query.tenant : undefined;
    res.json({ items: await domain.listProjects(caller, tenant) });
  });
  router.post('/projects', async (req, res) => {
    const caller = await access.caller(req);
    const body = req.body;
    const meta = { project: body.name, tenant: body.tenant };
    const project = await audited(auditor, 'project-create', req, meta, () =>
      domain.createProject(caller, body),
    );
    res.status(201).json(project);
  });
  router.get('/projects/:project', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await domain.getProject(caller, req.params.project));
  });
  router.put('/projects/:project', async (req, res) => {
    const caller = await access.caller(req);
    const { project } = req.params;
    res.json(
      await audited(auditor, 'project-update', req, { project }, () =>
        domain.updateProject(caller, project, req.body),
      ),
    );
  });
  router.delete('/projects/:project', async (req, res) => {
    const caller = await access.caller(req);
    const { project } = req.params;
    await audited(auditor, 'project-delete', req, { project }, () =>
      domain.deleteProject(caller, project),
    );
    res.status(204).end();
  });

  router.get('/projects/:project/environments', async (req, res) => {
    const caller = await access.caller(req);
    res.json({
      items: await domain.listEnvironments(caller, req.params.project),
    });
  });
  router.post('/projects/:project/environments', async (req, res) => {
    const caller = await access.caller(req);
    const { project } = req.params;
    const body = req.body;
    const meta = { project, environment: body.name };
    const env = await audited(auditor, 'environment-create', req, meta, () =>
      domain.createEnvironment(caller, project, body),
    );
    res.status(201).json(env);
  });
  router.get('/projects/:project/environments/:env', async (req, res) => {
    const caller = await access.caller(req);
    res.json(
      await domain.getEnvironment(caller, req.params.project, req.params.env),
    );
  });
  router.put('/projects/:project/environments/:env', async (req, res) => {
    const caller = await access.caller(req);
    const { project, env } = req.params;
    res.json(
      await audited(
        auditor,
        'environment-update',
        req,
        { project, environment: env },
        () => domain.updateEnvironment(caller, project, env, req.body),
      ),
    );
  });
  router.delete('/projects/:project/environments/:env', async (req, res) => {
    const caller = await access.caller(req);
    const { project, env } = req.params;
    await audited(
      auditor,
      'environment-delete',
      req,
      { project, environment: env },
      () => domain.deleteEnvironment(caller, project, env),
    );
    res.status(204).end();
  });

  router.get('/access', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await domain.callerAccess(caller));
  });
  router.get('/config', async (req, res) => {
    await access.caller(req);
    res.json({ argocdInstances: options.argocdInstances() });
  });

  addRegistryRoutes(router, { registry: options.registry, access });
  addTemplateRoutes(router, { templates: options.templates, access, auditor });
  addEnvironmentAppRoutes(router, {
    environmentApps: options.environmentApps,
    access,
    auditor,
  });
  addTaskRoutes(router, { tasks: options.tasks, access, auditor });
  if (options.deploy && options.deployHistory) {
    addDeployRoutes(router, {
      deploy: options.deploy,
      history: options.deployHistory,
      access,
      auditor,
    });
  }
  if (options.resources) {
    addResourceRoutes(router, {
      resources: options.resources,
      access,
      auditor,
    });
  }
  if (options.security)
    addImageSecurityRoutes(router, { security: options.security, access });
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
