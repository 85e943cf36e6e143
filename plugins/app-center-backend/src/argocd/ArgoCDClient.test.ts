import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startArgoCDSandbox,
  startSandboxStack,
  SandboxStack,
  validateAgainstSwagger,
} from '@internal/argocd-sandbox';
import { ArgoCDClient } from './ArgoCDClient';
import { buildApplication } from './applicationName';
import type { Application } from './types';

jest.setTimeout(60_000);

/** Every request the client sends, with its body checked against the swagger definition of that call. */
type Sent = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
};

const REQUEST_BODIES: Array<[RegExp, string, string]> = [
  [/\/api\/v1\/applications$/, 'POST', 'v1alpha1Application'],
  [/\/sync$/, 'POST', 'applicationApplicationSyncRequest'],
  [/\/resource\/actions\/v2$/, 'POST', 'applicationResourceActionRunRequestV2'],
];

function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    const headers = { ...(init?.headers as Record<string, string>) };
    const entry: Sent = {
      method: init?.method ?? 'GET',
      url,
      headers,
      body: init?.body as string,
    };
    sent.push(entry);
    const pathname = new URL(url).pathname;
    for (const [pattern, method, definition] of REQUEST_BODIES) {
      if (entry.method === method && pattern.test(pathname)) {
        const result = validateAgainstSwagger(
          definition,
          JSON.parse(entry.body!),
        );
        if (!result.valid) {
          throw new Error(
            `request body of ${method} ${pathname} does not match ${definition}: ${result.errors}`,
          );
        }
      }
    }
    return fetch(input, init);
  };
}

const project = {
  name: 'shop',
  tenant: 'shop-team',
  repo: { url: '', branch: 'main', dir: '' },
  argocd: { instance: 'main', project: 'default' },
} as any;
const dev = {
  name: 'dev',
  project: 'shop',
  destination: { name: 'in-cluster', namespace: 'shop-dev' },
} as any;

async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

