import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  appCenterRegistryExtensionPoint,
  RegistryProvider,
} from '@internal/plugin-app-center-node';
import request from 'supertest';
import { testConfig } from '../__testUtils__/testBackend';
import { CallerResolver } from './CallerResolver';
import { appCenterPlugin } from '../plugin';
import {
  readRegistryConfig,
  RegistryService,
  RegistryUpstreamError,
} from '../registry';
import { json, startFakeServer } from '../registry/__testUtils__/fakeServer';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { addRegistryRoutes } from './registryRoutes';
import { readHandler } from './routeHandlers';

jest.setTimeout(60_000);

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const user = 'user:default/alice';

/** A test provider for harbor.example.com that counts its calls; `fail` makes it throw. */
function testProvider() {
  const state = { calls: 0, fail: undefined as Error | undefined };
  const provider: RegistryProvider = {
    id: 'test-harbor',
    matches: host => host === 'harbor.example.com',
    listTags: async () => {
      state.calls++;
      if (state.fail) throw state.fail;
      return Array.from({ length: 7 }, (_, i) => ({
        tag: `1.${i}`,
        createdAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
        labels: i === 6 ? ['unpublishable'] : [],
        publishable: i !== 6,
        ...(i === 6 ? { reason: 'label "unpublishable" in Harbor' } : {}),
      }));
    },
  };
  return { provider, state };
}

/** Only the registry routes, on the OpenAPI router, behind the real auth and error handling of a backend. */
async function startRegistryRoutes(
  config: object,
  providers: RegistryProvider[],
) {
  const plugin = createBackendPlugin({
    pluginId: 'app-center',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          userInfo: coreServices.userInfo,
          permissions: coreServices.permissions,
          auth: coreServices.auth,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
        },
        async init(deps) {
          const router = await createOpenApiRouter();
          const registry = new RegistryService({
            config: readRegistryConfig(deps.config),
            providers,
            logger: deps.logger,
          });
          const read = readHandler(new CallerResolver(deps));
          addRegistryRoutes(router, registry, read);
          deps.httpRouter.use(router);
        },
      });
    },
  });
  return startTestBackend({
    features: [plugin, mockServices.rootConfig.factory({ data: config })],
  });
}

