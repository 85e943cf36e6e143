/* eslint-disable @typescript-eslint/no-explicit-any */
import { isPodReady } from './pods.ts';
import type { HealthStatus, K8sObject } from './types.ts';
import { groupOf } from './types.ts';

/**
 * Resource health as Argo CD's built-in health checks compute it. `undefined` means the kind has no health
 * check (ConfigMap, Secret, ServiceAccount, ...), and such resources do not count in the app's health.
 */
export function resourceHealth(
  obj: Readonly<K8sObject> | undefined,
): HealthStatus | undefined {
  if (!obj) return { status: 'Missing' };
  const group = groupOf(obj.apiVersion);
  const st = obj.status ?? {};
  const gen = obj.metadata.generation ?? 0;
  switch (`${group}/${obj.kind}`) {
    case 'apps/Deployment': {
      if (obj.spec?.paused)
        return { status: 'Suspended', message: 'Deployment is paused' };
      if ((st.observedGeneration ?? 0) < gen)
        return {
          status: 'Progressing',
          message:
            'Waiting for rollout to finish: observed deployment generation less than desired generation',
        };
      const progressing = (st.conditions ?? []).find(
        (c: any) => c.type === 'Progressing',
      );
      if (progressing?.reason === 'ProgressDeadlineExceeded')
        return {
          status: 'Degraded',
          message: `Deployment "${obj.metadata.name}" exceeded its progress deadline`,
        };
      const replicas = obj.spec?.replicas ?? 1;
      const updated = st.updatedReplicas ?? 0;
      const total = st.replicas ?? 0;
      const available = st.availableReplicas ?? 0;
      if (updated < replicas)
        return {
          status: 'Progressing',
          message: `Waiting for rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`,
        };
      if (total > updated)
        return {
          status: 'Progressing',
          message: `Waiting for rollout to finish: ${
            total - updated
          } old replicas are pending termination...`,
        };
      if (available < updated)
        return {
          status: 'Progressing',
          message: `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`,
        };
      return { status: 'Healthy' };
    }
    case 'apps/ReplicaSet': {
      if ((st.observedGeneration ?? 0) < gen)
        return {
          status: 'Progressing',
          message:
            'Waiting for rollout to finish: observed replica set generation less than desired generation',
        };
      const replicas = obj.spec?.replicas ?? 1;
      if ((st.availableReplicas ?? 0) < replicas)
        return {
          status: 'Progressing',
          message: `Waiting for rollout to finish: ${
            st.availableReplicas ?? 0
          } out of ${replicas} new replicas are available...`,
        };
      return { status: 'Healthy' };
    }
    case 'apps/StatefulSet': {
      if ((st.observedGeneration ?? 0) < gen)
        return {
          status: 'Progressing',
          message: 'Waiting for statefulset spec update to be observed...',
        };
      const replicas = obj.spec?.replicas ?? 1;
      if ((st.readyReplicas ?? 0) < replicas)
        return {
          status: 'Progressing',
          message: `Waiting for ${
            replicas - (st.readyReplicas ?? 0)
          } pods to be ready...`,
        };
      if ((st.updatedReplicas ?? 0) < replicas)
        return {
          status: 'Progressing',
          message: `Waiting for partitioned roll out to finish: ${
            st.updatedReplicas ?? 0
          } out of ${replicas} new pods have been updated...`,
        };
      return {
        status: 'Healthy',
        message: `statefulset rolling update complete ${replicas} pods at revision ${st.updateRevision}...`,
      };
    }
    case 'apps/DaemonSet': {
      if ((st.observedGeneration ?? 0) < gen)
        return {
          status: 'Progressing',
          message:
            'Waiting for rollout to finish: observed daemon set generation less than desired generation',
        };
      const desired = st.desiredNumberScheduled ?? 0;
      if ((st.updatedNumberScheduled ?? 0) < desired)
        return {
          status: 'Progressing',
          message: `Waiting for daemon set "${
            obj.metadata.name
          }" rollout to finish: ${
            st.updatedNumberScheduled ?? 0
          } out of ${desired} new pods have been updated...`,
        };
      if ((st.numberAvailable ?? 0) < desired)
        return {
          status: 'Progressing',
          message: `Waiting for daemon set "${
            obj.metadata.name
          }" rollout to finish: ${
            st.numberAvailable ?? 0
          } of ${desired} updated pods are available...`,
        };
      return { status: 'Healthy' };
    }
    case '/Pod':
      return podHealth(obj);
    case '/Service':
      if (
        obj.spec?.type === 'LoadBalancer' &&
        !(st.loadBalancer?.ingress ?? []).length
      )
        return { status: 'Progressing' };
      return { status: 'Healthy' };
    case '/PersistentVolumeClaim':
      return { status: 'Healthy' };
    case 'networking.k8s.io/Ingress':
      return { status: 'Healthy' };
    case 'autoscaling/HorizontalPodAutoscaler': {
      const conds: any[] = st.conditions ?? [];
      const failed = conds.find(
        c =>
          c.status === 'False' &&
          (c.type === 'AbleToScale' ||
            (c.type === 'ScalingActive' &&
              String(c.reason).startsWith('Failed'))),
      );
      if (failed) return { status: 'Degraded', message: failed.message };
      if (!conds.length)
        return { status: 'Progressing', message: 'Waiting to Autoscale' };
      return {
        status: 'Healthy',
        message: conds.find(c => c.type === 'ScalingActive')?.message,
      };
    }
    case 'argoproj.io/Rollout': {
      if (String(st.observedGeneration ?? '') !== String(gen))
        return {
          status: 'Progressing',
          message: 'Waiting for rollout spec update to be observed',
        };
      switch (st.phase) {
        case 'Paused':
          return { status: 'Suspended', message: st.message };
        case 'Healthy':
          return {
            status: 'Healthy',
            ...(st.message ? { message: st.message } : {}),
          };
        case 'Degraded':
          return { status: 'Degraded', message: st.message };
        case 'Progressing':
          return { status: 'Progressing', message: st.message };
        default:
          return {
            status: 'Progressing',
            message:
              'Waiting for rollout to finish: status has not been reconciled.',
          };
      }
    }
    case 'batch/Job': {
      if ((st.failed ?? 0) > 0)
        return {
          status: 'Degraded',
          message: 'Job has reached the specified backoff limit',
        };
      if ((st.succeeded ?? 0) > 0) return { status: 'Healthy' };
      return { status: 'Progressing' };
    }
    default:
      return undefined;
  }
}

