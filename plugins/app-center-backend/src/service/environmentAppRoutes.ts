import { AuditorService } from '@backstage/backend-plugin-api';
import { CallerResolver } from './CallerResolver';
import { EnvironmentAppService } from '../environmentApps/EnvironmentAppService';
import { audited } from './audited';
import { AppCenterRouter } from '../schema/openapi/generated/router';

/**
 * Environment app routes (`/projects/{project}/environments/{env}/apps...` and `/entity-apps`, DESIGN.md
 * section 9): resolve the caller, call one {@link EnvironmentAppService} operation, answer. Requests were
 * validated against the OpenAPI document already.
 */
export function addEnvironmentAppRoutes(
  router: AppCenterRouter,
  options: {
    environmentApps: EnvironmentAppService;
    access: CallerResolver;
    auditor: AuditorService;
  },
) {
  const { environmentApps, access, auditor } = options;

  router.get('/projects/:project/environments/:env/apps', async (req, res) => {
    const caller = await access.caller(req);
    res.json(
      await environmentApps.list(caller, req.params.project, req.params.env),
    );
  });

  router.post('/projects/:project/environments/:env/apps', async (req, res) => {
    const caller = await access.caller(req);
    const { project, env } = req.params;
    const body = req.body;
    const meta = {
      project,
      environment: env,
      app: body.app,
      overwrite: !!body.overwrite,
    };
    const created = await audited(
      auditor,
      'environment-app-associate',
      req,
      meta,
      () => environmentApps.associate(caller, project, env, body),
    );
    res.status(201).json(created);
  });

  router.get(
    '/projects/:project/environments/:env/apps/:app',
    async (req, res) => {
      const caller = await access.caller(req);
      const { project, env, app } = req.params;
      res.json(await environmentApps.get(caller, project, env, app));
    },
  );

  router.delete(
    '/projects/:project/environments/:env/apps/:app',
    async (req, res) => {
      const caller = await access.caller(req);
      const { project, env, app } = req.params;
      await audited(
        auditor,
        'environment-app-disassociate',
        req,
        { project, environment: env, app },
        () => environmentApps.disassociate(caller, project, env, app),
      );
      res.status(204).end();
    },
  );

  router.post(
    '/projects/:project/environments/:env/apps/:app/recreate',
    async (req, res) => {
      const caller = await access.caller(req);
      const { project, env, app } = req.params;
      res
        .status(201)
        .json(
          await audited(
            auditor,
            'environment-app-recreate',
            req,
            { project, environment: env, app },
            () => environmentApps.recreate(caller, project, env, app),
          ),
        );
    },
  );

  router.get('/entity-apps', async (req, res) => {
    const caller = await access.caller(req);
    const entityRef =
      typeof req.query.entityRef === 'string' ? req.query.entityRef : '';
    res.json(await environmentApps.entityApps(caller, entityRef));
  });
}
