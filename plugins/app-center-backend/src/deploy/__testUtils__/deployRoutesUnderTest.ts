import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { appCenterRegistryExtensionPoint } from '@internal/plugin-app-center-node';
import request from 'supertest';
import { appCenterTestDatabases } from '../../__testUtils__/testDatabases';
import { people, startAppCenterBackend } from '../../__testUtils__/testBackend';
import {
  DeploySandbox,
  REGISTRY,
  startDeploySandbox,
  waitFor,
} from './deploySandbox';

export const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
export const img = (app: string) => `${REGISTRY}/shop/${app}`;

/** A registry provider that marks tags containing "quarantined" unpublishable (as Harbor's label would). */
export const quarantine = createBackendModule({
  pluginId: 'app-center',
  moduleId: 'test-registry',
  register(env) {
    env.registerInit({
      deps: { registry: appCenterRegistryExtensionPoint },
      async init({ registry }) {
        registry.addRegistryProvider({
          id: 'test',
          matches: host => host === REGISTRY,
          tagLabels: async (_image, tag) =>
            tag.includes('quarantined')
              ? { publishable: false, reason: 'label "unpublishable"' }
              : { publishable: true },
        });
      },
    });
  },
});

/** The routes of environment dev of project shop. */
export const DEV = '/api/app-center/projects/shop/environments/dev';
/** The backend and deploy sandbox the route tests of the enclosing describe block call. */
export interface DeployRoutesUnderTest {
  sb: DeploySandbox;
  api(): ReturnType<typeof request>;
  /** The Argo CD Application of an app in shop/dev, as the sandbox holds it. */
  argoApp(app: string): any;
  /** The task once it ended. */
  finished(id: string): Promise<any>;
  /** POST .../deployments of these tags, as `user` (alice by default). */
  deploy(
    apps: Array<{ app: string; tag: string }>,
    user?: string,
  ): ReturnType<ReturnType<typeof request>['post']>;
  /** How many tasks project shop has. */
  taskCount(): Promise<number>;
}

/**
 * Starts the deploy sandbox (apps web, api, cart, pay) and a backend with the quarantine provider over
 * test database `databaseId` before the tests of the enclosing describe block; stops both after them.
 */
export function deployRoutesUnderTest(
  databases: ReturnType<typeof appCenterTestDatabases>['databases'],
  databaseId: ReturnType<typeof appCenterTestDatabases>['ids'][number],
): DeployRoutesUnderTest {
  let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
  let stop: () => Promise<void>;
  const t: DeployRoutesUnderTest = {
    sb: undefined as unknown as DeploySandbox,
    api: () => request(server),
    argoApp: app => t.sb.stack.argocd.argocd.apps.get(`shop.dev.${app}`) as any,
    finished: id =>
      waitFor(async () => {
        const res = await t
          .api()
          .get(`/api/app-center/tasks/${id}`)
          .set(as(people.alice));
        return ['succeeded', 'failed', 'cancelled'].includes(res.body.status)
          ? res.body
          : undefined;
      }, `task ${id}`),
    deploy: (apps, user = people.alice) =>
      t
        .api()
        .post(`${DEV}/deployments`)
        .set(as(user))
        .send({
          apps: apps.map(a => ({
            app: a.app,
            images: [{ image: img(a.app), tag: a.tag }],
          })),
        }),
    taskCount: async () =>
      (
        await t
          .api()
          .get('/api/app-center/tasks?project=shop')
          .set(as(people.alice))
      ).body.items.length,
  };
  beforeAll(async () => {
    t.sb = await startDeploySandbox({ apps: ['web', 'api', 'cart', 'pay'] });
    const knex = await databases.init(databaseId);
    const started = await startAppCenterBackend({
      knex,
      config: t.sb.config,
      features: [quarantine],
    });
    server = started.server;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop?.();
    await t.sb?.cleanup();
  });
  afterEach(() => t.sb.stack.argocd.hooks.reset());
  return t;
}
