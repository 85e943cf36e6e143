import { AuditorService } from '@backstage/backend-plugin-api';
import { ErrorRequestHandler } from 'express';
import { CallerResolver } from './CallerResolver';
import {
  ManifestValidationError,
  MergeConflictError,
  RevisionConflictError,
} from '../git';
import { TemplateService } from '../templates/TemplateService';
import { audited } from './audited';
import { AppCenterRouter } from '../schema/openapi/generated/router';

/**
 * Template routes (`/projects/{project}/templates...`, DESIGN.md section 9): resolve the caller, call one
 * {@link TemplateService} operation, answer. Requests were validated against the OpenAPI document already.
 */
export function addTemplateRoutes(
  router: AppCenterRouter,
  options: {
    templates: TemplateService;
    access: CallerResolver;
    auditor: AuditorService;
  },
) {
  const { templates, access, auditor } = options;

  router.get('/projects/:project/templates', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await templates.list(caller, req.params.project));
  });
  router.post('/projects/:project/templates', async (req, res) => {
    const caller = await access.caller(req);
    const { project } = req.params;
    const body = req.body;
    const meta = {
      project,
      app: body.name,
      from: body.starter ? 'starter' : 'files',
    };
    const created = await audited(auditor, 'template-create', req, meta, () =>
      templates.create(caller, project, body),
    );
    res.status(201).json(created);
  });
  router.get('/projects/:project/templates/:app', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await templates.get(caller, req.params.project, req.params.app));
  });
  router.delete('/projects/:project/templates/:app', async (req, res) => {
    const caller = await access.caller(req);
    const { project, app } = req.params;
    const baseRevision =
      typeof req.query.baseRevision === 'string'
        ? req.query.baseRevision
        : undefined;
    await audited(auditor, 'template-delete', req, { project, app }, () =>
      templates.delete(caller, project, app, baseRevision),
    );
    res.status(204).end();
  });
  router.get('/projects/:project/templates/:app/files', async (req, res) => {
    const caller = await access.caller(req);
    res.json(
      await templates.readFiles(caller, req.params.project, req.params.app),
    );
  });
  router.put('/projects/:project/templates/:app/files', async (req, res) => {
    const caller = await access.caller(req);
    const { project, app } = req.params;
    const body = req.body;
    const meta = {
      project,
      app,
      files: (body.files ?? []).map(f => f.path),
      deleted: body.deleted ?? [],
      baseRevision: body.baseRevision ?? null,
    };
    res.json(
      await audited(auditor, 'template-files-write', req, meta, () =>
        templates.writeFiles(caller, project, app, body),
      ),
    );
  });
  router.get('/projects/:project/templates/:app/drift', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await templates.drift(caller, req.params.project, req.params.app));
  });
  router.post(
    '/projects/:project/templates/:app/drift/:env/apply',
    async (req, res) => {
      const caller = await access.caller(req);
      const { project, app, env } = req.params;
      const body = req.body ?? {};
      res.json(
        await audited(
          auditor,
          'template-drift-apply',
          req,
          { project, app, environment: env },
          () => templates.applyDrift(caller, project, app, env, body),
        ),
      );
    },
  );
}

/**
 * Answers the errors whose details the caller acts on, in Backstage's error shape plus those details
 * (documented in src/schema/openapi/templates.yaml): manifest issues with path, line and column (400), and
 * conflicts with both revisions and the files (409). Anything else goes on to Backstage's error handler.
 */
export const templateErrorHandler: ErrorRequestHandler = (
  error,
  req,
  res,
  next,
) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const request = { method: req.method, url: req.originalUrl ?? req.url };
  if (error instanceof ManifestValidationError) {
    res.status(400).json({
      error: { name: error.name, message: error.message, issues: error.issues },
      request,
      response: { statusCode: 400 },
    });
    return;
  }
  if (error instanceof RevisionConflictError) {
    res.status(409).json({
      error: {
        name: error.name,
        message: error.message,
        baseRevision: error.baseRevision,
        headRevision: error.headRevision,
        files: error.files,
      },
      request,
      response: { statusCode: 409 },
    });
    return;
  }
  if (error instanceof MergeConflictError) {
    res.status(409).json({
      error: {
        name: error.name,
        message: error.message,
        files: error.files,
        conflicts: error.conflicts,
      },
      request,
      response: { statusCode: 409 },
    });
    return;
  }
  next(error);
};
