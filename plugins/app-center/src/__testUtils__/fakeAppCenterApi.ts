import { ResponseError } from '@backstage/errors';
import type {
  Capabilities,
  Capability,
  EntityApps,
  Environment,
  EnvironmentApp,
  Task,
} from '@internal/plugin-app-center-common';
import type { AppCenterApi } from '../api';

const stamp = {
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

export const devEnv: Environment = {
  name: 'dev',
  project: 'shop',
  title: 'Development',
  kind: 'dev',
  destination: { name: 'in-cluster', namespace: 'shop-dev' },
  protected: false,
  deployerGroups: [],
  source: 'config',
  ...stamp,
};

export const prodEnv: Environment = {
  ...devEnv,
  name: 'prod',
  title: 'Production',
  kind: 'prod',
  destination: { name: 'in-cluster', namespace: 'shop-prod' },
  protected: true,
  deployerGroups: ['group:default/shop-leads'],
};

/** What the backend answers when the caller may do everything (e.g. a tenant admin), with overrides. */
export function capabilities(
  overrides: Partial<Capabilities> = {},
): Capabilities {
  const allowed: Capability = { allowed: true };
  return {
    read: allowed,
    editTemplates: allowed,
    editEnvironmentApp: allowed,
    deploy: allowed,
    manage: allowed,
    ...overrides,
  };
}

/** The backend's answer for a member on the protected prod environment. */
export const protectedProd: Capability = {
  allowed: false,
  reason:
    'prod is protected: deployers are group:default/shop-leads and the admins of tenant "shop-team"',
};

/** The backend's answer where the portal's permission policy denies deploying to shop/dev. */
export const policyDeniesDev: Capability = {
  allowed: false,
  reason:
    "the portal's permission policy does not allow it (app-center.environment.deploy on shop/dev)",
};

export const webApp: EnvironmentApp = {
  name: 'web',
  project: 'shop',
  environment: 'dev',
  state: 'associated',
  application: 'shop-dev-web',
  mainKind: 'Deployment',
  images: {
    manifest: ['registry.example.com/shop/web:1.2'],
    running: ['registry.example.com/shop/web:1.1'],
  },
  sync: { status: 'OutOfSync' },
  health: { status: 'Healthy' },
  lastTask: {
    id: 't-1',
    kind: 'deploy',
    status: 'succeeded',
    createdAt: '2025-01-01T00:00:00Z',
  },
};

export const entityApps: EntityApps = {
  project: 'shop',
  app: 'web',
  templateExists: true,
  environments: [
    {
      environment: prodEnv,
      capabilities: capabilities({
        deploy: protectedProd,
        editEnvironmentApp: protectedProd,
      }),
    },
    { environment: devEnv, capabilities: capabilities(), app: webApp },
  ],
};

export function task(overrides: Partial<Task> = {}): Task {
  return {
    id: 't-1',
    kind: 'deploy',
    status: 'running',
    project: 'shop',
    environment: 'dev',
    apps: ['web'],
    steps: [
      {
        id: 'commit',
        title: 'Commit the new tags',
        status: 'succeeded',
        message: 'committed abc1234',
        startedAt: '2025-01-01T00:00:00Z',
        finishedAt: '2025-01-01T00:00:03Z',
      },
      {
        id: 'deploy:web',
        title: 'Sync and wait until healthy',
        app: 'web',
        status: 'running',
        startedAt: '2025-01-01T00:00:03Z',
      },
    ],
    requestedBy: 'user:default/alice',
    cancelRequested: false,
    attempts: 1,
    ...stamp,
    ...overrides,
  };
}

/** A failed request as the client throws it. */
export async function responseError(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): Promise<ResponseError> {
  const names: Record<number, string> = {
    400: 'InputError',
    403: 'NotAllowedError',
    404: 'NotFoundError',
    409: 'ConflictError',
  };
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: names[status] ?? 'Error', message, ...extra },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

/** A fake backend: every method is a jest mock; tests override what they use. */
export function fakeApi(
  overrides: Partial<AppCenterApi> = {},
): jest.Mocked<AppCenterApi> {
  const notUsed = (name: string) =>
    jest.fn(async () => {
      throw new Error(`${name} not expected in this test`);
    });
  const base: Record<string, jest.Mock> = {};
  for (const name of [
    'getAccess',
    'getPortalConfig',
    'listTenants',
    'getTenant',
    'createTenant',
    'updateTenant',
    'deleteTenant',
    'listProjects',
    'getProject',
    'createProject',
    'updateProject',
    'deleteProject',
    'listEnvironments',
    'getEnvironment',
    'createEnvironment',
    'updateEnvironment',
    'deleteEnvironment',
    'getEntityApps',
    'listEnvironmentApps',
    'getEnvironmentApp',
    'associateApp',
    'recreateApplication',
    'listTasks',
    'getTask',
    'cancelTask',
    'startTask',
    'listImageTags',
    'deploy',
    'scaleApp',
    'setAutoscaling',
    'removeAutoscaling',
    'rollbackApp',
    'syncApp',
    'getAppHistory',
    'getImageSecurity',
    'getAppFiles',
    'putAppFiles',
    'getResourceTree',
    'watchResourceTree',
    'getResource',
    'getResourceDiff',
    'listResourceEvents',
    'syncResource',
    'deleteResource',
    'streamLogs',
    'downloadLogs',
  ]) {
    base[name] = notUsed(name);
  }
  base.getTask = jest.fn(async () => task());
  base.getAccess = jest.fn(async () => ({
    portalAdmin: false,
    tenants: [{ tenant: 'shop-team', admin: false }],
  }));
  base.getProject = jest.fn(async () => ({
    name: 'shop',
    tenant: 'shop-team',
  }));
  const mocks: Record<string, unknown> = { ...base };
  for (const [name, impl] of Object.entries(overrides)) {
    mocks[name] = jest.fn(impl as any);
  }
  return mocks as unknown as jest.Mocked<AppCenterApi>;
}
