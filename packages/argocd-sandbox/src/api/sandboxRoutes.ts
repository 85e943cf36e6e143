/* eslint-disable @typescript-eslint/no-explicit-any */
import type { LargeAppRequest } from '../argocd/largeApp.ts';
import { generateLargeApp } from '../argocd/largeApp.ts';
import type { FaultSpec } from '../hooks/faults.ts';
import { invalidArgument, notFound } from '../http/errors.ts';
import type { Router } from '../http/router.ts';
import type { ApiDeps } from './deps.ts';

/**
 * Test hooks over HTTP (token required, no Content-Type rule):
 *  GET/POST/DELETE /sandbox/faults, DELETE /sandbox/faults/{id}
 *  GET/DELETE /sandbox/requests[?pattern=...]
 *  POST /sandbox/reset (body {"state": true} also wipes apps, cluster and events)
 *  GET /sandbox/cluster/objects[?kind=&namespace=]
 *  POST /sandbox/generated-apps {name, nodes, replicas?, namespace?}: a large app for benchmarks, synced
 */
export function registerSandboxRoutes(r: Router, d: ApiDeps): void {
  r.get('/sandbox/faults', () => ({ items: d.hooks.listFaults() }));
  r.post('/sandbox/faults', ({ body }) => {
    const specs: FaultSpec[] = Array.isArray(body) ? body : [body as FaultSpec];
    try {
      return { items: specs.map(s => d.hooks.addFault(s)) };
    } catch (e) {
      throw invalidArgument((e as Error).message);
    }
  });
  r.delete('/sandbox/faults', () => {
    d.hooks.clearFaults();
    return {};
  });
  r.delete('/sandbox/faults/{id}', ({ params }) => {
    if (!d.hooks.removeFault(params.id))
      throw notFound(`fault ${params.id} not found`);
    return {};
  });
  r.get('/sandbox/requests', ({ query }) => {
    const pattern = query.get('pattern');
    return pattern
      ? {
          pattern,
          count: d.hooks.count(pattern),
          requests: d.hooks.requests(pattern),
        }
      : { counts: d.hooks.counts(), total: d.hooks.requests().length };
  });
  r.delete('/sandbox/requests', () => {
    d.hooks.resetCounts();
    return {};
  });
  r.post('/sandbox/reset', ({ body }) => {
    d.hooks.reset();
    if ((body as any)?.state) d.resetState();
    return {};
  });
  r.post('/sandbox/generated-apps', ({ body }) =>
    generateLargeApp(d.svc, d.git, (body ?? {}) as LargeAppRequest),
  );
  r.get('/sandbox/cluster/objects', ({ query }) => ({
    items: d.sim.store.list(
      o =>
        (!query.get('kind') || o.kind === query.get('kind')) &&
        (!query.get('namespace') ||
          o.metadata.namespace === query.get('namespace')),
    ),
  }));
}
