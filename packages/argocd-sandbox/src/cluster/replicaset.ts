/* eslint-disable @typescript-eslint/no-explicit-any */
import { randomSuffix } from '../util/ids.ts';
import type { SimContext } from './context.ts';
import { createPod, isPodReady } from './pods.ts';
import { ownerRef } from './store.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

export function podsOf(
  ctx: SimContext,
  owner: Readonly<K8sObject>,
): Readonly<K8sObject>[] {
  return ctx.store
    .peekChildren(owner.metadata.uid!)
    .filter(o => o.kind === 'Pod');
}

export function replicaSetsOf(
  ctx: SimContext,
  owner: Readonly<K8sObject>,
): Readonly<K8sObject>[] {
  return ctx.store
    .peekChildren(owner.metadata.uid!)
    .filter(o => o.kind === 'ReplicaSet');
}

export function rsCounts(ctx: SimContext, rs: Readonly<K8sObject>) {
  const pods = podsOf(ctx, rs);
  const ready = pods.filter(isPodReady).length;
  return {
    spec: rs.spec?.replicas ?? 0,
    pods: pods.length,
    ready,
    available: ready,
  };
}

/** Creates a ReplicaSet for a workload's pod template with the given hash label. */
export function createReplicaSet(
  ctx: SimContext,
  owner: K8sObject,
  hash: string,
  hashLabel: string,
  replicas: number,
  revisionAnnotation: string,
  revision: number,
): K8sObject {
  const template = JSON.parse(JSON.stringify(owner.spec.template ?? {}));
  template.metadata = template.metadata ?? {};
  template.metadata.labels = {
    ...(template.metadata.labels ?? {}),
    [hashLabel]: hash,
  };
  const selector = JSON.parse(
    JSON.stringify(owner.spec.selector ?? { matchLabels: {} }),
  );
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [hashLabel]: hash };
  const rs: K8sObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${owner.metadata.name}-${hash}`,
      namespace: owner.metadata.namespace,
      labels: { ...(template.metadata.labels ?? {}) },
      annotations: {
        [revisionAnnotation]: String(revision),
        ...(owner.kind === 'Deployment'
          ? {
              'deployment.kubernetes.io/desired-replicas': String(
                owner.spec.replicas ?? 1,
              ),
            }
          : {}),
      },
      ownerReferences: [ownerRef(owner)],
    },
    spec: { replicas, selector, template },
    status: { replicas: 0, observedGeneration: 1 },
  };
  return ctx.store.create(rs);
}

export function scaleReplicaSet(
  ctx: SimContext,
  owner: Readonly<K8sObject>,
  rs: Readonly<K8sObject>,
  replicas: number,
  component: string,
): void {
  const from = rs.spec?.replicas ?? 0;
  if (from === replicas) return;
  ctx.store.mutate(refOf(rs as K8sObject), o => {
    o.spec.replicas = replicas;
  });
  ctx.events.record(
    owner as K8sObject,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${replicas > from ? 'up' : 'down'} replica set ${
      rs.metadata.name
    } from ${from} to ${replicas}`,
    component,
  );
}

/** The ReplicaSet controller: keeps the number of pods at spec.replicas and reports status. */
export function reconcileReplicaSet(ctx: SimContext, rs: K8sObject): void {
  const desired = rs.spec?.replicas ?? 1;
  let pods = podsOf(ctx, rs);
  if (pods.length < desired) {
    for (let i = pods.length; i < desired; i++) {
      const name = `${rs.metadata.name}-${randomSuffix()}`;
      createPod(ctx, rs, rs.spec.template, name, {});
      ctx.events.record(
        rs,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${name}`,
        'replicaset-controller',
      );
    }
  } else if (pods.length > desired) {
    const victims = [...pods]
      .sort((a, b) => {
        const ra = isPodReady(a) ? 1 : 0;
        const rb = isPodReady(b) ? 1 : 0;
        if (ra !== rb) return ra - rb;
        return (
          (ctx.podBornAt(b.metadata.uid!) ?? 0) -
          (ctx.podBornAt(a.metadata.uid!) ?? 0)
        );
      })
      .slice(0, pods.length - desired)
      .map(p => p.metadata.name);
    for (const name of victims) {
      ctx.store.delete({
        group: '',
        kind: 'Pod',
        namespace: rs.metadata.namespace,
        name,
      });
      ctx.events.record(
        rs,
        'Normal',
        'SuccessfulDelete',
        `Deleted pod: ${name}`,
        'replicaset-controller',
      );
    }
  }
  pods = podsOf(ctx, rs);
  const ready = pods.filter(isPodReady).length;
  const status: any = {
    replicas: pods.length,
    fullyLabeledReplicas: pods.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: rs.metadata.generation,
  };
  for (const k of [
    'readyReplicas',
    'availableReplicas',
    'fullyLabeledReplicas',
  ])
    if (!status[k]) delete status[k];
  ctx.store.mutate(refOf(rs), o => {
    o.status = status;
  });
}

/** Resolves an int-or-percent (maxSurge / maxUnavailable) against a replica count. */
export function intOrPercent(
  value: unknown,
  total: number,
  fallback: string,
  roundUp: boolean,
): number {
  const v = value === undefined || value === null ? fallback : value;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v));
  if (!m) return Number(v) || 0;
  const raw = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** Tracks when a workload last made progress, to flag ProgressDeadlineExceeded. */
export class ProgressTracker {
  private readonly state = new Map<string, { sig: string; since: number }>();

  /** Returns ms since the last progress; records progress when the signature changed. */
  observe(uid: string, signature: string, now: number): number {
    const s = this.state.get(uid);
    if (!s || s.sig !== signature) {
      this.state.set(uid, { sig: signature, since: now });
      return 0;
    }
    return now - s.since;
  }

  reset(uid: string, now: number): void {
    this.state.set(uid, { sig: '', since: now });
  }

  forget(uid: string): void {
    this.state.delete(uid);
  }
}

export function progressDeadlineMs(ctx: SimContext, spec: any): number {
  const fromSpec = (spec?.progressDeadlineSeconds ?? 600) * 1000;
  return Math.min(fromSpec, ctx.options.progressDeadlineMs);
}
