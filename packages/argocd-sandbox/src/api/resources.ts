/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ResourceQuery } from '../argocd/resources.ts';
import { decodeStrictly } from '../decode/goJson.ts';
import { resourceActionV2Type } from '../decode/requestTypes.ts';
import { invalidArgument } from '../http/errors.ts';
import type { Router } from '../http/router.ts';
import { queryBool } from '../http/router.ts';
import type { ApiDeps } from './deps.ts';

function rq(q: URLSearchParams): ResourceQuery {
  return {
    namespace: q.get('namespace'),
    resourceName: q.get('resourceName'),
    version: q.get('version'),
    group: q.get('group'),
    kind: q.get('kind'),
  };
}

/** Resource tree, managed resources, live manifests, resource delete, actions, events, revision metadata. */
export function registerResourceRoutes(r: Router, d: ApiDeps): void {
  r.get(
    '/api/v1/applications/{applicationName}/resource-tree',
    ({ params, query }) =>
      d.resources.tree(
        params.applicationName,
        query.get('project'),
        query.get('appNamespace'),
      ),
  );

  r.get(
    '/api/v1/applications/{applicationName}/managed-resources',
    ({ params, query }) =>
      d.resources.managedResources(
        params.applicationName,
        {
          namespace: query.get('namespace'),
          name: query.get('name'),
          version: query.get('version'),
          group: query.get('group'),
          kind: query.get('kind'),
        },
        query.get('project'),
      ),
  );

  r.get('/api/v1/applications/{name}/resource', ({ params, query }) =>
    d.resources.resource(params.name, rq(query), query.get('project')),
  );

  r.delete('/api/v1/applications/{name}/resource', ({ params, query }) =>
    d.resources.deleteResource(
      params.name,
      {
        ...rq(query),
        force: queryBool(query, 'force'),
        orphan: queryBool(query, 'orphan'),
      },
      query.get('project'),
    ),
  );

  r.get('/api/v1/applications/{name}/resource/actions', ({ params, query }) =>
    d.resources.actions(params.name, rq(query), query.get('project')),
  );

  // deprecated v1: query names the resource, the body is the action name as a JSON string literal
  r.post(
    '/api/v1/applications/{name}/resource/actions',
    ({ params, query, body }) => {
      if (typeof body !== 'string')
        throw invalidArgument(
          'the request body must be the action name as a JSON string',
        );
      return d.resources.runAction(
        params.name,
        rq(query),
        body,
        query.get('project'),
      );
    },
  );

  r.post(
    '/api/v1/applications/{name}/resource/actions/v2',
    ({ params, body }) => {
      const b: any = decodeStrictly(body, resourceActionV2Type) ?? {};
      const q: ResourceQuery = {
        namespace: b.namespace,
        resourceName: b.resourceName,
        version: b.version,
        group: b.group,
        kind: b.kind,
      };
      return d.resources.runAction(params.name, q, b.action, b.project);
    },
  );

  r.get('/api/v1/applications/{name}/events', ({ params, query }) =>
    d.resources.events(
      params.name,
      {
        resourceNamespace: query.get('resourceNamespace'),
        resourceName: query.get('resourceName'),
        resourceUID: query.get('resourceUID'),
      },
      query.get('project'),
    ),
  );

  r.get(
    '/api/v1/applications/{name}/revisions/{revision}/metadata',
    ({ params, query }) =>
      d.resources.revisionMetadata(
        params.name,
        params.revision,
        query.get('project'),
      ),
  );
}
