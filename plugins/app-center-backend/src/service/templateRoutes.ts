import { AuditorService } from '@backstage/backend-plugin-api';
import { ErrorRequestHandler } from 'express';
import { CallerResolver } from './CallerResolver';
import {
  ManifestValidationError,
  MergeConflictError,
  RevisionConflictError,
} from '../git';
import { TemplateService } from '../templates/TemplateService';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import { queryString, routeHandlers } from './routeHandlers';

const TEMPLATES = '/projects/:project/templates';

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
  const { templates } = options;
  const { read, change } = routeHandlers(options.access, options.auditor);

  router.get(TEMPLATES, (req, res) =>
    read(req, res, caller => templates.list(caller, req.params.project)),
  );
  router.post(TEMPLATES, (req, res) => {
    const { project } = req.params;
    const from = req.body.starter ? 'starter' : 'files';
    const meta = { project, app: req.body.name, from };
    return change(
      req,
      res,
      ['template-create', meta],
      caller => templates.create(caller, project, req.body),
      { status: 201 },
    );
  });
  router.get(`${TEMPLATES}/:app`, (req, res) => {
    const { project, app } = req.params;
    return read(req, res, caller => templates.get(caller, project, app));
  });
  router.delete(`${TEMPLATES}/:app`, (req, res) => {
    const { project, app } = req.params;
    const baseRevision = queryString(req.query.baseRevision);
    return change(
      req,
      res,
      ['template-delete', { project, app }],
      caller => templates.delete(caller, project, app, baseRevision),
      { status: 204 },
    );
  });
  router.get(`${TEMPLATES}/:app/files`, (req, res) => {
    const { project, app } = req.params;
    return read(req, res, caller => templates.readFiles(caller, project, app));
  });
  router.put(`${TEMPLATES}/:app/files`, (req, res) => {
    const { project, app } = req.params;
    const body = req.body;
    const meta = {
      project,
      app,
      files: (body.files ?? []).map(f => f.path),
      deleted: body.deleted ?? [],
      baseRevision: body.baseRevision ?? null,
    };
    return change(req, res, ['template-files-write', meta], caller =>
      templates.writeFiles(caller, project, app, body),
    );
  });
  router.get(`${TEMPLATES}/:app/drift`, (req, res) => {
    const { project, app } = req.params;
    return read(req, res, caller => templates.drift(caller, project, app));
  });
  router.post(`${TEMPLATES}/:app/drift/:env/apply`, (req, res) => {
    const { project, app, env } = req.params;
    const meta = { project, app, environment: env };
    return change(req, res, ['template-drift-apply', meta], caller =>
      templates.applyDrift(caller, project, app, env, req.body ?? {}),
    );
  });
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
  // Backstage's error shape, with the details the caller acts on.
  const answer = (status: number, details: Record<string, unknown>) =>
    res.status(status).json({
      error: { name: error.name, message: error.message, ...details },
      request: { method: req.method, url: req.originalUrl ?? req.url },
      response: { statusCode: status },
    });
  if (error instanceof ManifestValidationError) {
    answer(400, { issues: error.issues });
    return;
  }
  if (error instanceof RevisionConflictError) {
    const { baseRevision, headRevision, files } = error;
    answer(409, { baseRevision, headRevision, files });
    return;
  }
  if (error instanceof MergeConflictError) {
    answer(409, { files: error.files, conflicts: error.conflicts });
    return;
  }
  next(error);
};
