/* eslint-disable @typescript-eslint/no-explicit-any */
import { randomSuffix, stableHash } from '../util/ids.ts';
import type { SimContext } from './context.ts';
import { createPod, isPodReady } from './pods.ts';
import { podsOf } from './replicaset.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

const REV_LABEL = 'controller-revision-hash';

/** StatefulSet controller: ordered pods `<name>-<ordinal>`, one at a time, rolling update from the highest ordinal. */
export function reconcileStatefulSet(ctx: SimContext, sts: K8sObject): void {
  const replicas = sts.spec?.replicas ?? 1;
  const updateRevision = `${sts.metadata.name}-${stableHash(
    sts.spec?.template ?? {},
    10,
  )}`;
  const parallel = sts.spec?.podManagementPolicy === 'Parallel';
  const byOrdinal = () => {
    const m = new Map<number, Readonly<K8sObject>>();
    for (const p of podsOf(ctx, sts))
      m.set(Number(p.metadata.name.slice(sts.metadata.name.length + 1)), p);
    return m;
  };
  let pods = byOrdinal();
  let busy = false;
  for (let i = 0; i < replicas; i++) {
    const p = pods.get(i);
    if (!p) {
      const name = `${sts.metadata.name}-${i}`;
      createPod(ctx, sts, sts.spec.template, name, {
        [REV_LABEL]: updateRevision,
        'statefulset.kubernetes.io/pod-name': name,
        'apps.kubernetes.io/pod-index': String(i),
      });
      ctx.events.record(
        sts,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`,
        'statefulset-controller',
      );
      busy = true;
      if (!parallel) break;
    } else if (!isPodReady(p)) {
      busy = true;
      if (!parallel) break;
    }
  }
  pods = byOrdinal();
  if (!busy) {
    const extra = [...pods.keys()]
      .filter(i => i >= replicas)
      .sort((a, b) => b - a);
    const victim =
      extra[0] ??
      [...pods.keys()]
        .sort((a, b) => b - a)
        .find(
          i => pods.get(i)!.metadata.labels?.[REV_LABEL] !== updateRevision,
        );
    if (victim !== undefined) {
      const name = pods.get(victim)!.metadata.name;
      ctx.store.delete({
        group: '',
        kind: 'Pod',
        namespace: sts.metadata.namespace,
        name,
      });
      ctx.events.record(
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${name} in StatefulSet ${sts.metadata.name} successful`,
        'statefulset-controller',
      );
    }
  }
  const all = podsOf(ctx, sts);
  const ready = all.filter(isPodReady).length;
  const updated = all.filter(
    p => p.metadata.labels?.[REV_LABEL] === updateRevision,
  ).length;
  const done = updated === replicas && all.length === replicas;
  const status: any = {
    observedGeneration: sts.metadata.generation,
    replicas: all.length,
    readyReplicas: ready,
    currentReplicas: done ? all.length : all.length - updated,
    updatedReplicas: updated,
    availableReplicas: ready,
    currentRevision: done
      ? updateRevision
      : sts.status?.currentRevision ?? updateRevision,
    updateRevision,
    collisionCount: 0,
  };
  for (const k of [
    'readyReplicas',
    'availableReplicas',
    'currentReplicas',
    'updatedReplicas',
  ])
    if (!status[k]) delete status[k];
  ctx.store.mutate(refOf(sts), o => (o.status = status));
}

