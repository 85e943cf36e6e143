import { AuditorService } from '@backstage/backend-plugin-api';
import { CallerResolver } from './CallerResolver';
import { EnvironmentAppService } from '../environmentApps/EnvironmentAppService';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import { queryString, routeHandlers } from './routeHandlers';

const APPS = '/projects/:project/environments/:env/apps';

/**
 * Environment app routes (`/projects/{project}/environments/{env}/apps...` and `/entity-apps`, DESIGN.md
 * section 9): each calls one {@link EnvironmentAppService} operation. Requests were validated against the
 * OpenAPI document already.
 */
export function addEnvironmentAppRoutes(
  router: AppCenterRouter,
  options: {
    environmentApps: EnvironmentAppService;
    access: CallerResolver;
    auditor: AuditorService;
  },
) {
  const { environmentApps: apps } = options;
  const { read, change } = routeHandlers(options.access, options.auditor);

  router.get(APPS, (req, res) =>
    read(req, res, caller =>
      apps.list(caller, req.params.project, req.params.env),
    ),
  );

  router.post(APPS, (req, res) => {
    const { project, env } = req.params;
    const { app, overwrite } = req.body;
    const meta = { project, environment: env, app, overwrite: !!overwrite };
    return change(
      req,
      res,
      ['environment-app-associate', meta],
      caller => apps.associate(caller, project, env, req.body),
      { status: 201 },
    );
  });

  router.get(`${APPS}/:app`, (req, res) => {
    const { project, env, app } = req.params;
    return read(req, res, caller => apps.get(caller, project, env, app));
  });

  router.delete(`${APPS}/:app`, (req, res) => {
    const { project, env, app } = req.params;
    const meta = { project, environment: env, app };
    return change(
      req,
      res,
      ['environment-app-disassociate', meta],
      caller => apps.disassociate(caller, project, env, app),
      { status: 204 },
    );
  });

  router.post(`${APPS}/:app/recreate`, (req, res) => {
    const { project, env, app } = req.params;
    const meta = { project, environment: env, app };
    return change(
      req,
      res,
      ['environment-app-recreate', meta],
      caller => apps.recreate(caller, project, env, app),
      { status: 201 },
    );
  });

  router.get('/entity-apps', (req, res) =>
    read(req, res, caller =>
      apps.entityApps(caller, queryString(req.query.entityRef) ?? ''),
    ),
  );
}
