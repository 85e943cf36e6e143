import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArgoCDSandbox, startArgoCDSandbox } from '@internal/argocd-sandbox';
import { appCenterPlugin } from '../plugin';

/** The people of the tests and the groups they own, as the catalog would resolve them. */
export const people = {
  admin: 'user:default/admin', // portal admin
  bob: 'user:default/bob', // admin of tenant shop-team
  alice: 'user:default/alice', // member of tenant shop-team
  carol: 'user:default/carol', // member of tenant data-team only
  mallory: 'user:default/mallory', // in no tenant
  dave: 'user:default/dave', // member of shop-team and of shop-deployers (no tenant admin)
} as const;

const ownership: Record<string, string[]> = {
  [people.admin]: [people.admin, 'group:default/platform'],
  [people.bob]: [people.bob, 'group:default/shop-leads'],
  [people.alice]: [people.alice, 'group:default/shop-devs'],
  [people.carol]: [people.carol, 'group:default/data-devs'],
  [people.mallory]: [people.mallory],
  [people.dave]: [
    people.dave,
    'group:default/shop-devs',
    'group:default/shop-deployers',
  ],
};

const group = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

export const testConfig: JsonObject = {
  appCenter: {
    argocd: {
      instances: [
        { name: 'main', url: 'http://argocd.invalid', token: 'unused' },
        { name: 'edge', url: 'http://argocd-edge.invalid', token: 'unused' },
      ],
    },
    tenants: [
      {
        name: 'shop-team',
        title: 'Shop team',
        groups: ['group:default/shop-devs'],
        adminGroups: ['group:default/shop-leads'],
        projects: [
          {
            name: 'shop',
            repo: { url: 'https://git.example.com/org/gitops.git' },
            argocd: { instance: 'main' },
            environments: [
              {
                name: 'dev',
                kind: 'dev',
                destination: { name: 'in-cluster', namespace: 'shop-dev' },
              },
              {
                name: 'prod',
                kind: 'prod',
                destination: {
                  server: 'https://kubernetes.default.svc',
                  namespace: 'shop-prod',
                },
                protected: true,
                deployerGroups: ['group:default/shop-leads'],
              },
            ],
          },
        ],
      },
      {
        name: 'data-team',
        groups: ['group:default/data-devs'],
        adminGroups: [],
      },
    ],
  },
};

/** What the portal's permission policy says in a test; by default App Center's own rules decide alone. */
export type PolicyStub = (
  permission: string,
  user: string,
  resourceRef?: string,
) => boolean;

export const defaultPolicy: PolicyStub = (permission, user) =>
  permission === 'app-center.admin' ? user === people.admin : true;

/**
 * An Argo CD sandbox for the test config's instances (both names point at it): creating or changing projects
 * asks it for their AppProject (`default` allows everything; tests create others through its API).
 */
async function startTestArgoCD(): Promise<{
  sandbox: ArgoCDSandbox;
  config: JsonObject;
  close(): Promise<void>;
}> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-argocd-'));
  const sandbox = await startArgoCDSandbox({
    dataDir: dir,
    gitRoot: path.join(dir, 'git'),
    port: 0,
  });
  const config = JSON.parse(
    JSON.stringify(testConfig)
      .replaceAll('http://argocd.invalid', sandbox.url)
      .replaceAll('http://argocd-edge.invalid', sandbox.url)
      .replaceAll('"unused"', JSON.stringify(sandbox.token)),
  );
  return {
    sandbox,
    config,
    close: async () => {
      await sandbox.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a backend with App Center on the given database, a catalog holding the test groups, per-user
 * ownership refs, a stub permission policy (changeable per test) and an auditor mock.
 */
export async function startAppCenterBackend(options: {
  knex: Knex;
  config?: JsonObject;
  policy?: { current: PolicyStub };
  /** More catalog entities (e.g. Components with app-center.io/app), besides the test groups. */
  entities?: Array<Record<string, any>>;
  /** More backend features (e.g. a module adding a registry provider). */
  features?: Parameters<typeof startTestBackend>[0]['features'];
}) {
  const policy = options.policy ?? { current: defaultPolicy };
  const auditor = mockServices.auditor.mock();
  const events: Array<{ eventId: string; outcome?: string; meta?: unknown }> =
    [];
  auditor.createEvent.mockImplementation(async ({ eventId, meta }) => {
    const entry: (typeof events)[number] = { eventId, meta };
    events.push(entry);
    return {
      success: async () => {
        entry.outcome = 'success';
      },
      fail: async () => {
        entry.outcome = 'fail';
      },
    };
  });
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, opts) => {
      const principal = opts!.credentials.principal as {
        userEntityRef?: string;
      };
      return requests.map(r => ({
        result: policy.current(
          r.permission.name,
          principal.userEntityRef ?? '',
          'resourceRef' in r ? (r.resourceRef as string) : undefined,
        )
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
  });
  const userInfo = createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      getUserInfo: async (credentials: any) => {
        const ref = credentials.principal.userEntityRef as string;
        return {
          userEntityRef: ref,
          ownershipEntityRefs: ownership[ref] ?? [ref],
        };
      },
    }),
  });
  // Without a config of its own, the test's Argo CD instances are a sandbox, stopped with the backend.
  const argocd = options.config ? undefined : await startTestArgoCD();
  const backend = await startTestBackend({
    features: [
      appCenterPlugin,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: options.config ?? argocd!.config,
      }),
      catalogServiceMock.factory({
        entities: [
          ...[
            'shop-devs',
            'shop-leads',
            'data-devs',
            'data-leads',
            'platform',
            'shop-deployers',
          ].map(group),
          ...((options.entities ?? []) as ReturnType<typeof group>[]),
        ],
      }),
      permissions.factory,
      auditor.factory,
      userInfo,
      ...(options.features ?? []),
    ],
  });
  if (argocd) {
    const stopBackend = backend.stop.bind(backend);
    backend.stop = async () => {
      await stopBackend();
      await argocd.close();
    };
  }
  return {
    backend,
    server: backend.server,
    events,
    policy,
    argocd: argocd?.sandbox,
  };
}

/** A backend that {@link startAppCenterBackend} started. */
export type StartedBackend = Awaited<ReturnType<typeof startAppCenterBackend>>;
