/* eslint-disable @typescript-eslint/no-explicit-any */
import { stableHash } from '../util/ids.ts';
import { rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import type { ProgressTracker } from './replicaset.ts';
import {
  createReplicaSet,
  intOrPercent,
  progressDeadlineMs,
  replicaSetsOf,
  rsCounts,
  scaleReplicaSet,
} from './replicaset.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const COMPONENT = 'deployment-controller';

export function podTemplateHash(template: unknown): string {
  return stableHash(template, 10);
}

function revisionOf(rs: Readonly<K8sObject>): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0);
}

/** The Deployment controller: rolling update (maxSurge/maxUnavailable) or Recreate over ReplicaSets. */
export function reconcileDeployment(
  ctx: SimContext,
  d: K8sObject,
  progress: ProgressTracker,
): void {
  const replicas = d.spec?.replicas ?? 1;
  const hash = podTemplateHash(d.spec?.template ?? {});
  let all = replicaSetsOf(ctx, d);
  let newRS = all.find(
    rs => rs.metadata.labels?.['pod-template-hash'] === hash,
  );
  const maxRevision = Math.max(0, ...all.map(revisionOf));
  const paused = !!d.spec?.paused;

  if (!newRS && !paused) {
    const hasOldPods = all.some(rs => (rs.spec?.replicas ?? 0) > 0);
    const initial = hasOldPods ? 0 : replicas;
    const created = createReplicaSet(
      ctx,
      d,
      hash,
      'pod-template-hash',
      initial,
      REVISION,
      maxRevision + 1,
    );
    if (initial > 0) {
      const msg = `Scaled up replica set ${created.metadata.name} from 0 to ${initial}`;
      ctx.events.record(d, 'Normal', 'ScalingReplicaSet', msg, COMPONENT);
    }
    progress.reset(d.metadata.uid!, ctx.clock.now());
    all = replicaSetsOf(ctx, d);
    newRS = all.find(rs => rs.metadata.labels?.['pod-template-hash'] === hash);
  } else if (newRS && revisionOf(newRS) < maxRevision && !paused) {
    // rolling back to an older template: it becomes the newest revision again
    ctx.store.mutate(
      refOf(newRS as K8sObject),
      o => (o.metadata.annotations![REVISION] = String(maxRevision + 1)),
    );
    progress.reset(d.metadata.uid!, ctx.clock.now());
  }

  const olds = all.filter(rs => rs !== newRS);
  if (newRS && !paused) {
    if (d.spec?.strategy?.type === 'Recreate') {
      for (const rs of olds) scaleReplicaSet(ctx, d, rs, 0, COMPONENT);
      const oldPods = olds.reduce((n, rs) => n + rsCounts(ctx, rs).pods, 0);
      if (oldPods === 0) scaleReplicaSet(ctx, d, newRS, replicas, COMPONENT);
    } else {
      rollingUpdate(ctx, d, newRS, olds, replicas);
    }
  }

  // drop old ReplicaSets beyond revisionHistoryLimit
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const idle = replicaSetsOf(ctx, d)
    .filter(
      rs =>
        rs !== newRS &&
        rs.metadata.name !== newRS?.metadata.name &&
        (rs.spec?.replicas ?? 0) === 0,
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
    if (rsCounts(ctx, rs).pods === 0) ctx.store.delete(refOf(rs as K8sObject));
  }

  updateStatus(ctx, d, hash, replicas, progress);
}

