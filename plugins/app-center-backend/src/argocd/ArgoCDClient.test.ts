import { SandboxStack } from '@internal/argocd-sandbox';
import { ArgoCDClient } from './ArgoCDClient';
import type { Application } from './types';
import {
  recordingFetch,
  waitFor,
  clientAgainstSandbox,
} from './__testUtils__/clientAgainstSandbox';

jest.setTimeout(60_000);

describe('ArgoCDClient against the sandbox', () => {
  const sandbox = clientAgainstSandbox();
  let stack: SandboxStack;
  let client: ArgoCDClient;
  let app: Application;
  const sent = sandbox.sent;
  beforeAll(() => {
    ({ stack, client, app } = sandbox);
  });

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

    const events = await client.events(app.metadata.name, {
      project: 'default',
    });
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
