/* eslint-disable @typescript-eslint/no-explicit-any */
import { LOG_LINES_ANNOTATION } from '../cluster/bulkLog.ts';
import { CRASH_LINE } from '../cluster/crash.ts';
import { deploymentYaml } from '../testing/gitFixture.ts';
import type { Harness } from '../testing/harness.ts';
import {
  appBody,
  expectSwagger,
  startHarness,
  validateStreamItem,
  waitFor,
} from '../testing/harness.ts';
import { getApp, syncApp } from '../testing/webApp.ts';

// Issue 9's sandbox: what the resource status view reads, in the real API's shapes.
describe('Argo CD API: resource status material', () => {
  let h: Harness;
  const CRASHY = 'shop/envs/dev/crashy';

  beforeAll(async () => {
    h = await startHarness({ crashAfterMs: 1000 });
    h.repo.commit(
      {
        [`${CRASHY}/deployment.yaml`]: deploymentYaml(
          'crashy',
          'registry.example.com/shop/crashy:1.0.0-crash',
          2,
        ),
        'shop/envs/dev/calm/deployment.yaml': deploymentYaml(
          'calm',
          'registry.example.com/shop/calm:1.0.0',
        ),
        'shop/envs/dev/loud/deployment.yaml': deploymentYaml(
          'loud',
          'registry.example.com/shop/loud:1.0.0',
          1,
          {
            template: {
              metadata: {
                labels: { app: 'loud' },
                annotations: { [LOG_LINES_ANNOTATION]: '25000' },
              },
              spec: {
                containers: [
                  {
                    name: 'loud',
                    image: 'registry.example.com/shop/loud:1.0.0',
                  },
                ],
              },
            },
          },
        ),
      },
      'crashy and calm apps',
    );
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('crashy', h.repo.repoURL, CRASHY),
    );
    await syncApp(h, 'crashy');
  });
  afterAll(() => h.close());

  const pods = () =>
    h.sandbox.cluster.store.list(
      o => o.kind === 'Pod' && o.metadata.name.startsWith('crashy-'),
    );
  const logs = (query: string) =>
    h.stream(`/api/v1/applications/crashy/logs?${query}`);

  it('restarts a container whose tag says crash, and serves the previous container’s log', async () => {
    const restarted = await waitFor(
      () =>
        pods().find(
          p =>
            p.status.containerStatuses[0].restartCount >= 1 &&
            p.status.containerStatuses[0].state.running,
        ),
      5000,
      'a restarted crashy pod',
    );
    const status = restarted.status.containerStatuses[0];
    expect(status.lastState.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    });
    const pod = restarted.metadata.name;
    const previous = await logs(`podName=${pod}&previous=true`);
    const previousLines = previous.items
      .filter(i => !i.result.last)
      .map(i => i.result.content);
    expect(previousLines[previousLines.length - 1]).toBe(CRASH_LINE);
    for (const i of previous.items)
      expect(validateStreamItem('applicationLogEntry', i).valid).toBe(true);
    const current = await logs(`podName=${pod}`);
    expect(current.items.map(i => i.result.content)).not.toContain(CRASH_LINE);
    expect(current.items[0].result.content).toMatch(
      /Starting crashy 1.0.0-crash/,
    );
    const tree = await h.call(
      'GET',
      '/api/v1/applications/crashy/resource-tree',
      'v1alpha1ApplicationTree',
    );
    const node = tree.nodes.find((n: any) => n.name === pod);
    expect(node.info).toContainEqual({
      name: 'Restart Count',
      value: expect.stringMatching(/^[1-9]\d*$/),
    });
    const events = await h.call(
      'GET',
      `/api/v1/applications/crashy/events?resourceNamespace=shop-dev&resourceName=${pod}&resourceUID=${node.uid}`,
      'eventsEventList',
    );
    expect(events.items.map((e: any) => e.reason)).toContain('BackOff');
  });

  it('answers previous=true for a container that never restarted with the Kubernetes message', async () => {
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('calm', h.repo.repoURL, 'shop/envs/dev/calm'),
    );
    await syncApp(h, 'calm');
    const pod = await waitFor(
      () =>
        h.sandbox.cluster.store.list(
          o =>
            o.kind === 'Pod' &&
            o.metadata.name.startsWith('calm-') &&
            o.status.phase === 'Running',
        )[0],
      5000,
      'a calm pod',
    );
    const r = await h.stream(
      `/api/v1/applications/calm/logs?podName=${pod.metadata.name}&previous=true`,
    );
    expect(r.items[0].result.content).toBe(
      `previous terminated container "calm" in pod "${pod.metadata.name}" not found`,
    );
  });

  it('writes the many lines a benchmark pod asks for, in order, each with its own timestamp', async () => {
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('loud', h.repo.repoURL, 'shop/envs/dev/loud'),
    );
    await syncApp(h, 'loud');
    const pod = await waitFor(
      () =>
        h.sandbox.cluster.store.list(
          o =>
            o.kind === 'Pod' &&
            o.metadata.name.startsWith('loud-') &&
            o.status.phase === 'Running',
        )[0],
      5000,
      'a loud pod',
    );
    const path = `/api/v1/applications/loud/logs?podName=${pod.metadata.name}`;
    const all = await h.stream(path, { timeoutMs: 20_000 });
    const bulk = all.items
      .map(i => i.result)
      .filter(r => /bulk line/.test(r.content ?? ''));
    expect(bulk).toHaveLength(25_000);
    expect(bulk[0].content).toContain('bulk line 0"');
    expect(bulk[24_999].content).toContain('bulk line 24999"');
    const stamps = bulk.map(r => r.timeStampStr);
    expect(new Set(stamps).size).toBe(25_000);
    expect([...stamps].sort()).toEqual(stamps);
    expect(all.items[all.items.length - 1].result.last).toBe(true);
    const tail = await h.stream(`${path}&tailLines=3`);
    expect(
      tail.items
        .map(i => i.result.content)
        .filter(c => /bulk line/.test(c ?? '')),
    ).toEqual([
      expect.stringContaining('bulk line 24997"'),
      expect.stringContaining('bulk line 24998"'),
      expect.stringContaining('bulk line 24999"'),
    ]);
  });

  it('leaves empty managed-resources fields out, as Go’s omitempty does', async () => {
    const managed = await h.call(
      'GET',
      '/api/v1/applications/calm/managed-resources',
      'applicationManagedResourcesResponse',
    );
    const item = managed.items[0];
    expect(item).toMatchObject({
      group: 'apps',
      kind: 'Deployment',
      namespace: 'shop-dev',
      name: 'calm',
    });
    for (const field of ['diff', 'hook', 'modified'])
      expect(field in item).toBe(false);
    expect(JSON.parse(item.liveState).kind).toBe('Deployment');
  });

  it('generates a large app for benchmarks, whose tree reaches the asked size', async () => {
    const r = await h.api('POST', '/sandbox/generated-apps', {
      name: 'gen',
      nodes: 48,
      replicas: 2,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'gen', deployments: 12, nodes: 48 });
    const healthy = await waitFor(
      async () => {
        const a = await getApp(h, 'gen');
        return a.status.health?.status === 'Healthy' &&
          a.status.operationState?.phase === 'Succeeded'
          ? a
          : undefined;
      },
      8000,
      'gen Healthy',
    );
    expect(healthy.status.resources).toHaveLength(12);
    const tree = await h.call(
      'GET',
      '/api/v1/applications/gen/resource-tree',
      'v1alpha1ApplicationTree',
    );
    expect(tree.nodes).toHaveLength(48);
    expect(
      tree.nodes.filter((n: any) => n.kind === 'Pod' && n.parentRefs),
    ).toHaveLength(24);
    for (const bad of [
      { name: 'gen2', nodes: 0 },
      { name: 'Bad_Name', nodes: 10 },
      { name: 'gen3', nodes: 10_000_000 },
    ]) {
      const refused = await h.api('POST', '/sandbox/generated-apps', bad);
      expect(refused.status).toBe(400);
      expectSwagger('runtimeError', refused.body);
    }
    expect(h.sandbox.argocd.apps.has('gen2')).toBe(false);
  });
});