function podHealth(pod: Readonly<K8sObject>): HealthStatus {
  const st = pod.status ?? {};
  const all = [
    ...(st.initContainerStatuses ?? []),
    ...(st.containerStatuses ?? []),
  ];
  for (const s of all) {
    const w = s.state?.waiting;
    if (
      w &&
      (w.reason?.startsWith('Err') ||
        w.reason?.endsWith('Error') ||
        w.reason?.endsWith('BackOff'))
    ) {
      return { status: 'Degraded', message: w.message ?? w.reason };
    }
  }
  switch (st.phase) {
    case 'Succeeded':
      return { status: 'Healthy', message: st.message };
    case 'Failed':
      return { status: 'Degraded', message: st.message ?? 'pod failed' };
    case 'Running':
      return isPodReady(pod)
        ? { status: 'Healthy' }
        : { status: 'Progressing' };
    default:
      return { status: 'Progressing', message: st.message };
  }
}

const RANK: Record<string, number> = {
  Healthy: 0,
  Suspended: 1,
  Progressing: 2,
  Missing: 3,
  Degraded: 4,
  Unknown: 5,
};

/** Argo CD's app health: the worst of the given health statuses (Healthy when none). */
export function worstHealth(
  statuses: (HealthStatus | undefined)[],
): HealthStatus['status'] {
  let worst: HealthStatus['status'] = 'Healthy';
  for (const s of statuses)
    if (s && RANK[s.status] > RANK[worst]) worst = s.status;
  return worst;
}
