/* eslint-disable @typescript-eslint/no-explicit-any */
import { deploymentYaml } from '../testing/gitFixture.ts';
import type { Harness } from '../testing/harness.ts';
import { appBody, validateStreamItem, waitFor } from '../testing/harness.ts';
import {
  getApp,
  settledApp,
  startWebAppHarness,
  syncApp,
  WEB,
} from '../testing/webApp.ts';

// One app goes through these in order: history ids and images build on the tests before.
describe('Argo CD API: sync, history, prune, failed syncs and delete', () => {
  let h: Harness;
  const get = (name: string) => getApp(h, name);
  const settled = (name: string, health: string) => settledApp(h, name, health);
  const sync = (name: string, body: any = {}) => syncApp(h, name, body);

  beforeAll(async () => {
    // A sync must still be running when the next request arrives ("another operation is already in
    // progress"): the fast harness's 40 ms was shorter than one request on a loaded CI machine.
    h = await startWebAppHarness({ syncDelayMs: 500 });
  });
  afterAll(() => h.close());

  it('syncs: operation Running then Succeeded, pods, Healthy, images, history from id 0', async () => {
    const watch = h.stream('/api/v1/stream/applications?name=web', {
      until: items =>
        items.some(
          i =>
            i.result?.application?.status?.operationState?.phase ===
            'Succeeded',
        ),
    });
    const started = await sync('web', { revision: 'main', prune: true });
    expect(started.operation.sync).toMatchObject({
      revision: 'main',
      prune: true,
    });
    const second = await h.api('POST', '/api/v1/applications/web/sync', {});
    expect(second.status).toBe(400);
    expect(second.body.message).toBe(
      'another operation is already in progress',
    );
    const phases = (await watch).items.map(i => {
      expect(validateStreamItem('v1alpha1ApplicationWatchEvent', i)).toEqual({
        valid: true,
        errors: [],
      });
      return i.result.application.status?.operationState?.phase;
    });
    expect(phases).toContain('Running');
    const app = await settled('web', 'Healthy');
    expect(app.status.summary.images).toEqual([
      'registry.example.com/shop/web:1.0.0',
    ]);
    expect(app.status.history.map((x: any) => x.id)).toEqual([0]);
    expect(
      app.status.operationState.syncResult.resources
        .map((r: any) => `${r.kind}:${r.status}`)
        .sort(),
    ).toEqual(['Deployment:Synced', 'Secret:Synced', 'Service:Synced']);
    expect(
      app.status.operationState.syncResult.resources.find(
        (r: any) => r.kind === 'Service',
      ).message,
    ).toBe('service/web created');
    const meta = await h.call(
      'GET',
      `/api/v1/applications/web/revisions/${app.status.sync.revision}/metadata`,
      'v1alpha1RevisionMetadata',
    );
    expect(meta).toMatchObject({
      author: 'Jane Doe <jane@example.invalid>',
      message: 'app-center: deploy shop/dev/web: 1.0.0',
    });
  });

  it('keeps history for full syncs only, and rolls Deployments to a new ReplicaSet', async () => {
    await sync('web', { dryRun: true });
    await settled('web', 'Healthy');
    await sync('web', {
      resources: [
        { group: '', kind: 'Service', name: 'web', namespace: 'shop-dev' },
      ],
    });
    let app = await settled('web', 'Healthy');
    expect(app.status.history.map((x: any) => x.id)).toEqual([0]);
    h.repo.commit({
      [`${WEB}/deployment.yaml`]: deploymentYaml(
        'web',
        'registry.example.com/shop/web:1.1.0',
        2,
      ),
    });
    await h.call(
      'GET',
      '/api/v1/applications/web?refresh=normal',
      'v1alpha1Application',
    );
    expect((await get('web')).status.sync.status).toBe('OutOfSync');
    await sync('web');
    app = await waitFor(async () => {
      const a = await settled('web', 'Healthy');
      return a.status.summary.images.length === 1 &&
        a.status.summary.images[0].endsWith(':1.1.0')
        ? a
        : undefined;
    });
    expect(app.status.history.map((x: any) => x.id)).toEqual([0, 1]);
    const tree = await h.call(
      'GET',
      '/api/v1/applications/web/resource-tree',
      'v1alpha1ApplicationTree',
    );
    const rs = tree.nodes.filter((n: any) => n.kind === 'ReplicaSet');
    expect(rs).toHaveLength(2);
    const pods = tree.nodes.filter((n: any) => n.kind === 'Pod');
    expect(pods).toHaveLength(2);
    expect(pods[0].info).toEqual(
      expect.arrayContaining([
        { name: 'Status Reason', value: 'Running' },
        { name: 'Containers', value: '1/1' },
      ]),
    );
  });

  it('prunes resources removed from git only with prune', async () => {
    h.repo.commit({ [`${WEB}/secret.yaml`]: null });
    await h.call(
      'GET',
      '/api/v1/applications/web?refresh=normal',
      'v1alpha1Application',
    );
    const managed = await h.call(
      'GET',
      '/api/v1/applications/web/managed-resources?kind=Secret',
      'applicationManagedResourcesResponse',
    );
    expect(managed.items[0].targetState).toBe('null');
    expect(
      (await get('web')).status.resources.find((r: any) => r.kind === 'Secret')
        .requiresPruning,
    ).toBe(true);
    await sync('web');
    await waitFor(async () => !(await get('web')).operation);
    let app = await get('web');
    expect(
      app.status.operationState.syncResult.resources.find(
        (r: any) => r.kind === 'Secret',
      ),
    ).toMatchObject({
      status: 'PruneSkipped',
      message: 'ignored (requires pruning)',
    });
    await sync('web', { prune: true });
    app = await settled('web', 'Healthy');
    expect(app.status.resources.some((r: any) => r.kind === 'Secret')).toBe(
      false,
    );
  });

  it('shows a bad image as Degraded with ImagePullBackOff', async () => {
    h.repo.commit({
      [`${WEB}/deployment.yaml`]: deploymentYaml(
        'web',
        'registry.example.com/shop/web:bad-2',
        2,
      ),
    });
    await h.call(
      'GET',
      '/api/v1/applications/web?refresh=normal',
      'v1alpha1Application',
    );
    await sync('web');
    const app = await waitFor(
      async () => {
        const a = await get('web');
        return a.status.health.status === 'Degraded' ? a : undefined;
      },
      8000,
      'Degraded',
    );
    expect(
      app.status.resources.find((r: any) => r.kind === 'Deployment').health,
    ).toEqual({
      status: 'Degraded',
      message: 'Deployment "web" exceeded its progress deadline',
    });
    const tree = await h.call(
      'GET',
      '/api/v1/applications/web/resource-tree',
      'v1alpha1ApplicationTree',
    );
    const bad = tree.nodes.find(
      (n: any) => n.kind === 'Pod' && n.images[0].endsWith(':bad-2'),
    );
    expect(bad.health).toEqual({
      status: 'Degraded',
      message: 'Back-off pulling image "registry.example.com/shop/web:bad-2"',
    });
    expect(bad.info).toContainEqual({
      name: 'Status Reason',
      value: 'ImagePullBackOff',
    });
    expect(app.status.summary.images).toEqual([
      'registry.example.com/shop/web:1.1.0',
      'registry.example.com/shop/web:bad-2',
    ]);
  });

  it('reports invalid YAML as ComparisonError and fails the sync with a message', async () => {
    h.repo.commit({
      [`${WEB}/deployment.yaml`]:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n spec: [\n',
    });
    const app = await h.call(
      'GET',
      '/api/v1/applications/web?refresh=hard',
      'v1alpha1Application',
    );
    expect(app.status.sync.status).toBe('Unknown');
    expect(app.status.conditions[0].type).toBe('ComparisonError');
    expect(app.status.conditions[0].message).toMatch(
      /Failed to unmarshal "deployment.yaml"/,
    );
    await sync('web');
    const failed = await waitFor(async () => {
      const a = await get('web');
      return a.status.operationState?.phase === 'Failed' ? a : undefined;
    });
    expect(failed.status.operationState.message).toMatch(
      /^ComparisonError: .*deployment.yaml/,
    );
    // failed syncs add no entry (0: first, 1: 1.1.0, 2+3: prune test, 4: bad image, whose sync itself succeeded)
    expect(failed.status.history.map((x: any) => x.id)).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('deletes with cascade (deletionTimestamp first) and without', async () => {
    h.repo.commit({
      [`${WEB}/deployment.yaml`]: deploymentYaml(
        'web',
        'registry.example.com/shop/web:1.2.0',
        1,
      ),
    });
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('keep', h.repo.repoURL, WEB, {
        spec: {
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'keep',
          },
        },
      }),
    );
    await sync('keep');
    await settled('keep', 'Healthy');
    await h.call(
      'DELETE',
      '/api/v1/applications/keep?cascade=false',
      'applicationApplicationResponse',
    );
    expect((await h.api('GET', '/api/v1/applications/keep')).status).toBe(403);
    expect(
      h.sandbox.cluster.store.list(
        o => o.metadata.namespace === 'keep' && o.kind === 'Deployment',
      ),
    ).toHaveLength(1);

    await h.call(
      'DELETE',
      '/api/v1/applications/web',
      'applicationApplicationResponse',
    );
    const deleting = await get('web');
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    await waitFor(
      async () =>
        (await h.api('GET', '/api/v1/applications/web')).status === 403,
    );
    expect(
      h.sandbox.cluster.store.list(o => o.metadata.namespace === 'shop-dev'),
    ).toHaveLength(0);
  });
});
