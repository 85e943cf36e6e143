import { AuditorService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { CallerResolver } from './CallerResolver';
import { DeployService, HistoryService } from '../deploy';
import { audited } from './audited';
import { AppCenterRouter } from '../schema/openapi/generated/router';

const APP = '/projects/:project/environments/:env/apps/:app';

/**
 * Deploy engine routes (DESIGN.md section 9): batch deploy, scale, autoscaling, rollback, sync and resource
 * sync answer 202 with the queued task; history and manifest files answer at once. Each route resolves the
 * caller, calls one {@link DeployService} / {@link HistoryService} operation and answers.
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
  const { deploy, history, access, auditor } = options;
  // Queuing a task is audited once, as the request that queued it, with the task's id.
  const queued = (task: { id: string }) => ({ taskId: task.id });
  const where = (req: Request): JsonObject => ({
    project: req.params.project,
    environment: req.params.env,
    ...(req.params.app ? { app: req.params.app } : {}),
  });

  router.post(
    '/projects/:project/environments/:env/deployments',
    async (req, res) => {
      const caller = await access.caller(req);
      const body = req.body;
      const meta = { ...where(req), apps: (body.apps ?? []).map(a => a.app) };
      const task = await audited(
        auditor,
        'deploy-request',
        req,
        meta,
        () => deploy.deploy(caller, req.params.project, req.params.env, body),
        queued,
      );
      res.status(202).json(task);
    },
  );

  router.post(`${APP}/scale`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const body = req.body;
    const task = await audited(
      auditor,
      'scale-request',
      req,
      { ...where(req), replicas: body.replicas },
      () => deploy.scale(caller, project, env, app, body),
      queued,
    );
    res.status(202).json(task);
  });

  router.put(`${APP}/autoscaling`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const body = req.body;
    const task = await audited(
      auditor,
      'autoscaling-request',
      req,
      { ...where(req), ...body },
      () => deploy.setAutoscaling(caller, project, env, app, body),
      queued,
    );
    res.status(202).json(task);
  });

  router.delete(`${APP}/autoscaling`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const workload =
      typeof req.query.workload === 'string' ? req.query.workload : undefined;
    const task = await audited(
      auditor,
      'autoscaling-remove-request',
      req,
      where(req),
      () => deploy.removeAutoscaling(caller, project, env, app, workload),
      queued,
    );
    res.status(202).json(task);
  });

  router.post(`${APP}/rollback`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const body = req.body;
    const task = await audited(
      auditor,
      'rollback-request',
      req,
      { ...where(req), revision: body.revision },
      () => deploy.rollback(caller, project, env, app, body),
      queued,
    );
    res.status(202).json(task);
  });

  router.post(`${APP}/sync`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const body = req.body ?? {};
    const task = await audited(
      auditor,
      'sync-request',
      req,
      where(req),
      () => deploy.sync(caller, project, env, app, body),
      queued,
    );
    res.status(202).json(task);
  });

  router.post(`${APP}/resource/sync`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const body = req.body;
    const task = await audited(
      auditor,
      'sync-request',
      req,
      { ...where(req), resource: `${body.kind}/${body.name}` },
      () => deploy.sync(caller, project, env, app, { resources: [body] }),
      queued,
    );
    res.status(202).json(task);
  });

  router.get(`${APP}/history`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const limit =
      req.query.limit === undefined ? undefined : Number(req.query.limit);
    const cursor =
      typeof req.query.cursor === 'string' ? req.query.cursor : undefined;
    res.json(
      await history.history(caller, project, env, app, { limit, cursor }),
    );
  });

  router.get(`${APP}/files`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    res.json(await deploy.readFiles(caller, project, env, app));
  });

  router.put(`${APP}/files`, async (req, res) => {
    const caller = await access.caller(req);
    const { project, env, app } = req.params;
    const body = req.body;
    const meta = {
      ...where(req),
      files: (body.files ?? []).map(f => f.path),
      deleted: body.deleted ?? [],
      baseRevision: body.baseRevision ?? null,
      sync: !!body.sync,
    };
    res.json(
      await audited(
        auditor,
        'environment-app-files-write',
        req,
        meta,
        () => deploy.writeFiles(caller, project, env, app, body),
        written => ('task' in written ? queued(written.task) : {}),
      ),
    );
  });
}
