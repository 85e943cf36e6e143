/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Harness } from '../testing/harness.ts';
import { waitFor } from '../testing/harness.ts';
import {
  getApp,
  settledApp,
  startWebAppHarness,
  syncApp,
} from '../testing/webApp.ts';

describe('Argo CD API: managed resources, live manifests, events and resource deletion', () => {
  let h: Harness;
  const get = (name: string) => getApp(h, name);

  beforeAll(async () => {
    h = await startWebAppHarness();
    await syncApp(h, 'web');
    await settledApp(h, 'web', 'Healthy');
  });
  afterAll(() => h.close());

  it('serves managed resources, live manifests (Secrets masked), events and resource deletion', async () => {
    const managed = await h.call(
      'GET',
      '/api/v1/applications/web/managed-resources',
      'applicationManagedResourcesResponse',
    );
    const secret = managed.items.find((i: any) => i.kind === 'Secret');
    expect(typeof secret.liveState).toBe('string');
    expect(JSON.parse(secret.liveState).data.password).toMatch(/^\++$/);
    expect(JSON.parse(secret.targetState).data.password).toBe(
      JSON.parse(secret.liveState).data.password,
    );
    const res = await h.call(
      'GET',
      '/api/v1/applications/web/resource?namespace=shop-dev&resourceName=web&version=v1&group=apps&kind=Deployment',
      'applicationApplicationResourceResponse',
    );
    expect(JSON.parse(res.manifest).kind).toBe('Deployment');
    expect(
      (
        await h.api(
          'GET',
          '/api/v1/applications/web/resource?namespace=shop-dev&resourceName=nope&version=v1&kind=Service',
        )
      ).status,
    ).toBe(400);

    const appEvents = await h.call(
      'GET',
      '/api/v1/applications/web/events',
      'eventsEventList',
    );
    expect(appEvents.items.map((e: any) => e.reason)).toEqual(
      expect.arrayContaining(['OperationStarted', 'OperationCompleted']),
    );
    const tree = await h.call(
      'GET',
      '/api/v1/applications/web/resource-tree',
      'v1alpha1ApplicationTree',
    );
    const dep = tree.nodes.find((n: any) => n.kind === 'Deployment');
    const depEvents = await h.call(
      'GET',
      `/api/v1/applications/web/events?resourceNamespace=shop-dev&resourceName=web&resourceUID=${dep.uid}`,
      'eventsEventList',
    );
    expect(
      depEvents.items.some((e: any) => e.reason === 'ScalingReplicaSet'),
    ).toBe(true);
    expect(
      (
        await h.api(
          'GET',
          '/api/v1/applications/web/events?resourceNamespace=shop-dev&resourceName=web&resourceUID=wrong',
        )
      ).status,
    ).toBe(400);

    await h.call(
      'DELETE',
      '/api/v1/applications/web/resource?namespace=shop-dev&resourceName=web&version=v1&kind=Service',
      'applicationApplicationResponse',
    );
    const after = await waitFor(async () => {
      const a = await get('web');
      return a.status.sync.status === 'OutOfSync' ? a : undefined;
    });
    expect(
      after.status.resources.find((r: any) => r.kind === 'Service').health
        .status,
    ).toBe('Missing');
    const afterManaged = await h.call(
      'GET',
      '/api/v1/applications/web/managed-resources?kind=Service',
      'applicationManagedResourcesResponse',
    );
    expect(afterManaged.items[0].liveState).toBe('null');
  });
});
