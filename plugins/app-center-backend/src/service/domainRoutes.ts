import { AuditorService } from '@backstage/backend-plugin-api';
import { CallerResolver } from './CallerResolver';
import { DomainService } from '../domain/DomainService';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import { queryString, routeHandlers } from './routeHandlers';

const ENV = '/projects/:project/environments/:env';

/**
 * Tenancy routes (DESIGN.md section 9): tenants, projects, environments, the caller's access and the
 * portal's configuration. Each resolves the caller, calls one {@link DomainService} operation and answers.
 */
export function addDomainRoutes(
  router: AppCenterRouter,
  options: {
    domain: DomainService;
    access: CallerResolver;
    auditor: AuditorService;
    argocdInstances: () => string[];
  },
) {
  const { domain } = options;
  const { read, change } = routeHandlers(options.access, options.auditor);
  const items = <T>(list: Promise<T[]>) =>
    list.then(found => ({ items: found }));

  router.get('/tenants', (req, res) =>
    read(req, res, caller => items(domain.listTenants(caller))),
  );
  router.post('/tenants', (req, res) =>
    change(
      req,
      res,
      ['tenant-create', { tenant: req.body.name }],
      caller => domain.createTenant(caller, req.body),
      { status: 201 },
    ),
  );
  router.get('/tenants/:tenant', (req, res) =>
    read(req, res, caller => domain.getTenant(caller, req.params.tenant)),
  );
  router.put('/tenants/:tenant', (req, res) => {
    const { tenant } = req.params;
    return change(req, res, ['tenant-update', { tenant }], caller =>
      domain.updateTenant(caller, tenant, req.body),
    );
  });
  router.delete('/tenants/:tenant', (req, res) => {
    const { tenant } = req.params;
    return change(
      req,
      res,
      ['tenant-delete', { tenant }],
      caller => domain.deleteTenant(caller, tenant),
      { status: 204 },
    );
  });

  router.get('/projects', (req, res) =>
    read(req, res, caller =>
      items(domain.listProjects(caller, queryString(req.query.tenant))),
    ),
  );
  router.post('/projects', (req, res) => {
    const meta = { project: req.body.name, tenant: req.body.tenant };
    return change(
      req,
      res,
      ['project-create', meta],
      caller => domain.createProject(caller, req.body),
      { status: 201 },
    );
  });
  router.get('/projects/:project', (req, res) =>
    read(req, res, caller => domain.getProject(caller, req.params.project)),
  );
  router.put('/projects/:project', (req, res) => {
    const { project } = req.params;
    return change(req, res, ['project-update', { project }], caller =>
      domain.updateProject(caller, project, req.body),
    );
  });
  router.delete('/projects/:project', (req, res) => {
    const { project } = req.params;
    return change(
      req,
      res,
      ['project-delete', { project }],
      caller => domain.deleteProject(caller, project),
      { status: 204 },
    );
  });

  router.get('/projects/:project/environments', (req, res) =>
    read(req, res, caller =>
      items(domain.listEnvironments(caller, req.params.project)),
    ),
  );
  router.post('/projects/:project/environments', (req, res) => {
    const { project } = req.params;
    const meta = { project, environment: req.body.name };
    return change(
      req,
      res,
      ['environment-create', meta],
      caller => domain.createEnvironment(caller, project, req.body),
      { status: 201 },
    );
  });
  router.get(ENV, (req, res) =>
    read(req, res, caller =>
      domain.getEnvironment(caller, req.params.project, req.params.env),
    ),
  );
  router.put(ENV, (req, res) => {
    const { project, env } = req.params;
    const meta = { project, environment: env };
    return change(req, res, ['environment-update', meta], caller =>
      domain.updateEnvironment(caller, project, env, req.body),
    );
  });
  router.delete(ENV, (req, res) => {
    const { project, env } = req.params;
    const meta = { project, environment: env };
    return change(
      req,
      res,
      ['environment-delete', meta],
      caller => domain.deleteEnvironment(caller, project, env),
      { status: 204 },
    );
  });

  router.get('/access', (req, res) =>
    read(req, res, caller => domain.callerAccess(caller)),
  );
  router.get('/config', (req, res) =>
    read(req, res, async () => ({
      argocdInstances: options.argocdInstances(),
    })),
  );
}
