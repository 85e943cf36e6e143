/*
 * The plugin as production wires it, for the benchmarks: `appCenterPlugin` in a Backstage backend (the test
 * backend of backend-test-utils, with in-memory core services) on an in-memory SQLite database, pointed at
 * the Argo CD + git sandbox, and driven only through its HTTP API. A benchmark therefore depends on the
 * plugin's public entry point and its OpenAPI contract, never on an internal class: a refactor of the
 * services cannot break a benchmark's run without breaking its type check or the API.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import knexFactory from 'knex';
import appCenterPlugin from '../../src';

/** The benchmark's user: a member of the sandbox tenant's group (the permission policy allows all). */
export const BENCH_USER = 'user:default/bench';

const group = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

/** Starts App Center on `config` and returns a JSON client of its API (as BENCH_USER) and a stop. */
export async function startBenchBackend(config: JsonObject) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const backend = await startTestBackend({
    features: [
      appCenterPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({
        entities: ['shop-devs', 'shop-leads'].map(group),
      }),
      mockServices.permissions.factory(),
      mockServices.auditor.factory(),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          getUserInfo: async () => ({
            userEntityRef: BENCH_USER,
            ownershipEntityRefs: [
              BENCH_USER,
              'group:default/shop-devs',
              'group:default/shop-leads',
            ],
          }),
        }),
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}/api/app-center`;
  const authorization = mockCredentials.user.header(BENCH_USER);

  /** One API call; a status other than 2xx throws with the body, so a broken run cannot pass as fast. */
  async function api<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    api,
    /** The API's base URL and the user's Authorization header, for streaming reads. */
    base,
    authorization,
    stop: async () => {
      await backend.stop();
      await knex.destroy();
    },
  };
}
