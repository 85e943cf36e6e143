/* eslint-disable @typescript-eslint/no-explicit-any */
import { IN_CLUSTER_NAME, IN_CLUSTER_SERVER } from '../argocd/projects.ts';
import { decodeStrictly } from '../decode/goJson.ts';
import {
  projectCreateType,
  sessionCreateType,
} from '../decode/requestTypes.ts';
import { unauthenticated } from '../http/errors.ts';
import type { Router } from '../http/router.ts';
import { rfc3339 } from '../util/time.ts';
import type { ApiDeps } from './deps.ts';

/** RBAC resources Argo CD knows; `can-i` on anything else is "no". */
const RBAC_RESOURCES = [
  'applications',
  'applicationsets',
  'clusters',
  'projects',
  'repositories',
  'repositories-write',
  'accounts',
  'certificates',
  'gpgkeys',
  'logs',
  'exec',
  'extensions',
];

/** The cookie Argo CD sets on login and clears on logout. */
function tokenCookie(value: string): string {
  return `argocd.token=${value}; path=/; SameSite=lax; httpOnly${
    value ? '' : '; Max-Age=0'
  }`;
}

/**
 * The services around applications that clients call first: session (login/logout), AppProjects,
 * clusters, settings and the permission probe. The sandbox's one account is the token's user, an admin;
 * its password is the API token.
 */
export function registerPlatformRoutes(r: Router, d: ApiDeps): void {
  r.post('/api/v1/session', ({ body, res }) => {
    const req: any = decodeStrictly(body, sessionCreateType) ?? {};
    const ok =
      (req.username === d.username && req.password === d.token) ||
      (!req.username && req.token === d.token);
    if (!ok) throw unauthenticated('Invalid username or password');
    res.setHeader('Set-Cookie', tokenCookie(d.token));
    return { token: d.token };
  });

  // only clears the cookie: the token itself stays valid, as in Argo CD
  r.delete('/api/v1/session', ({ res }) => {
    res.setHeader('Set-Cookie', tokenCookie(''));
    return {};
  });

  r.get('/api/v1/projects', () => d.projects.list());
  r.get('/api/v1/projects/{name}', ({ params }) => d.projects.get(params.name));
  r.post('/api/v1/projects', ({ body }) =>
    d.projects.create(decodeStrictly(body, projectCreateType)),
  );

  r.get('/api/v1/clusters', () => ({
    metadata: {},
    items: clusterNames(d).map(name => clusterItem(d, name)),
  }));

  r.get('/api/v1/settings', ({ req }) => ({
    url: `http://${req.headers.host ?? '127.0.0.1'}`,
    appLabelKey: 'app.kubernetes.io/instance',
    trackingMethod: 'annotation',
    statusBadgeEnabled: false,
    statusBadgeRootUrl: '',
    userLoginsDisabled: false,
    execEnabled: false,
    controllerNamespace: 'argocd',
    installationID: '',
    passwordPattern: '^.{8,32}$',
    maxPodLogsToRender: 10,
    uiBannerContent: '',
    appsInAnyNamespaceEnabled: false,
    hydratorEnabled: false,
    impersonationEnabled: false,
    syncWithReplaceAllowed: true,
    kustomizeOptions: { buildOptions: '' },
    resourceOverrides: {},
    help: {},
  }));

  // `subresource` may span several path segments (e.g. `<project>/<app>`)
  for (const tail of ['{s1}', '{s1}/{s2}', '{s1}/{s2}/{s3}'])
    r.get(
      `/api/v1/account/can-i/{resource}/{action}/${tail}`,
      ({ params }) => ({
        value: RBAC_RESOURCES.includes(params.resource) ? 'yes' : 'no',
      }),
    );
}

function clusterNames(d: ApiDeps): string[] {
  const names = d.svc.options.clusters ?? [IN_CLUSTER_NAME];
  return names.includes(IN_CLUSTER_NAME) ? names : [IN_CLUSTER_NAME, ...names];
}

function clusterItem(d: ApiDeps, name: string): any {
  const now = rfc3339(d.ctl.clock.now());
  return {
    server:
      name === IN_CLUSTER_NAME
        ? IN_CLUSTER_SERVER
        : `https://${name}.clusters.sandbox.invalid`,
    name,
    config: { tlsClientConfig: { insecure: false } },
    connectionState: { status: 'Successful', message: '', attemptedAt: now },
    serverVersion: '1.33',
    info: {
      connectionState: { status: 'Successful', message: '', attemptedAt: now },
      serverVersion: '1.33',
      cacheInfo: {},
      applicationsCount: d.ctl.apps.names().length,
    },
  };
}
