import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import type { AppCenterTestDatabases, DatabaseId } from './testDatabases';
import {
  defaultPolicy,
  PolicyStub,
  startAppCenterBackend,
  StartedBackend as Started,
} from './testBackend';

/** The headers of a request made as `user`. */
export const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

/** Each of `absent` is missing from `list`: a refused write left nothing behind. */
export const expectNone = (list: string[], absent: string[]) =>
  absent.forEach(name => expect(list).not.toContain(name));

/** The App Center backend the tests of the enclosing describe block call. */
export interface ApiUnderTest {
  /** A request to the backend. */
  api(): ReturnType<typeof request>;
  /** The names of the items a list route answers `user`. */
  names(path: string, user: string): Promise<string[]>;
  /** The portal's permission policy (reset to the default after each test). */
  policy: { current: PolicyStub };
  events: Started['events'];
}

/**
 * Starts the backend over test database `databaseId` before the tests of the
 * enclosing describe block and stops it after them.
 */
export function apiUnderTest(
  databases: AppCenterTestDatabases,
  databaseId: DatabaseId,
): ApiUnderTest {
  let started: Started;
  const under: ApiUnderTest = {
    api: () => request(started.server),
    names: async (path, user) =>
      (
        await under.api().get(`/api/app-center${path}`).set(as(user))
      ).body.items.map((i: { name: string }) => i.name),
    policy: { current: defaultPolicy },
    get events() {
      return started.events;
    },
  };
  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    started = await startAppCenterBackend({ knex, policy: under.policy });
  });
  afterAll(() => started.backend.stop());
  afterEach(() => {
    under.policy.current = defaultPolicy;
  });
  return under;
}