function rollingUpdate(
  ctx: SimContext,
  d: K8sObject,
  newRS: Readonly<K8sObject>,
  olds: Readonly<K8sObject>[],
  replicas: number,
) {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const maxSurge = intOrPercent(ru.maxSurge, replicas, '25%', true);
  let maxUnavailable = intOrPercent(ru.maxUnavailable, replicas, '25%', false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;

  // scale up the new ReplicaSet within the surge budget
  const total = () =>
    [newRS, ...olds].reduce(
      (n, rs) =>
        n + (ctx.store.peek(refOf(rs as K8sObject))?.spec?.replicas ?? 0),
      0,
    );
  const newCount = newRS.spec?.replicas ?? 0;
  if (newCount < replicas) {
    const room = replicas + maxSurge - total();
    const up = Math.min(room, replicas - newCount);
    if (up > 0) scaleReplicaSet(ctx, d, newRS, newCount + up, COMPONENT);
  } else if (newCount > replicas) {
    scaleReplicaSet(ctx, d, newRS, replicas, COMPONENT);
  }

  // scale down old ReplicaSets while keeping minAvailable
  const fresh = ctx.store.peek(refOf(newRS as K8sObject))!;
  const newCounts = rsCounts(ctx, fresh);
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = Math.max(
    0,
    (fresh.spec?.replicas ?? 0) - newCounts.available,
  );
  let budget = total() - minAvailable - newUnavailable;
  // first remove old pods that are not available anyway
  for (const rs of olds) {
    if (budget <= 0) break;
    const c = rsCounts(ctx, rs);
    const unhealthy = Math.min(c.spec - c.available, budget);
    if (unhealthy > 0 && c.spec > 0) {
      scaleReplicaSet(ctx, d, rs, c.spec - unhealthy, COMPONENT);
      budget -= unhealthy;
    }
  }
  const available = [fresh, ...olds].reduce(
    (n, rs) => n + rsCounts(ctx, rs).available,
    0,
  );
  let down = available - minAvailable;
  const sortedOlds = [...olds].sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of sortedOlds) {
    if (down <= 0) break;
    const cur = ctx.store.peek(refOf(rs as K8sObject))?.spec?.replicas ?? 0;
    if (cur === 0) continue;
    const by = Math.min(cur, down);
    scaleReplicaSet(ctx, d, rs, cur - by, COMPONENT);
    down -= by;
  }
}

function updateStatus(
  ctx: SimContext,
  d: K8sObject,
  hash: string,
  replicas: number,
  progress: ProgressTracker,
) {
  const all = replicaSetsOf(ctx, d);
  const newRS = all.find(
    rs => rs.metadata.labels?.['pod-template-hash'] === hash,
  );
  let total = 0;
  let ready = 0;
  for (const rs of all) {
    const c = rsCounts(ctx, rs);
    total += c.pods;
    ready += c.ready;
  }
  const updated = newRS ? rsCounts(ctx, newRS).pods : 0;
  const updatedReady = newRS ? rsCounts(ctx, newRS).ready : 0;
  const complete =
    updated === replicas && total === replicas && updatedReady === replicas;
  const now = ctx.clock.now();
  const nowStr = rfc3339(now);
  const sig = JSON.stringify(
    all.map(rs => [
      rs.metadata.name,
      rs.spec?.replicas,
      rsCounts(ctx, rs).ready,
    ]),
  );
  const stalled = progress.observe(d.metadata.uid!, sig, now);
  const deadline = progressDeadlineMs(ctx, d.spec);
  const exceeded = !complete && !d.spec?.paused && stalled >= deadline;
  if (!complete && !exceeded && !d.spec?.paused)
    ctx.requeue(d.metadata.uid!, deadline - stalled + 1);

  const maxUnavailable = intOrPercent(
    d.spec?.strategy?.rollingUpdate?.maxUnavailable,
    replicas,
    '25%',
    false,
  );
  const prevConds: any[] = d.status?.conditions ?? [];
  const cond = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ) => {
    const prev = prevConds.find(c => c.type === type);
    const same = prev && prev.status === status && prev.reason === reason;
    return {
      type,
      status,
      reason,
      message,
      lastUpdateTime:
        same && prev.message === message ? prev.lastUpdateTime : nowStr,
      lastTransitionTime: same ? prev.lastTransitionTime : nowStr,
    };
  };
  const rsName = newRS?.metadata.name ?? d.metadata.name;
  const conditions = [
    ready >= replicas - maxUnavailable
      ? cond(
          'Available',
          'True',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
        )
      : cond(
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
        ),
    cond(
      'Progressing',
      ...progressingCondition(!!d.spec?.paused, exceeded, complete, rsName),
    ),
  ];
  const status: any = {
    observedGeneration: d.metadata.generation,
    replicas: total,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: ready,
    unavailableReplicas: Math.max(0, Math.max(replicas, total) - ready),
    conditions,
  };
  for (const k of [
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ]) {
    if (!status[k]) delete status[k];
  }
  ctx.store.mutate(refOf(d), o => (o.status = status));
}

/** Status, reason and message of a Deployment's Progressing condition. */
function progressingCondition(
  paused: boolean,
  exceeded: boolean,
  complete: boolean,
  rsName: string,
): [status: string, reason: string, message: string] {
  if (paused) return ['Unknown', 'DeploymentPaused', 'Deployment is paused'];
  if (exceeded)
    return [
      'False',
      'ProgressDeadlineExceeded',
      `ReplicaSet "${rsName}" has timed out progressing.`,
    ];
  if (complete)
    return [
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${rsName}" has successfully progressed.`,
    ];
  return [
    'True',
    'ReplicaSetUpdated',
    `ReplicaSet "${rsName}" is progressing.`,
  ];
}
