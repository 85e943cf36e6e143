import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { spec } from '../schema/openapi/generated/spec';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import {
  people,
  startAppCenterBackend,
  testConfig,
} from '../__testUtils__/testBackend';

jest.setTimeout(180_000);

const { databases, ids } = appCenterTestDatabases();

// Issue 12, C5: every route of the document x (no token, non-member, member, deployer, tenant admin, portal
// admin) x (normal, protected environment). The matrix checks the access decision only: a caller who may is
// never answered 401 or 403 (whatever the route then says: 404, 409, an upstream 502), one who may not gets
// 403 (401 without a token). Requests carry schema-valid bodies, so no answer is about their shape.

type Role =
  | 'none'
  | 'nonMember'
  | 'member'
  | 'deployer'
  | 'tenantAdmin'
  | 'admin';
const callers: Record<Role, string | undefined> = {
  none: undefined,
  nonMember: people.carol,
  member: people.alice,
  deployer: people.dave,
  tenantAdmin: people.bob,
  admin: people.admin,
};

/** Who may call a route: by what it touches. */
type Rule =
  | 'signedIn' // any user (answers are filtered to what they may see)
  | 'portalAdmin'
  | 'read' // tenant members
  | 'manage' // tenant admins
  | 'deploy'; // tenant members, deployers (or tenant admins) where the environment is protected

const ALLOWED: Record<Rule, (role: Role, protectedEnv: boolean) => boolean> = {
  signedIn: role => role !== 'none',
  portalAdmin: role => role === 'admin',
  read: role => ['member', 'deployer', 'tenantAdmin', 'admin'].includes(role),
  manage: role => ['tenantAdmin', 'admin'].includes(role),
  deploy: (role, protectedEnv) =>
    (protectedEnv
      ? ['deployer', 'tenantAdmin', 'admin']
      : ['member', 'deployer', 'tenantAdmin', 'admin']
    ).includes(role),
};

function ruleOf(method: string, path: string): Rule {
  if (
    [
      '/tenants',
      '/projects',
      '/access',
      '/config',
      '/entity-apps',
      '/images/tags',
    ].includes(path) &&
    method === 'get'
  )
    return 'signedIn';
  // Starting a task changes the environment its body names (dev here): decided before the body is checked.
  if (path === '/tasks' && method === 'post') return 'deploy';
  if (path.startsWith('/tasks')) return 'signedIn';
  if (path.startsWith('/tenants'))
    return method === 'get' ? 'read' : 'portalAdmin';
  if (method === 'get') return 'read';
  if (path.includes('/environments/{env}/')) return 'deploy';
  return 'manage';
}

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minimum?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
};

const resolve = (schema: Schema | undefined): Schema => {
  let s = schema ?? {};
  while (s.$ref) {
    s = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((o: any, k) => o?.[k], spec) as Schema;
  }
  return s;
};

/** Values that pass the document's checks, by property name where the type alone would not. */
const NAMED: Record<string, unknown> = {
  image: 'registry.example.com/shop/web',
  tag: '1.0.0',
  revision: 'a'.repeat(40),
  path: 'deployment.yaml',
  content: 'kind: ConfigMap\n',
  kind: 'dev',
  namespace: 'shop-dev',
  tenant: 'shop-team',
  url: 'https://git.example.com/org/gitops.git',
  instance: 'main',
  // A task request names where it goes: the tested project's environment.
  project: 'shop',
  environment: 'dev',
};

function minimal(schema: Schema | undefined, name = ''): unknown {
  const s = resolve(schema);
  if (name in NAMED) return NAMED[name];
  if (s.oneOf || s.anyOf) return minimal((s.oneOf ?? s.anyOf)![0], name);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      return 'web';
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return s.minItems ? [minimal(s.items)] : [];
    default:
      return Object.fromEntries(
        (s.required ?? []).map(key => [key, minimal(s.properties?.[key], key)]),
      );
  }
}

// The tag lookup asks a configured registry: the local stub below, which answers 404.
let IMAGE = '';

const names: Record<string, string> = {
  tenant: 'shop-team',
  project: 'shop',
  app: 'web',
  id: '00000000-0000-4000-8000-000000000000',
};

const routes = Object.entries(
  spec.paths as Record<string, Record<string, any>>,
).flatMap(([path, item]) =>
  ['get', 'put', 'post', 'delete']
    .filter(method => item[method])
    .flatMap(method => {
      const op = item[method];
      const envs = path.includes('{env}') ? ['dev', 'prod'] : ['dev'];
      return envs.map(env => ({
        method,
        path,
        env,
        url: path.replace(/\{(\w+)\}/g, (_, p) =>
          p === 'env' ? env : names[p],
        ),
        query: Object.fromEntries(
          [...(item.parameters ?? []), ...(op.parameters ?? [])]
            .map(resolve)
            .filter((p: any) => p.in === 'query' && p.required)
            .map((p: any) => [p.name, p.name === 'image' ? '' : 'web']),
        ),
        body: op.requestBody
          ? minimal(op.requestBody.content['application/json'].schema)
          : undefined,
      }));
    }),
);

// Access decisions do not depend on the database: one is enough (the route suites run on every database).
describe.each(ids.slice(0, 1))('the permission matrix on %s', databaseId => {
  let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
  let stop: () => Promise<void>;
  let upstream: Server;

  beforeAll(async () => {
    // Argo CD and the git host answer 404 to everything at once: a caller let through gets an answer fast.
    upstream = createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"not found","code":5,"message":"not found"}');
    });
    await new Promise<void>(r => upstream.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const base = `http://${host}`;
    IMAGE = `${host}/shop/web`;
    const config = JSON.parse(
      JSON.stringify(testConfig)
        .replaceAll('http://argocd.invalid', base)
        .replaceAll('http://argocd-edge.invalid', base)
        .replaceAll('https://git.example.com/org', base)
        .replace(
          '"deployerGroups":["group:default/shop-leads"]',
          '"deployerGroups":["group:default/shop-deployers"]',
        ),
    );
    config.appCenter.registries = [{ host, insecure: true }];
    const started = await startAppCenterBackend({
      knex: await databases.init(databaseId),
      config,
    });
    server = started.server;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop();
    await new Promise(r => upstream.close(r));
  });

  it.each(
    routes.map(
      r => [`${r.method.toUpperCase()} ${r.path} (${r.env})`, r] as const,
    ),
  )('%s', async (_name, route) => {
    const protectedEnv = route.env === 'prod';
    const rule = ruleOf(route.method, route.path);
    const got: Record<string, number> = {};
    const want: Record<string, string> = {};
    const query = Object.fromEntries(
      Object.entries(route.query).map(([k, v]) => [k, v || IMAGE]),
    );
    for (const [role, user] of Object.entries(callers) as [
      Role,
      string | undefined,
    ][]) {
      const req = (request(server) as any)
        [route.method](`/api/app-center${route.url}`)
        .query(query)
        .set({
          Authorization: user
            ? mockCredentials.user.header(user)
            : mockCredentials.none.header(),
        });
      const res = await (route.body === undefined ? req : req.send(route.body));
      const allowed = ALLOWED[rule](role, protectedEnv);
      got[role] = res.status;
      want[role] = allowed ? 'not 401/403' : '403';
      if (role === 'none') want[role] = '401';
    }
    const decided = Object.fromEntries(
      Object.entries(got).map(([role, status]) => [
        role,
        status === 401 || status === 403 ? String(status) : 'not 401/403',
      ]),
    );
    expect({ decided, got }).toEqual({ decided: want, got });
  });
});
