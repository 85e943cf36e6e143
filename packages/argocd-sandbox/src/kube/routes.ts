import type { ServerResponse } from 'node:http';
import {
  matchesSelector,
  parseSelector,
  SelectorError,
} from '../argocd/selector.ts';
import type { ClusterStore } from '../cluster/store.ts';
import type { RequestContext, Router } from '../http/router.ts';
import { isAuthenticated } from '../http/server.ts';
import {
  TRIVY_GROUP,
  TRIVY_VERSION,
  vulnerabilityReports,
} from './vulnerabilityReports.ts';

/** A Kubernetes `Status` failure, the body of every error of the Kubernetes API. */
function status(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
): undefined {
  const body = JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(body);
  return undefined;
}

const BASE = `/apis/${TRIVY_GROUP}/${TRIVY_VERSION}`;

/**
 * The slice of the Kubernetes API that trivy-operator's reports live in, as `@kubernetes/client-node`
 * reads it through a kubeconfig (bearer token = the sandbox token): VulnerabilityReports listed per
 * namespace or cluster-wide (with `labelSelector`) and read by name, computed from what runs in the
 * simulated cluster, with findings that depend on the image tag. Plus `/version` and the group discovery.
 */
export function registerKubeRoutes(
  r: Router,
  d: { store: ClusterStore; token: string },
): void {
  const guarded =
    (handler: (ctx: RequestContext) => unknown) => (ctx: RequestContext) =>
      isAuthenticated(ctx.req, d.token)
        ? handler(ctx)
        : status(ctx.res, 401, 'Unauthorized', 'Unauthorized');

  r.get('/version', () => ({
    major: '1',
    minor: '33',
    gitVersion: 'v1.33.0+sandbox',
    platform: 'linux/amd64',
  }));
  r.get(
    '/apis',
    guarded(() => ({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        {
          name: TRIVY_GROUP,
          versions: [
            {
              groupVersion: `${TRIVY_GROUP}/${TRIVY_VERSION}`,
              version: TRIVY_VERSION,
            },
          ],
          preferredVersion: {
            groupVersion: `${TRIVY_GROUP}/${TRIVY_VERSION}`,
            version: TRIVY_VERSION,
          },
        },
      ],
    })),
  );

  const list = ({ params, query, res }: RequestContext) => {
    let selector;
    try {
      selector = parseSelector(query.get('labelSelector'));
    } catch (e) {
      if (e instanceof SelectorError)
        return status(res, 400, 'BadRequest', (e as Error).message);
      throw e;
    }
    return {
      apiVersion: `${TRIVY_GROUP}/${TRIVY_VERSION}`,
      kind: 'VulnerabilityReportList',
      metadata: { resourceVersion: '' },
      items: vulnerabilityReports(d.store, params.namespace).filter(v =>
        matchesSelector(selector, v.metadata.labels),
      ),
    };
  };
  r.get(`${BASE}/vulnerabilityreports`, guarded(list));
  r.get(`${BASE}/namespaces/{namespace}/vulnerabilityreports`, guarded(list));
  r.get(
    `${BASE}/namespaces/{namespace}/vulnerabilityreports/{name}`,
    guarded(({ params, res }) => {
      const found = vulnerabilityReports(d.store, params.namespace).find(
        v => v.metadata.name === params.name,
      );
      return (
        found ??
        status(
          res,
          404,
          'NotFound',
          `vulnerabilityreports.${TRIVY_GROUP} "${params.name}" not found`,
        )
      );
    }),
  );
}

/** A kubeconfig for `@kubernetes/client-node` (or kubectl) pointing at the sandbox's Kubernetes API. */
export function sandboxKubeconfig(url: string, token: string): string {
  return `apiVersion: v1
kind: Config
clusters:
  - name: sandbox
    cluster:
      server: ${url}
      # plain http (dev only): client-node accepts it only with TLS verification off
      insecure-skip-tls-verify: true
users:
  - name: sandbox
    user:
      token: ${token}
contexts:
  - name: sandbox
    context:
      cluster: sandbox
      user: sandbox
      namespace: default
current-context: sandbox
`;
}
