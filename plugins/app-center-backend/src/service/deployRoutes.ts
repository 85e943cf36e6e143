import { AuditorService } from '@backstage/backend-plugin-api';
import { CallerResolver } from './CallerResolver';
import { DeployService, HistoryService } from '../deploy';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import { queryString, routeHandlers } from './routeHandlers';

const APP = '/projects/:project/environments/:env/apps/:app';

/** The audit meta naming the app a route acts on. */
const appMeta = (p: { project: string; env: string; app: string }) => ({
  project: p.project,
  environment: p.env,
  app: p.app,
});

/**
 * Deploy engine routes (DESIGN.md section 9): batch deploy, scale, autoscaling, rollback, sync and resource
 * sync answer 202 with the queued task (audited once, as the request that queued it, with the task's id);
 * history and manifest files answer at once. Each route calls one {@link DeployService} /
 * {@link HistoryService} operation.
 */
export function addDeployRoutes(
  router: AppCenterRouter,
  options: {
    deploy: DeployService;
    history: HistoryService;
    access: CallerResolver;
    auditor: AuditorService;
  },
) {
  const { deploy, history } = options;
  const { read, change, queue } = routeHandlers(
    options.access,
    options.auditor,
  );

  router.post(
    '/projects/:project/environments/:env/deployments',
    (req, res) => {
      const { project, env } = req.params;
      const apps = (req.body.apps ?? []).map(a => a.app);
      const meta = { project, environment: env, apps };
      return queue(req, res, ['deploy-request', meta], caller =>
        deploy.deploy(caller, project, env, req.body),
      );
    },
  );

  router.post(`${APP}/scale`, (req, res) => {
    const { project, env, app } = req.params;
    const meta = { ...appMeta(req.params), replicas: req.body.replicas };
    return queue(req, res, ['scale-request', meta], caller =>
      deploy.scale(caller, project, env, app, req.body),
    );
  });

  router.put(`${APP}/autoscaling`, (req, res) => {
    const { project, env, app } = req.params;
    const meta = { ...appMeta(req.params), ...req.body };
    return queue(req, res, ['autoscaling-request', meta], caller =>
      deploy.setAutoscaling(caller, project, env, app, req.body),
    );
  });

  router.delete(`${APP}/autoscaling`, (req, res) => {
    const { project, env, app } = req.params;
    const workload = queryString(req.query.workload);
    const meta = appMeta(req.params);
    return queue(req, res, ['autoscaling-remove-request', meta], caller =>
      deploy.removeAutoscaling(caller, project, env, app, workload),
    );
  });

  router.post(`${APP}/rollback`, (req, res) => {
    const { project, env, app } = req.params;
    const meta = { ...appMeta(req.params), revision: req.body.revision };
    return queue(req, res, ['rollback-request', meta], caller =>
      deploy.rollback(caller, project, env, app, req.body),
    );
  });

  router.post(`${APP}/sync`, (req, res) => {
    const { project, env, app } = req.params;
    return queue(req, res, ['sync-request', appMeta(req.params)], caller =>
      deploy.sync(caller, project, env, app, req.body ?? {}),
    );
  });

  router.post(`${APP}/resource/sync`, (req, res) => {
    const { project, env, app } = req.params;
    const { kind, name } = req.body;
    const meta = { ...appMeta(req.params), resource: `${kind}/${name}` };
    return queue(req, res, ['sync-request', meta], caller =>
      deploy.sync(caller, project, env, app, { resources: [req.body] }),
    );
  });

  router.get(`${APP}/history`, (req, res) => {
    const { project, env, app } = req.params;
    const { limit } = req.query;
    const page = {
      limit: limit === undefined ? undefined : Number(limit),
      cursor: queryString(req.query.cursor),
    };
    return read(req, res, caller =>
      history.history(caller, project, env, app, page),
    );
  });

  router.get(`${APP}/files`, (req, res) => {
    const { project, env, app } = req.params;
    return read(req, res, caller =>
      deploy.readFiles(caller, project, env, app),
    );
  });

  router.put(`${APP}/files`, (req, res) => {
    const { project, env, app } = req.params;
    const body = req.body;
    const meta = {
      ...appMeta(req.params),
      files: (body.files ?? []).map(f => f.path),
      deleted: body.deleted ?? [],
      baseRevision: body.baseRevision ?? null,
      sync: !!body.sync,
    };
    return change(
      req,
      res,
      ['environment-app-files-write', meta],
      caller => deploy.writeFiles(caller, project, env, app, body),
      {
        outcome: written =>
          'task' in written ? { taskId: written.task.id } : {},
      },
    );
  });
}