/** DaemonSet controller: one pod per simulated node, replaced (delete then create) on template change. */
export function reconcileDaemonSet(ctx: SimContext, ds: K8sObject): void {
  const rev = stableHash(ds.spec?.template ?? {}, 10);
  const nodes = ctx.options.nodes;
  const pods = podsOf(ctx, ds);
  for (const node of nodes) {
    const onNode = pods.filter(p => p.spec?.nodeName === node);
    const current = onNode.find(p => p.metadata.labels?.[REV_LABEL] === rev);
    const stale = onNode.filter(p => p !== current);
    const othersReady = pods
      .filter(p => p.spec?.nodeName !== node)
      .every(isPodReady);
    if (stale.length && othersReady) {
      for (const p of stale) ctx.store.delete(refOf(p as K8sObject));
    }
    if (!current && (!stale.length || othersReady)) {
      const name = `${ds.metadata.name}-${randomSuffix()}`;
      createPod(
        ctx,
        ds,
        ds.spec.template,
        name,
        {
          [REV_LABEL]: rev,
          'pod-template-generation': String(ds.metadata.generation ?? 1),
        },
        node,
      );
      ctx.events.record(
        ds,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${name}`,
        'daemonset-controller',
      );
    }
  }
  const all = podsOf(ctx, ds);
  const ready = all.filter(isPodReady).length;
  const updated = all.filter(
    p => p.metadata.labels?.[REV_LABEL] === rev,
  ).length;
  const status: any = {
    observedGeneration: ds.metadata.generation,
    currentNumberScheduled: all.length,
    desiredNumberScheduled: nodes.length,
    numberMisscheduled: 0,
    numberReady: ready,
    numberAvailable: ready,
    updatedNumberScheduled: updated,
    ...(nodes.length - ready > 0
      ? { numberUnavailable: nodes.length - ready }
      : {}),
  };
  ctx.store.mutate(refOf(ds), o => (o.status = status));
}

/** HorizontalPodAutoscaler: keeps the target's replicas within [minReplicas, maxReplicas]. */
export function reconcileHpa(ctx: SimContext, hpa: K8sObject): void {
  const target = hpa.spec?.scaleTargetRef ?? {};
  const group = String(target.apiVersion ?? '').includes('/')
    ? String(target.apiVersion).split('/')[0]
    : '';
  const ref = {
    group,
    kind: target.kind,
    namespace: hpa.metadata.namespace,
    name: target.name,
  };
  const workload = target.kind && target.name ? ctx.store.peek(ref) : undefined;
  const min = hpa.spec?.minReplicas ?? 1;
  const max = hpa.spec?.maxReplicas ?? min;
  const now = new Date(ctx.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let status: any;
  const prev = hpa.status?.conditions ?? [];
  const keep = (type: string) =>
    prev.find((c: any) => c.type === type)?.lastTransitionTime ?? now;
  if (!workload) {
    status = {
      currentReplicas: 0,
      desiredReplicas: 0,
      conditions: [
        {
          type: 'AbleToScale',
          status: 'False',
          reason: 'FailedGetScale',
          message: `the HPA controller was unable to get the target's current scale: ${String(
            target.kind ?? '',
          ).toLowerCase()}s.${group} "${target.name}" not found`,
          lastTransitionTime: keep('AbleToScale'),
        },
      ],
    };
  } else {
    const current = workload.spec?.replicas ?? 1;
    const desired = Math.min(max, Math.max(min, current));
    if (desired !== current) {
      ctx.store.mutate(ref, o => (o.spec.replicas = desired));
      ctx.events.record(
        hpa,
        'Normal',
        'SuccessfulRescale',
        `New size: ${desired}; reason: ${
          desired > current
            ? 'Current number of replicas below Spec.MinReplicas'
            : 'Current number of replicas above Spec.MaxReplicas'
        }`,
        'horizontal-pod-autoscaler',
      );
    }
    status = {
      currentReplicas: current,
      desiredReplicas: desired,
      currentMetrics: [],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
          lastTransitionTime: keep('AbleToScale'),
        },
        {
          type: 'ScalingActive',
          status: 'True',
          reason: 'ValidMetricFound',
          message:
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
          lastTransitionTime: keep('ScalingActive'),
        },
        {
          type: 'ScalingLimited',
          status: 'False',
          reason: 'DesiredWithinRange',
          message: 'the desired count is within the acceptable range',
          lastTransitionTime: keep('ScalingLimited'),
        },
      ],
    };
  }
  ctx.store.mutate(refOf(hpa), o => (o.status = status));
}
