/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalidArgument } from '../http/errors.ts';
import { decodeStrictly } from '../decode/goJson.ts';
import {
  applicationSpecType,
  applicationType,
  patchRequestType,
  rollbackRequestType,
  syncRequestType,
} from '../decode/requestTypes.ts';
import type { Router } from '../http/router.ts';
import { queryBool } from '../http/router.ts';
import type { ApiDeps } from './deps.ts';

/** Application CRUD, sync, rollback and terminate (swagger paths under /api/v1/applications). */
export function registerApplicationRoutes(r: Router, d: ApiDeps): void {
  r.get('/api/v1/applications', ({ query }) =>
    d.svc.list({
      selector: query.get('selector'),
      projects: [
        ...query.getAll('projects'),
        ...query.getAll('project'),
      ].filter(Boolean),
      name: query.get('name'),
      repo: query.get('repo'),
      appNamespace: query.get('appNamespace'),
      fields: query.get('fields'),
    }),
  );

  r.get('/api/v1/applications/{name}', ({ params, query }) =>
    d.svc.get(
      params.name,
      query.getAll('project'),
      query.get('refresh'),
      query.get('appNamespace'),
    ),
  );

  r.post('/api/v1/applications', ({ body, query }) =>
    d.svc.create(
      decodeStrictly(body, applicationType),
      queryBool(query, 'upsert') === true,
      queryBool(query, 'validate') !== false,
    ),
  );

  r.put(
    '/api/v1/applications/{application.metadata.name}',
    ({ params, body, query }) =>
      d.svc.update(
        params['application.metadata.name'],
        decodeStrictly(body, applicationType),
        queryBool(query, 'validate') !== false,
        query.get('project'),
      ),
  );

  r.put('/api/v1/applications/{name}/spec', ({ params, body, query }) =>
    d.svc.updateSpec(
      params.name,
      decodeStrictly(body, applicationSpecType),
      queryBool(query, 'validate') !== false,
      query.get('project'),
    ),
  );

  r.patch('/api/v1/applications/{name}', ({ params, body }) =>
    d.svc.patch(params.name, decodeStrictly(body, patchRequestType)),
  );

  r.delete('/api/v1/applications/{name}', ({ params, query }) =>
    d.svc.delete(
      params.name,
      queryBool(query, 'cascade'),
      query.get('propagationPolicy'),
      query.get('project'),
    ),
  );

  r.post('/api/v1/applications/{name}/sync', ({ params, body }) => {
    const req: any = decodeStrictly(body, syncRequestType) ?? {};
    if (req.name && req.name !== params.name)
      throw invalidArgument('name in the path and the body differ');
    return d.svc.sync(params.name, req);
  });

  r.post('/api/v1/applications/{name}/rollback', ({ params, body }) =>
    d.svc.rollback(
      params.name,
      decodeStrictly(body, rollbackRequestType) ?? {},
    ),
  );

  r.delete('/api/v1/applications/{name}/operation', ({ params, query }) =>
    d.svc.terminate(params.name, query.get('project')),
  );
}
