/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import type { ProgressTracker } from './replicaset.ts';
import { progressDeadlineMs, replicaSetsOf, rsCounts } from './replicaset.ts';
import { HASH_LABEL, REVISION, SCALE_DOWN_AT } from './rolloutCommon.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

/** Writes a Rollout's status: counts, phase and message, conditions, and the progress deadline. */
export function writeRolloutStatus(
  ctx: SimContext,
  progress: ProgressTracker,
  ro: K8sObject,
  st: any,
  hash: string,
  replicas: number,
  blueGreen: boolean,
) {
  const now = ctx.clock.now();
  const all = replicaSetsOf(ctx, ro);
  const newRS = all.find(rs => rs.metadata.labels?.[HASH_LABEL] === hash);
  let total = 0;
  let ready = 0;
  let waitingScaleDown = 0;
  for (const rs of all) {
    const c = rsCounts(ctx, rs);
    total += c.pods;
    ready += c.ready;
    if (rs.metadata.annotations?.[SCALE_DOWN_AT] && rs !== newRS)
      waitingScaleDown += c.pods;
  }
  const nc = newRS
    ? rsCounts(ctx, newRS)
    : { pods: 0, ready: 0, available: 0, spec: 0 };
  const paused = !!ro.spec.paused || (st.pauseConditions ?? []).length > 0;
  const complete =
    st.stableRS === hash &&
    nc.pods === replicas &&
    nc.available === replicas &&
    total - waitingScaleDown === replicas;
  const sig = JSON.stringify(
    all.map(rs => [
      rs.metadata.name,
      rs.spec?.replicas,
      rsCounts(ctx, rs).ready,
    ]),
  );
  const stalled =
    complete || paused || st.abort
      ? 0
      : progress.observe(ro.metadata.uid!, sig, now);
  if (complete || paused || st.abort) progress.reset(ro.metadata.uid!, now);
  const deadline = progressDeadlineMs(ctx, ro.spec);
  const exceeded = !complete && !paused && !st.abort && stalled >= deadline;
  if (!complete && !paused && !st.abort && !exceeded)
    ctx.requeue(ro.metadata.uid!, deadline - stalled + 1);
  const revision = newRS?.metadata.annotations?.[REVISION];
  if (exceeded && ro.spec.progressDeadlineAbort && st.stableRS !== hash) {
    // as Argo Rollouts does with progressDeadlineAbort: the stalled update is aborted, back to stable
    st.abort = true;
    st.abortedAt = rfc3339(now);
    ctx.requeue(ro.metadata.uid!, 0);
  }
  if (st.abort) {
    st.phase = 'Degraded';
    st.message = `RolloutAborted: Rollout aborted update to revision ${revision}`;
  } else if (exceeded) {
    st.phase = 'Degraded';
    st.message = `ProgressDeadlineExceeded: ReplicaSet "${newRS?.metadata.name}" has timed out progressing.`;
  } else if (ro.spec.paused) {
    st.phase = 'Paused';
    st.message = 'manually paused';
  } else if ((st.pauseConditions ?? []).length) {
    st.phase = 'Paused';
    st.message = st.pauseConditions[0].reason;
  } else if (!complete) {
    st.phase = 'Progressing';
    if (nc.pods < replicas) st.message = 'more replicas need to be updated';
    else if (nc.available < replicas)
      st.message = 'updated replicas are still becoming available';
    else if (total - waitingScaleDown > replicas)
      st.message = 'old replicas are pending termination';
    else if (blueGreen && st.blueGreen?.activeSelector !== hash)
      st.message = 'active service cutover pending';
    else st.message = 'waiting for all steps to complete';
  } else {
    st.phase = 'Healthy';
    delete st.message;
  }
  const nowStr = rfc3339(now);
  const prev: any[] = ro.status?.conditions ?? [];
  const cond = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ) => {
    const p = prev.find(c => c.type === type);
    const same = p && p.status === status && p.reason === reason;
    return {
      type,
      status,
      reason,
      message,
      lastTransitionTime: same ? p.lastTransitionTime : nowStr,
      lastUpdateTime: same && p.message === message ? p.lastUpdateTime : nowStr,
    };
  };
  const rsName = newRS?.metadata.name ?? ro.metadata.name;
  st.conditions = [
    ready >= replicas
      ? cond(
          'Available',
          'True',
          'AvailableReason',
          'Rollout has minimum availability',
        )
      : cond(
          'Available',
          'False',
          'AvailableReason',
          'Rollout does not have minimum availability',
        ),
    cond(
      'Progressing',
      ...progressingCondition(st, exceeded, paused, complete, rsName),
    ),
    cond(
      'Paused',
      paused ? 'True' : 'False',
      paused ? 'RolloutPaused' : 'RolloutResumed',
      paused ? 'Rollout is paused' : 'Rollout is resumed',
    ),
    cond(
      'Healthy',
      complete ? 'True' : 'False',
      complete ? 'RolloutHealthy' : 'RolloutHealthy',
      complete ? 'Rollout is healthy' : 'Rollout is not healthy',
    ),
    cond(
      'Completed',
      complete ? 'True' : 'False',
      complete ? 'RolloutCompleted' : 'RolloutCompleted',
      complete ? 'Rollout is completed' : 'Rollout is not completed',
    ),
  ];
  st.replicas = total;
  st.updatedReplicas = nc.pods;
  st.readyReplicas = ready;
  st.availableReplicas = ready;
  st.HPAReplicas = ready;
  st.selector = Object.entries({ ...(ro.spec.selector?.matchLabels ?? {}) })
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  st.observedGeneration = String(ro.metadata.generation);
  if (!blueGreen) st.canary = st.canary ?? {};
  if (!(st.pauseConditions ?? []).length) delete st.pauseConditions;
  ctx.store.mutate(refOf(ro), o => (o.status = st));
}

/** Status, reason and message of a Rollout's Progressing condition. */
function progressingCondition(
  st: any,
  exceeded: boolean,
  paused: boolean,
  complete: boolean,
  rsName: string,
): [status: string, reason: string, message: string] {
  if (st.abort) return ['False', 'RolloutAborted', st.message];
  if (exceeded)
    return [
      'False',
      'ProgressDeadlineExceeded',
      `ReplicaSet "${rsName}" has timed out progressing.`,
    ];
  if (paused) return ['Unknown', 'RolloutPaused', 'Rollout is paused'];
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
