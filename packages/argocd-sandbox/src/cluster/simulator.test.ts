/* eslint-disable @typescript-eslint/no-explicit-any */
import { ManualClock } from '../util/clock.ts';
import { listActions, runAction } from './actions.ts';
import { resourceHealth } from './health.ts';
import { Simulator } from './simulator.ts';
import type { K8sObject } from './types.ts';

const NS = 'shop';

function deployment(
  name: string,
  image: string,
  replicas = 2,
  extra: any = {},
): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image }] },
      },
      ...extra,
    },
  };
}

function rollout(
  name: string,
  image: string,
  strategy: any,
  replicas = 4,
): K8sObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image }] },
      },
      strategy,
    },
  };
}

function service(name: string): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: NS },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  };
}

/** The API group of the kinds these tests create. */
function defaultGroupOf(kind: string): string {
  if (kind === 'Rollout') return 'argoproj.io';
  if (kind === 'Service' || kind === 'Pod') return '';
  return 'apps';
}

describe('Simulator', () => {
  let clock: ManualClock;
  let sim: Simulator;
  const get = (kind: string, name: string, group = defaultGroupOf(kind)) =>
    sim.store.get({ group, kind, namespace: NS, name })!;
  const settle = (ms = 0) => {
    clock.advance(0);
    clock.advance(ms);
    clock.advance(0);
  };
  const rsOf = (owner: string) =>
    sim.store.list(
      o =>
        o.kind === 'ReplicaSet' &&
        o.metadata.ownerReferences?.[0]?.name === owner,
    );
  const activeRs = (owner: string) =>
    rsOf(owner).filter(rs => (rs.spec.replicas ?? 0) > 0);
  const podImages = () =>
    sim.store
      .list(o => o.kind === 'Pod')
      .map(p => p.spec.containers[0].image)
      .sort();

  beforeEach(() => {
    clock = new ManualClock();
    sim = new Simulator(clock, {
      podReadyDelayMs: 1000,
      progressDeadlineMs: 10_000,
      scaleDownDelayMs: 2000,
    });
  });
  afterEach(() => sim.stop());

  it('creates ReplicaSet and pods for a Deployment, which become ready after the delay', () => {
    sim.store.create(deployment('web', 'r/web:1'));
    settle();
    expect(rsOf('web')).toHaveLength(1);
    expect(resourceHealth(get('Deployment', 'web'))?.status).toBe(
      'Progressing',
    );
    settle(1000);
    expect(sim.store.list(o => o.kind === 'Pod')).toHaveLength(2);
    expect(resourceHealth(get('Deployment', 'web'))).toEqual({
      status: 'Healthy',
    });
    expect(get('Deployment', 'web').status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
    });
  });

  it('rolls out a new template with two active ReplicaSets, then one', () => {
    sim.store.create(deployment('web', 'r/web:1', 2));
    settle(1000);
    sim.store.mutate(
      { group: 'apps', kind: 'Deployment', namespace: NS, name: 'web' },
      d => (d.spec.template.spec.containers[0].image = 'r/web:2'),
    );
    settle();
    expect(activeRs('web')).toHaveLength(2);
    expect(resourceHealth(get('Deployment', 'web'))?.status).toBe(
      'Progressing',
    );
    for (let i = 0; i < 6; i++) settle(1000);
    expect(activeRs('web')).toHaveLength(1);
    expect(rsOf('web')).toHaveLength(2); // the old one stays at 0 replicas (revisionHistoryLimit)
    expect(podImages()).toEqual(['r/web:2', 'r/web:2']);
    expect(resourceHealth(get('Deployment', 'web'))).toEqual({
      status: 'Healthy',
    });
    const events = sim.events
      .all()
      .filter(e => e.reason === 'ScalingReplicaSet')
      .map(e => e.message);
    expect(events.some(m => m.startsWith('Scaled down replica set'))).toBe(
      true,
    );
  });

  it('keeps a bad image on ImagePullBackOff and marks the Deployment Degraded after the progress deadline', () => {
    sim.store.create(deployment('web', 'r/web:1', 1));
    settle(1000);
    sim.store.mutate(
      { group: 'apps', kind: 'Deployment', namespace: NS, name: 'web' },
      d => (d.spec.template.spec.containers[0].image = 'r/web:bad-1'),
    );
    settle(1000);
    const bad = sim.store.list(
      o => o.kind === 'Pod' && o.spec.containers[0].image === 'r/web:bad-1',
    )[0];
    expect(bad.status.containerStatuses[0].state.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "r/web:bad-1"',
    });
    expect(resourceHealth(bad)).toEqual({
      status: 'Degraded',
      message: 'Back-off pulling image "r/web:bad-1"',
    });
    expect(resourceHealth(get('Deployment', 'web'))?.status).toBe(
      'Progressing',
    );
    settle(10_000);
    expect(resourceHealth(get('Deployment', 'web'))).toEqual({
      status: 'Degraded',
      message: 'Deployment "web" exceeded its progress deadline',
    });
    expect(activeRs('web')).toHaveLength(2); // the old pod keeps serving
  });

  it('runs canary steps: setWeight, indefinite pause (Suspended), resume, promote-full', () => {
    sim.store.create(service('web'));
    const strategy = {
      canary: {
        steps: [
          { setWeight: 25 },
          { pause: {} },
          { setWeight: 50 },
          { pause: { duration: '5s' } },
          { setWeight: 75 },
          { pause: {} },
        ],
      },
    };
    sim.store.create(rollout('web', 'r/web:1', strategy));
    settle(1000);
    let ro = get('Rollout', 'web');
    expect(ro.status).toMatchObject({ phase: 'Healthy', currentStepIndex: 6 });
    expect(ro.status.stableRS).toBe(ro.status.currentPodHash);
    expect(listActions(ro).find(a => a.name === 'promote-full')?.disabled).toBe(
      true,
    );

    sim.store.mutate(
      { group: 'argoproj.io', kind: 'Rollout', namespace: NS, name: 'web' },
      r => (r.spec.template.spec.containers[0].image = 'r/web:2'),
    );
    settle(1000);
    settle(1000);
    ro = get('Rollout', 'web');
    expect(ro.status).toMatchObject({
      phase: 'Paused',
      message: 'CanaryPauseStep',
      currentStepIndex: 1,
    });
    expect(ro.status.pauseConditions[0].reason).toBe('CanaryPauseStep');
    expect(resourceHealth(ro)).toEqual({
      status: 'Suspended',
      message: 'CanaryPauseStep',
    });
    expect(podImages()).toEqual(['r/web:1', 'r/web:1', 'r/web:1', 'r/web:2']);
    const actions = Object.fromEntries(
      listActions(ro).map(a => [a.name, !a.disabled]),
    );
    expect(actions).toEqual({
      restart: true,
      resume: true,
      'promote-full': true,
      abort: true,
      retry: false,
      pause: true,
      'skip-current-step': true,
    });

    runAction(sim, ro, 'resume');
    for (let i = 0; i < 3; i++) settle(1000);
    ro = get('Rollout', 'web');
    expect(ro.status.currentStepIndex).toBe(3); // at the timed pause
    expect(ro.status.phase).toBe('Paused');
    settle(5000);
    for (let i = 0; i < 3; i++) settle(1000);
    ro = get('Rollout', 'web');
    expect(ro.status).toMatchObject({ phase: 'Paused', currentStepIndex: 5 });

    runAction(sim, ro, 'promote-full');
    for (let i = 0; i < 6; i++) settle(1000);
    ro = get('Rollout', 'web');
    expect(ro.status).toMatchObject({ phase: 'Healthy', currentStepIndex: 6 });
    expect(ro.status.stableRS).toBe(ro.status.currentPodHash);
    expect(resourceHealth(ro)).toEqual({ status: 'Healthy' });
    expect(podImages()).toEqual(['r/web:2', 'r/web:2', 'r/web:2', 'r/web:2']);
  });

  it('aborts a canary back to stable (Degraded) and retries from the first step', () => {
    sim.store.create(
      rollout(
        'web',
        'r/web:1',
        { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
        2,
      ),
    );
    settle(1000);
    sim.store.mutate(
      { group: 'argoproj.io', kind: 'Rollout', namespace: NS, name: 'web' },
      r => (r.spec.template.spec.containers[0].image = 'r/web:2'),
    );
    for (let i = 0; i < 3; i++) settle(1000);
    runAction(sim, get('Rollout', 'web'), 'abort');
    for (let i = 0; i < 3; i++) settle(1000);
    let ro = get('Rollout', 'web');
    expect(ro.status).toMatchObject({
      phase: 'Degraded',
      abort: true,
      currentStepIndex: 0,
    });
    expect(ro.status.message).toMatch(/^RolloutAborted: /);
    expect(podImages()).toEqual(['r/web:1', 'r/web:1']);
    expect(
      listActions(ro).find(a => a.name === 'retry')?.disabled,
    ).toBeUndefined();
    runAction(sim, ro, 'retry');
    for (let i = 0; i < 3; i++) settle(1000);
    ro = get('Rollout', 'web');
    expect(ro.status).toMatchObject({ phase: 'Paused', currentStepIndex: 1 });
  });

  it('fails a bad canary on its progress deadline, and aborts it back to stable with progressDeadlineAbort', () => {
    const steps = { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } };
    sim.store.create(rollout('web', 'r/web:1', steps, 2));
    const abortOnDeadline = rollout('abortive', 'r/abortive:1', steps, 2);
    abortOnDeadline.spec.progressDeadlineAbort = true;
    sim.store.create(abortOnDeadline);
    settle(1000);
    for (const name of ['web', 'abortive'])
      sim.store.mutate(
        { group: 'argoproj.io', kind: 'Rollout', namespace: NS, name },
        r => (r.spec.template.spec.containers[0].image = `r/${name}:2-bad`),
      );
    for (let i = 0; i < 3; i++) settle(1000);
    // the canary pod never pulls: the first step does not complete, the stable pods keep serving
    expect(get('Rollout', 'web').status.phase).toBe('Progressing');
    settle(10_000);
    for (let i = 0; i < 3; i++) settle(1000);
    const stalled = get('Rollout', 'web');
    expect(stalled.status.phase).toBe('Degraded');
    expect(stalled.status.message).toMatch(/^ProgressDeadlineExceeded: /);
    expect(stalled.status.abort).toBeUndefined();
    const aborted = get('Rollout', 'abortive');
    expect(aborted.status).toMatchObject({
      phase: 'Degraded',
      abort: true,
      currentStepIndex: 0,
    });
    expect(aborted.status.message).toMatch(/^RolloutAborted: /);
    const abortivePods = sim.store
      .list(o => o.kind === 'Pod' && o.metadata.name.startsWith('abortive-'))
      .map(p => p.spec.containers[0].image);
    expect(abortivePods).toEqual(['r/abortive:1', 'r/abortive:1']);
    expect(resourceHealth(aborted)?.status).toBe('Degraded');
  });

  it('blue-green: preview service points at the new ReplicaSet, active switches on promotion', () => {
    sim.store.create(service('web-active'));
    sim.store.create(service('web-preview'));
    sim.store.create(
      rollout(
        'web',
        'r/web:1',
        {
          blueGreen: {
            activeService: 'web-active',
            previewService: 'web-preview',
            autoPromotionEnabled: false,
          },
        },
        2,
      ),
    );
    settle(1000);
    let ro = get('Rollout', 'web');
    const firstHash = ro.status.currentPodHash;
    expect(ro.status).toMatchObject({
      phase: 'Healthy',
      blueGreen: { activeSelector: firstHash, previewSelector: firstHash },
    });
    expect(
      get('Service', 'web-active').spec.selector['rollouts-pod-template-hash'],
    ).toBe(firstHash);

    sim.store.mutate(
      { group: 'argoproj.io', kind: 'Rollout', namespace: NS, name: 'web' },
      r => (r.spec.template.spec.containers[0].image = 'r/web:2'),
    );
    for (let i = 0; i < 3; i++) settle(1000);
    ro = get('Rollout', 'web');
    const newHash = ro.status.currentPodHash;
    expect(newHash).not.toBe(firstHash);
    expect(ro.status).toMatchObject({
      phase: 'Paused',
      message: 'BlueGreenPause',
      blueGreen: { activeSelector: firstHash, previewSelector: newHash },
    });
    expect(
      get('Service', 'web-preview').spec.selector['rollouts-pod-template-hash'],
    ).toBe(newHash);
    expect(
      get('Service', 'web-active').spec.selector['rollouts-pod-template-hash'],
    ).toBe(firstHash);
    expect(resourceHealth(ro)?.status).toBe('Suspended');

    runAction(sim, ro, 'promote-full');
    for (let i = 0; i < 3; i++) settle(0);
    ro = get('Rollout', 'web');
    expect(ro.status).toMatchObject({
      phase: 'Healthy',
      stableRS: newHash,
      blueGreen: { activeSelector: newHash },
    });
    expect(
      get('Service', 'web-active').spec.selector['rollouts-pod-template-hash'],
    ).toBe(newHash);
    expect(podImages()).toHaveLength(4); // old stack waits for scaleDownDelay
    settle(2100);
    expect(podImages()).toEqual(['r/web:2', 'r/web:2']);
  });

  it('runs a StatefulSet in order and keeps HPA bounds', () => {
    sim.store.create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: NS },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'db', image: 'r/db:1' }] },
        },
      },
    });
    sim.store.create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'db', namespace: NS },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'db',
        },
        minReplicas: 3,
        maxReplicas: 5,
      },
    });
    for (let i = 0; i < 5; i++) settle(1000);
    const pods = sim.store
      .list(o => o.kind === 'Pod')
      .map(p => p.metadata.name)
      .sort();
    expect(pods).toEqual(['db-0', 'db-1', 'db-2']);
    expect(resourceHealth(get('StatefulSet', 'db'))?.status).toBe('Healthy');
    expect(
      resourceHealth(
        sim.store.get({
          group: 'autoscaling',
          kind: 'HorizontalPodAutoscaler',
          namespace: NS,
          name: 'db',
        }),
      )?.status,
    ).toBe('Healthy');
  });
});