describe('ArgoCDClient against the sandbox', () => {
  let tmp: string;
  let stack: SandboxStack;
  let client: ArgoCDClient;
  const sent: Sent[] = [];
  let app: Application;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-argocd-'));
    stack = await startSandboxStack({
      dataDir: tmp,
      port: 0,
      gitPort: 0,
      podReadyDelayMs: 20,
      syncDelayMs: 150,
      deleteDelayMs: 80,
      reconcileIntervalMs: 0,
      scaleDownDelayMs: 50,
      logIntervalMs: 20,
    });
    project.repo.url = stack.exampleRepoUrl;
    client = new ArgoCDClient(
      { name: 'main', url: stack.argocd.url, token: stack.argocd.token },
      { timeoutMs: 2000, backoffMs: 10, fetch: recordingFetch(sent) },
    );
    app = buildApplication(project, dev, 'web');
  });
  afterAll(async () => {
    await stack?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });
  afterEach(() => stack.argocd.hooks.reset());

  it('creates an application idempotently, refuses a different spec without upsert (409), upserts', async () => {
    const created = await client.createApplication(app);
    expect(created.metadata.name).toBe('shop.dev.web');
    expect(created.metadata.labels).toMatchObject({
      'app-center.io/managed-by': 'app-center',
    });
    expect(created.status?.operationState).toBeUndefined();
    await expect(client.createApplication(app)).resolves.toMatchObject({
      metadata: { name: 'shop.dev.web' },
    });

    const changed = {
      ...app,
      spec: {
        ...app.spec,
        source: { ...app.spec.source!, targetRevision: 'HEAD' },
      },
    };
    await expect(client.createApplication(changed)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(/existing application spec is different/),
    });
    await client.createApplication(changed, { upsert: true });
    expect(
      (await client.getApplication(app.metadata.name)).spec.source!
        .targetRevision,
    ).toBe('HEAD');
    await client.createApplication(app, { upsert: true });
  });

  it('lists by label selector and AppProject in one call, with repeated projects keys', async () => {
    const before = stack.argocd.hooks.count('GET /api/v1/applications');
    const items = await client.listApplications({
      selector: 'app-center.io/project=shop,app-center.io/environment=dev',
      projects: ['default', 'other'],
    });
    expect(items.map(a => a.metadata.name)).toEqual(['shop.dev.web']);
    expect(stack.argocd.hooks.count('GET /api/v1/applications')).toBe(
      before + 1,
    );
    expect(sent[sent.length - 1].url).toMatch(
      /projects=default&projects=other/,
    );
    expect(
      await client.listApplications({
        selector: 'app-center.io/environment=prod',
      }),
    ).toEqual([]);
  });

  it('maps a missing application to 404 with and without project (Argo CD says 403 without)', async () => {
    await expect(client.getApplication('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
      upstreamStatus: 403,
      message: expect.stringMatching(/application nope does not exist/),
    });
    await expect(
      client.getApplication('nope', { project: 'default' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      upstreamStatus: 404,
    });
    await expect(
      client.getApplication(app.metadata.name, { project: 'other' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('syncs, refuses a second sync while one runs (409), and reads tree, resources, events, metadata, logs', async () => {
    const synced = await client.sync(app.metadata.name, {
      prune: true,
      project: 'default',
    });
    expect(synced.operation).toBeTruthy();
    await expect(client.sync(app.metadata.name, {})).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /another operation is already in progress/,
      ),
    });
    const done = await waitFor(async () => {
      const a = await client.getApplication(app.metadata.name, {
        project: 'default',
      });
      return a.status?.operationState?.phase === 'Succeeded' &&
        a.status.health?.status === 'Healthy'
        ? a
        : undefined;
    }, 'the sync');
    expect(done.status!.summary!.images).toEqual([
      `${stack.argocd.registryHost}/shop/web:1.0.0`,
    ]);
    await expect(
      client.terminateOperation(app.metadata.name, { project: 'default' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/No operation is in progress/),
    });

    const tree = await client.resourceTree(app.metadata.name, {
      project: 'default',
    });
    const deployment = tree.nodes!.find(n => n.kind === 'Deployment')!;
    expect(deployment).toMatchObject({ name: 'web', namespace: 'shop-dev' });
    expect(tree.nodes!.filter(n => n.kind === 'Pod')).toHaveLength(2);

    const diffs = await client.managedResources(
      app.metadata.name,
      { kind: 'Deployment' },
      { project: 'default' },
    );
    expect(diffs).toHaveLength(1);
    expect(JSON.parse(diffs[0].liveState!)).toMatchObject({
      kind: 'Deployment',
    });

    const ref = {
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'shop-dev',
      resourceName: 'web',
    };
    expect(
      await client.getResource(app.metadata.name, ref, { project: 'default' }),
    ).toMatchObject({
      kind: 'Deployment',
      metadata: { name: 'web' },
    });
    const actions = await client.listResourceActions(app.metadata.name, ref, {
      project: 'default',
    });
    expect(actions.map(a => a.name)).toContain('restart');

    const events = await client.events(
      app.metadata.name,
      {},
      { project: 'default' },
    );
    expect(events.length).toBeGreaterThan(0);
    const meta = await client.revisionMetadata(
      app.metadata.name,
      done.status!.sync!.revision!,
      {
        project: 'default',
      },
    );
    expect(meta.message).toBeTruthy();

    const lines = [];
    for await (const entry of client.podLogs(
      app.metadata.name,
      {
        kind: 'Deployment',
        group: 'apps',
        resourceName: 'web',
        namespace: 'shop-dev',
        tailLines: 3,
      },
      { project: 'default' },
    )) {
      lines.push(entry);
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.every(l => l.last === false && typeof l.podName === 'string'),
    ).toBe(true);
  });

  it('runs resource actions with v2 and falls back to v1 on an older server', async () => {
    const ref = {
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'shop-dev',
      resourceName: 'web',
    };
    await client.runResourceAction(app.metadata.name, ref, 'restart', {
      project: 'default',
    });
    expect(
      stack.argocd.hooks.count(
        'POST /api/v1/applications/*/resource/actions/v2',
      ),
    ).toBe(1);

    stack.argocd.hooks.fail(
      'POST /api/v1/applications/*/resource/actions/v2',
      404,
      'Not Found',
    );
    const older = new ArgoCDClient(
      { name: 'old', url: stack.argocd.url, token: stack.argocd.token },
      { fetch: recordingFetch(sent) },
    );
    await older.runResourceAction(app.metadata.name, ref, 'restart', {
      project: 'default',
    });
    await older.runResourceAction(app.metadata.name, ref, 'restart', {
      project: 'default',
    });
    // v2 tried once, v1 used from then on; the v1 body is the action name as a JSON string
    expect(
      stack.argocd.hooks.count(
        'POST /api/v1/applications/*/resource/actions/v2',
      ),
    ).toBe(2);
    expect(
      stack.argocd.hooks.count('POST /api/v1/applications/*/resource/actions'),
    ).toBe(2);
    expect(sent[sent.length - 1].body).toBe('"restart"');
  });

  it('sends Content-Type: application/json on every non-GET, DELETE included, and the token only as a header', () => {
    const writes = sent.filter(s => s.method !== 'GET');
    expect(writes.map(s => s.method)).toEqual(
      expect.arrayContaining(['POST', 'DELETE']),
    );
    expect(
      writes.filter(s => s.headers['Content-Type'] !== 'application/json'),
    ).toEqual([]);
    expect(
      sent.filter(
        s => s.headers.Authorization !== `Bearer ${stack.argocd.token}`,
      ),
    ).toEqual([]);
    expect(sent.filter(s => s.url.includes(stack.argocd.token))).toEqual([]);
  });

  describe('errors', () => {
    it('answers 502 naming the instance when the token is refused, without the token', async () => {
      const bad = new ArgoCDClient({
        name: 'main',
        url: stack.argocd.url,
        token: 'wrong-secret-token',
      });
      const error = await bad.listApplications().catch(e => e);
      expect(error).toMatchObject({ statusCode: 502, upstreamStatus: 401 });
      expect(error.message).toMatch(
        /Argo CD "main" rejected App Center's token \(401: invalid session/,
      );
      expect(
        JSON.stringify({ ...error, message: error.message }),
      ).not.toContain('wrong-secret-token');
    });

    it('maps a 403 with project to NotAllowedError, 404 to NotFoundError, 409 to ConflictError', async () => {
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        403,
        'permission denied',
        1,
      );
      await expect(
        client.getApplication(app.metadata.name, { project: 'default' }),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(
          /denied .* App Center's account: permission denied/,
        ),
      });
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*/resource-tree',
        404,
        'gone',
        1,
      );
      await expect(
        client.resourceTree(app.metadata.name),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      stack.argocd.hooks.fail(
        'POST /api/v1/applications',
        409,
        'already exists',
        1,
      );
      await expect(client.createApplication(app)).rejects.toMatchObject({
        name: 'ConflictError',
      });
    });

    it('answers a server error with 502 and the upstream message; retries reads only', async () => {
      stack.argocd.hooks.fail(
        'GET /api/v1/applications',
        503,
        'cache not ready',
        2,
      );
      expect(
        await client.listApplications({
          selector: 'app-center.io/project=shop',
        }),
      ).toHaveLength(1);
      expect(stack.argocd.hooks.count('GET /api/v1/applications')).toBe(3);

      stack.argocd.hooks.fail(
        'POST /api/v1/applications',
        503,
        'etcd unavailable',
        1,
      );
      await expect(client.createApplication(app)).rejects.toMatchObject({
        statusCode: 502,
        message:
          'Argo CD "main" failed on POST /applications (HTTP 503): etcd unavailable',
      });
      expect(stack.argocd.hooks.count('POST /api/v1/applications')).toBe(1);

      // One passing 500 on a read is retried away; a read that keeps failing fails after its retries.
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        500,
        'etcdserver: leader changed',
        1,
      );
      expect(
        (await client.getApplication(app.metadata.name)).metadata.name,
      ).toBe(app.metadata.name);
      expect(stack.argocd.hooks.count('GET /api/v1/applications/*')).toBe(2);
      stack.argocd.hooks.resetCounts();
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        500,
        'rpc error: code = Unknown desc = boom',
      );
      await expect(
        client.getApplication(app.metadata.name),
      ).rejects.toMatchObject({
        statusCode: 502,
        message: expect.stringMatching(
          /HTTP 500\): rpc error: code = Unknown desc = boom/,
        ),
      });
      expect(stack.argocd.hooks.count('GET /api/v1/applications/*')).toBe(3);
    });

    it('answers 504 when Argo CD is slower than the timeout, and for its own deadline errors', async () => {
      const quick = new ArgoCDClient(
        {
          name: 'main',
          url: stack.argocd.url,
          token: stack.argocd.token,
          timeoutMs: 200,
        },
        { retries: 0 },
      );
      // Had the client waited for the slow answer, it would have listed the applications, not failed.
      stack.argocd.hooks.latency('GET /api/v1/applications', 1500, 1);
      const error = await quick.listApplications().catch(e => e);
      expect({ statusCode: error.statusCode, message: error.message }).toEqual({
        statusCode: 504,
        message:
          'Argo CD "main" did not answer GET /applications within 200 ms',
      });
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        504,
        'application refresh deadline exceeded',
        1,
      );
      await expect(
        quick.getApplication(app.metadata.name, { refresh: 'normal' }),
      ).rejects.toMatchObject({
        statusCode: 504,
      });
    });

    it('answers 502 with a message when the connection drops (after retrying reads)', async () => {
      stack.argocd.hooks.drop('GET /api/v1/applications');
      await expect(client.listApplications()).rejects.toMatchObject({
        statusCode: 502,
        message: expect.stringMatching(
          /^Argo CD "main" closed the connection during GET \/applications/,
        ),
      });
      expect(stack.argocd.hooks.count('GET /api/v1/applications')).toBe(3);
      stack.argocd.hooks.clearFaults();
      stack.argocd.hooks.drop('POST /api/v1/applications', 1);
      await expect(client.createApplication(app)).rejects.toMatchObject({
        statusCode: 502,
      });
    });

    it('maps an error before the first log line, and reads a mid-stream {error} line', async () => {
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*/logs',
        400,
        'max pods to view logs are reached',
        1,
      );
      const it = client.podLogs(app.metadata.name, {}, { project: 'default' });
      await expect(it.next()).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/max pods to view logs are reached/),
      });

      const body = [
        {
          result: {
            content: 'one',
            podName: 'web-1',
            timeStampStr: '2025-01-01T00:00:00.000000001Z',
            last: false,
          },
        },
        {
          error: {
            grpc_code: 13,
            http_code: 500,
            message: 'stream broken',
            http_status: 'Internal Server Error',
          },
        },
      ]
        .map(l => JSON.stringify(l))
        .join('\n');
      const fake = new ArgoCDClient(
        { name: 'main', url: 'http://argocd.invalid', token: 't' },
        { fetch: async () => new Response(`${body}\n`, { status: 200 }) },
      );
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const e of fake.podLogs('web')) seen.push(e.content!);
        })(),
      ).rejects.toMatchObject({
        statusCode: 502,
        message: expect.stringMatching(/stream broken/),
      });
      expect(seen).toEqual(['one']);

      const ended = new ArgoCDClient(
        { name: 'main', url: 'http://argocd.invalid', token: 't' },
        {
          fetch: async () =>
            new Response(
              `${JSON.stringify({
                result: { content: 'a', last: false },
              })}\n${JSON.stringify({
                result: { content: '', podName: '', last: true },
              })}\n${JSON.stringify({
                result: { content: 'after', last: false },
              })}\n`,
            ),
        },
      );
      const all: string[] = [];
      for await (const e of ended.podLogs('web')) all.push(e.content!);
      expect(all).toEqual(['a']);
    });

    it('answers 502 naming the instance when Argo CD is killed mid-request or refuses connections', async () => {
      const dir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'app-center-argocd-kill-'),
      );
      const victim = await startArgoCDSandbox({
        dataDir: dir,
        gitRoot: path.join(dir, 'git'),
        port: 0,
      });
      const c = new ArgoCDClient(
        { name: 'edge', url: victim.url, token: victim.token },
        { retries: 0, timeoutMs: 5000 },
      );
      victim.hooks.latency('GET /api/v1/applications', 3000);
      const pending = c.listApplications().catch(e => e);
      await waitFor(
        async () =>
          victim.hooks.count('GET /api/v1/applications') ? true : undefined,
        'the request',
      );
      await victim.close();
      // A client that missed the closed connection would end at its 5 s timeout: a 504, not this 502.
      const error = await pending;
      expect(error).toMatchObject({ statusCode: 502, instance: 'edge' });
      expect(error.message).toMatch(
        /^Argo CD "edge" (closed the connection|could not be reached) during GET \/applications/,
      );

      const refused = await c.listApplications().catch(e => e);
      expect(refused).toMatchObject({ statusCode: 502 });
      expect(refused.message).toMatch(
        /^Argo CD "edge" refused the connection during GET \/applications \(ECONNREFUSED/,
      );
      await fs.rm(dir, { recursive: true, force: true });
    });
  });

  it('deletes with cascade, passing project', async () => {
    await client.deleteApplication(app.metadata.name, {
      cascade: true,
      project: 'default',
    });
    await waitFor(
      async () =>
        (
          await client.listApplications({
            selector: 'app-center.io/project=shop',
          })
        ).length
          ? undefined
          : true,
      'the delete',
    );
    expect(sent.filter(s => s.method === 'DELETE').pop()!.url).toMatch(
      /\/applications\/shop\.dev\.web\?cascade=true&project=default$/,
    );
  });
});
