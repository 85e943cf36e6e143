/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import { rsCounts, scaleReplicaSet } from './replicaset.ts';
import type { RolloutUpdate } from './rolloutCommon.ts';
import {
  COMPONENT,
  REVISION,
  SCALE_DOWN_AT,
  setServiceSelector,
} from './rolloutCommon.ts';
import { refOf } from './types.ts';

/**
 * One reconcile of a blue-green update: bring the new ReplicaSet up behind the preview service, pause when
 * promotion is manual (or timed), then switch the active service to it.
 */
export function reconcileBlueGreenUpdate(
  ctx: SimContext,
  update: RolloutUpdate,
  bg: any,
) {
  const { ro, st, memory, newRS, stable, all, replicas } = update;
  const ns = ro.metadata.namespace!;
  const name = ro.metadata.name;
  for (const rs of all)
    if (
      rs !== newRS &&
      rs !== stable &&
      !rs.metadata.annotations?.[SCALE_DOWN_AT]
    )
      scaleReplicaSet(ctx, ro, rs, 0, COMPONENT);
  st.blueGreen = { ...(st.blueGreen ?? {}) };
  if (stable) st.blueGreen.activeSelector = st.stableRS;
  if (st.abort) {
    scaleReplicaSet(ctx, ro, newRS, 0, COMPONENT);
    if (stable) scaleReplicaSet(ctx, ro, stable, replicas, COMPONENT);
    st.pauseConditions = [];
    memory.bgPaused = false;
    memory.promoting = false;
    st.blueGreen.previewSelector = st.stableRS;
    if (bg.previewService && st.stableRS)
      setServiceSelector(ctx, ns, bg.previewService, st.stableRS, name);
    return;
  }
  if (stable) scaleReplicaSet(ctx, ro, stable, replicas, COMPONENT);
  if (st.promoteFull) memory.promoting = true;
  const want = memory.promoting
    ? replicas
    : Math.min(replicas, bg.previewReplicaCount ?? replicas);
  scaleReplicaSet(ctx, ro, newRS, want, COMPONENT);
  st.blueGreen.previewSelector = st.currentPodHash;
  if (bg.previewService)
    setServiceSelector(ctx, ns, bg.previewService, st.currentPodHash, name);
  const avail = rsCounts(ctx, newRS).available;
  if (avail < want) return;
  const pausedNow = (st.pauseConditions ?? []).length > 0 || !!ro.spec.paused;
  if (!memory.promoting) {
    if (
      bg.autoPromotionEnabled === false ||
      bg.autoPromotionSeconds !== undefined
    ) {
      if (!memory.bgPaused) {
        pauseBeforePromotion(ctx, update, bg);
        return;
      }
      if (pausedNow) return;
    }
    memory.promoting = true;
    ctx.requeue(ro.metadata.uid!, 0);
    return;
  }
  if (pausedNow && !st.promoteFull) return;
  switchActiveService(ctx, update, bg);
}

/** Pauses with BlueGreenPause; with autoPromotionSeconds the pause ends by itself. */
function pauseBeforePromotion(ctx: SimContext, update: RolloutUpdate, bg: any) {
  const { ro, st, memory } = update;
  st.pauseConditions = [
    { reason: 'BlueGreenPause', startTime: rfc3339(ctx.clock.now()) },
  ];
  st.controllerPause = true;
  memory.bgPaused = true;
  ctx.events.record(
    ro,
    'Normal',
    'RolloutPaused',
    'Rollout is paused (BlueGreenPause)',
    COMPONENT,
  );
  if (
    bg.autoPromotionEnabled !== false &&
    bg.autoPromotionSeconds !== undefined
  ) {
    const ref = refOf(ro);
    ctx.clock.setTimeout(() => {
      const cur = ctx.store.peek(ref);
      if (cur && (cur.status?.pauseConditions ?? []).length)
        ctx.store.mutate(ref, o => (o.status.pauseConditions = []));
    }, bg.autoPromotionSeconds * 1000);
  }
}

/** Promotion: the active service moves to the new ReplicaSet, which becomes stable. */
function switchActiveService(ctx: SimContext, update: RolloutUpdate, bg: any) {
  const { ro, st, memory, newRS } = update;
  const from = st.blueGreen.activeSelector;
  st.blueGreen.activeSelector = st.currentPodHash;
  setServiceSelector(
    ctx,
    ro.metadata.namespace!,
    bg.activeService,
    st.currentPodHash,
    ro.metadata.name,
  );
  ctx.events.record(
    ro,
    'Normal',
    'SwitchService',
    `Switched selector for service '${bg.activeService}' from '${
      from ?? ''
    }' to '${st.currentPodHash}'`,
    COMPONENT,
  );
  st.stableRS = st.currentPodHash;
  st.pauseConditions = [];
  delete st.promoteFull;
  memory.promoting = false;
  memory.bgPaused = false;
  ctx.events.record(
    ro,
    'Normal',
    'RolloutCompleted',
    `Rollout completed update to revision ${newRS.metadata.annotations?.[REVISION]} (${st.currentPodHash}): Rollout is Healthy`,
    COMPONENT,
  );
  ctx.requeue(ro.metadata.uid!, 0);
}
