/* eslint-disable @typescript-eslint/no-explicit-any */
import type { SimContext } from './context.ts';
import { isPodReady } from './pods.ts';
import { podsOf, replicaSetsOf } from './replicaset.ts';
import type { RolloutMemory } from './rolloutCommon.ts';
import { COMPONENT } from './rolloutCommon.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

/**
 * The restart action (spec.restartAt): deletes pods born before it one at a time, each once all pods are
 * ready, and records `status.restartedAt` when none is left.
 */
export function reconcileRestart(
  ctx: SimContext,
  ro: K8sObject,
  st: any,
  memory: RolloutMemory,
) {
  if (!ro.spec.restartAt) return;
  const at = memory.restartMs ?? Date.parse(ro.spec.restartAt);
  if (st.restartedAt === ro.spec.restartAt) return;
  const pods = replicaSetsOf(ctx, ro).flatMap(rs => podsOf(ctx, rs));
  const stale = pods.filter(p => (ctx.podBornAt(p.metadata.uid!) ?? 0) < at);
  if (!stale.length) {
    st.restartedAt = ro.spec.restartAt;
    return;
  }
  if (pods.every(isPodReady)) {
    const victim = stale.sort(
      (a, b) =>
        (ctx.podBornAt(a.metadata.uid!) ?? 0) -
        (ctx.podBornAt(b.metadata.uid!) ?? 0),
    )[0];
    ctx.store.delete(refOf(victim as K8sObject));
    ctx.events.record(
      ro,
      'Normal',
      'RolloutRestarted',
      `Rollout restarted pod ${victim.metadata.name}`,
      COMPONENT,
    );
  }
}
