/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Harness } from '../testing/harness.ts';
import {
  appBody,
  expectSwagger,
  startHarness,
  waitFor,
} from '../testing/harness.ts';
import { serviceYaml } from '../testing/gitFixture.ts';

function rolloutYaml(
  name: string,
  image: string,
  strategy: any,
  replicas = 2,
): string {
  return JSON.stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image }] },
      },
      strategy,
    },
  });
}

const RO =
  'group=argoproj.io&version=v1alpha1&kind=Rollout&namespace=shop-dev&resourceName=';

describe('Argo CD API: Argo Rollouts through resource actions', () => {
  let h: Harness;
  const get = (name: string) =>
    h.call('GET', `/api/v1/applications/${name}`, 'v1alpha1Application');
  const health = (name: string, status: string) =>
    waitFor(
      async () => {
        const a = await get(name);
        return !a.operation && a.status.health.status === status
          ? a
          : undefined;
      },
      8000,
      `${name} ${status}`,
    );
  const actions = async (app: string, ro: string) =>
    Object.fromEntries(
      (
        await h.call(
          'GET',
          `/api/v1/applications/${app}/resource/actions?${RO}${ro}`,
          'applicationResourceActionsListResponse',
        )
      ).actions.map((a: any) => [a.name, !a.disabled]),
    );
  const runV2 = (app: string, ro: string, action: string) => {
    const body = {
      namespace: 'shop-dev',
      resourceName: ro,
      version: 'v1alpha1',
      group: 'argoproj.io',
      kind: 'Rollout',
      action,
    };
    expectSwagger('applicationResourceActionRunRequestV2', body);
    return h.call(
      'POST',
      `/api/v1/applications/${app}/resource/actions/v2`,
      'applicationApplicationResponse',
      body,
    );
  };
  const rollout = async (app: string, ro: string) =>
    JSON.parse(
      (
        await h.call(
          'GET',
          `/api/v1/applications/${app}/resource?${RO}${ro}`,
          'applicationApplicationResourceResponse',
        )
      ).manifest,
    );

  beforeAll(async () => {
    h = await startHarness();
    h.repo.commit({
      'c/rollout.yaml': rolloutYaml('canary', 'r/canary:1', {
        canary: { steps: [{ setWeight: 50 }, { pause: {} }] },
      }),
      'bg/rollout.yaml': rolloutYaml('bg', 'r/bg:1', {
        blueGreen: {
          activeService: 'bg-active',
          previewService: 'bg-preview',
          autoPromotionEnabled: false,
        },
      }),
      'bg/services.yaml': `${serviceYaml('bg-active', {
        app: 'bg',
      })}---\n${serviceYaml('bg-preview', { app: 'bg' })}`,
    });
    for (const [name, p] of [
      ['canary', 'c'],
      ['bg', 'bg'],
    ]) {
      await h.call(
        'POST',
        '/api/v1/applications',
        'v1alpha1Application',
        appBody(name, h.repo.repoURL, p),
      );
      await h.call(
        'POST',
        `/api/v1/applications/${name}/sync`,
        'v1alpha1Application',
        {},
      );
      await health(name, 'Healthy');
    }
  });
  afterAll(() => h.close());

  it('pauses a canary (app Suspended), resumes with v2 and promotes with the deprecated v1 body', async () => {
    h.repo.commit({
      'c/rollout.yaml': rolloutYaml('canary', 'r/canary:2', {
        canary: {
          steps: [
            { setWeight: 50 },
            { pause: {} },
            { setWeight: 75 },
            { pause: {} },
          ],
        },
      }),
    });
    await h.call(
      'GET',
      '/api/v1/applications/canary?refresh=normal',
      'v1alpha1Application',
    );
    await h.call(
      'POST',
      '/api/v1/applications/canary/sync',
      'v1alpha1Application',
      {},
    );
    const suspended = await health('canary', 'Suspended');
    expect(
      suspended.status.resources.find((r: any) => r.kind === 'Rollout').health,
    ).toEqual({ status: 'Suspended', message: 'CanaryPauseStep' });
    expect(await actions('canary', 'canary')).toEqual({
      restart: true,
      resume: true,
      'promote-full': true,
      abort: true,
      retry: false,
      pause: true,
      'skip-current-step': true,
    });
    await runV2('canary', 'canary', 'resume');
    await waitFor(
      async () =>
        (await rollout('canary', 'canary')).status.currentStepIndex === 3,
      8000,
      'second pause',
    );
    const res = await fetch(
      `${h.sandbox.url}/api/v1/applications/canary/resource/actions?${RO}canary`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${h.sandbox.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify('promote-full'),
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const healthy = await health('canary', 'Healthy');
    expect(healthy.status.summary.images).toEqual(['r/canary:2']);
    expect(
      (
        await h.api('POST', '/api/v1/applications/canary/resource/actions/v2', {
          namespace: 'shop-dev',
          resourceName: 'canary',
          version: 'v1alpha1',
          group: 'argoproj.io',
          kind: 'Rollout',
          action: 'fly',
        })
      ).status,
    ).toBe(400);
    const events = await h.call(
      'GET',
      '/api/v1/applications/canary/events',
      'eventsEventList',
    );
    expect(
      events.items.some(
        (e: any) =>
          e.reason === 'ResourceActionRan' &&
          e.message.includes('promote-full'),
      ),
    ).toBe(true);
  });

  it('blue-green: preview selects the new pods before promotion, active after', async () => {
    h.repo.commit({
      'bg/rollout.yaml': rolloutYaml('bg', 'r/bg:2', {
        blueGreen: {
          activeService: 'bg-active',
          previewService: 'bg-preview',
          autoPromotionEnabled: false,
        },
      }),
    });
    await h.call(
      'GET',
      '/api/v1/applications/bg?refresh=normal',
      'v1alpha1Application',
    );
    await h.call(
      'POST',
      '/api/v1/applications/bg/sync',
      'v1alpha1Application',
      {},
    );
    const app = await health('bg', 'Suspended');
    expect(app.status.sync.status).toBe('Synced'); // selectors set by the controller do not count as drift
    const ro = await rollout('bg', 'bg');
    expect(ro.status.phase).toBe('Paused');
    const svc = async (n: string) =>
      JSON.parse(
        (
          await h.call(
            'GET',
            `/api/v1/applications/bg/resource?namespace=shop-dev&resourceName=${n}&version=v1&kind=Service`,
            'applicationApplicationResourceResponse',
          )
        ).manifest,
      ).spec.selector['rollouts-pod-template-hash'];
    expect(await svc('bg-preview')).toBe(ro.status.currentPodHash);
    expect(await svc('bg-active')).toBe(ro.status.stableRS);
    expect(ro.status.blueGreen).toEqual({
      activeSelector: ro.status.stableRS,
      previewSelector: ro.status.currentPodHash,
    });
    await runV2('bg', 'bg', 'promote-full');
    await health('bg', 'Healthy');
    expect(await svc('bg-active')).toBe(ro.status.currentPodHash);
  });
});