describe('GET /images/tags', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let registry: Awaited<ReturnType<typeof startFakeServer>>;
  const harbor = testProvider();

  beforeAll(async () => {
    registry = await startFakeServer((_req, res, url) => {
      if (url.pathname === '/v2/team/web/tags/list')
        return json(res, 200, { name: 'team/web', tags: ['b', 'a'] });
      if (url.pathname.startsWith('/v2/team/web/manifests/'))
        return json(res, 404, { errors: [] });
      if (url.pathname === '/v2/team/down/tags/list')
        return json(res, 503, {
          errors: [{ code: 'UNAVAILABLE', message: 'maintenance' }],
        });
      return json(res, 404, {
        errors: [
          {
            code: 'NAME_UNKNOWN',
            message: 'repository name not known to registry',
          },
        ],
      });
    });
    backend = await startRegistryRoutes(
      { appCenter: { registries: [{ host: registry.host, insecure: true }] } },
      [harbor.provider],
    );
  });
  afterAll(async () => {
    await backend.stop();
    await registry.close();
  });
  afterEach(() => {
    harbor.state.fail = undefined;
  });

  const get = (query: Record<string, string>) =>
    request(backend.server)
      .get('/api/app-center/images/tags')
      .query(query)
      .set(as(user));

  it('answers 401 without a user token', async () => {
    const res = await request(backend.server)
      .get('/api/app-center/images/tags')
      .query({ image: `${registry.host}/team/web` })
      .set({ Authorization: mockCredentials.none.header() });
    expect(res.status).toBe(401);
    expect(registry.requests).toHaveLength(0);
  });

  it('answers 400 for an unparsable image reference, without asking any registry', async () => {
    const before = registry.requests.length;
    for (const image of [
      'Not An Image!',
      `${registry.host}/UPPER`,
      'a@sha256:short',
    ]) {
      const res = await get({ image });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(/^invalid image reference/);
    }
    expect((await get({})).status).toBe(400);
    const image = `${registry.host}/team/web`;
    expect((await get({ image, limit: '0' })).status).toBe(400);
    expect((await get({ image, limit: '101' })).status).toBe(400);
    expect((await get({ image, cursor: 'nope' })).status).toBe(400);
    expect(registry.requests.length).toBe(before);
    expect(harbor.state.calls).toBe(0);
  });

  it('lists through a provider, newest first, paged, with unpublishable tags marked', async () => {
    const first = await get({
      image: 'harbor.example.com/shop/web:1.0',
      limit: '3',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      repository: 'harbor.example.com/shop/web',
      source: 'test-harbor',
      total: 7,
      order: { by: 'created', createdResolved: 7 },
    });
    expect(first.body.items[0]).toEqual({
      tag: '1.6',
      createdAt: '2024-01-07T00:00:00.000Z',
      labels: ['unpublishable'],
      publishable: false,
      reason: 'label "unpublishable" in Harbor',
    });
    expect(first.body.items.map((t: { tag: string }) => t.tag)).toEqual([
      '1.6',
      '1.5',
      '1.4',
    ]);
    const second = await get({
      image: 'harbor.example.com/shop/web',
      limit: '3',
      cursor: first.body.nextCursor,
    });
    expect(second.body.items.map((t: { tag: string }) => t.tag)).toEqual([
      '1.3',
      '1.2',
      '1.1',
    ]);
    const last = await get({
      image: 'harbor.example.com/shop/web',
      limit: '3',
      cursor: second.body.nextCursor,
    });
    expect(last.body.items.map((t: { tag: string }) => t.tag)).toEqual(['1.0']);
    expect(last.body.nextCursor).toBeUndefined();
    expect(harbor.state.calls).toBe(1);
  });

  it('lists through the OCI API for other hosts', async () => {
    const res = await get({ image: `${registry.host}/team/web:b` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      source: 'oci',
      total: 2,
      repository: `${registry.host}/team/web`,
    });
    expect(
      res.body.items.map((t: { tag: string; publishable: boolean }) => [
        t.tag,
        t.publishable,
      ]),
    ).toEqual([
      ['b', true],
      ['a', true],
    ]);
  });

  it('answers 404 for a repository the registry does not have', async () => {
    const res = await get({ image: `${registry.host}/team/missing` });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      `repository team/missing not found in registry ${registry.host} (NAME_UNKNOWN: repository name not known to registry)`,
    );
  });

  it('refuses to probe hosts nobody configured: loopback, link-local, anything outside the caller projects', async () => {
    const bystander = await startFakeServer((_req, res) =>
      json(res, 200, { name: 'x', tags: ['1'] }),
    );
    try {
      for (const image of [
        `${bystander.host}/x`,
        '127.0.0.1:1/x',
        '169.254.169.254/latest',
        '10.0.0.1:5000/x',
        'registry.unknown.example/x',
      ]) {
        const res = await get({ image });
        expect([image, res.status]).toEqual([image, 403]);
        expect(res.body.error.message).toMatch(
          /is not one App Center may query.*appCenter\.registries/,
        );
        expect(res.body.error.message).not.toMatch(/ECONN|ENOTFOUND|timed/);
      }
      expect(bystander.requests).toHaveLength(0);
    } finally {
      await bystander.close();
    }
  });

  it('answers 502 when the registry fails, 504 when a provider times out', async () => {
    const down = await get({ image: `${registry.host}/team/down` });
    expect(down.status).toBe(502);
    expect(down.body.error.message).toBe(
      `registry ${registry.host} failed on GET tags/list of team/down (HTTP 503): UNAVAILABLE: maintenance`,
    );
    harbor.state.fail = new RegistryUpstreamError(
      'Harbor harbor.example.com did not answer within 10000 ms',
      {
        registry: 'harbor.example.com',
        statusCode: 504,
      },
    );
    const slow = await get({ image: 'harbor.example.com/shop/api' });
    expect(slow.status).toBe(504);
    expect(slow.body.error.message).toBe(
      'Harbor harbor.example.com did not answer within 10000 ms',
    );
  });
});

describe('GET /images/tags on the App Center plugin', () => {
  it('uses the providers that backend modules add through appCenterRegistryExtensionPoint', async () => {
    const harbor = testProvider();
    const module = createBackendModule({
      pluginId: 'app-center',
      moduleId: 'test-registry',
      register(env) {
        env.registerInit({
          deps: { registry: appCenterRegistryExtensionPoint },
          async init({ registry }) {
            registry.addRegistryProvider(harbor.provider);
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        appCenterPlugin,
        module,
        mockServices.rootConfig.factory({ data: testConfig }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    try {
      const res = await request(backend.server)
        .get('/api/app-center/images/tags')
        .query({ image: 'harbor.example.com/shop/web', limit: 2 })
        .set(as(user));
      expect(res.status).toBe(200);
      expect(res.body.source).toBe('test-harbor');
      expect(res.body.items.map((t: { tag: string }) => t.tag)).toEqual([
        '1.6',
        '1.5',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
