/* eslint-disable @typescript-eslint/no-explicit-any */
import { parseDurationMs, rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import { rsCounts, scaleReplicaSet } from './replicaset.ts';
import type { RolloutUpdate } from './rolloutCommon.ts';
import { COMPONENT, REVISION, setServiceSelector } from './rolloutCommon.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

/** One reconcile of a canary update: scale by the current step's weight, then advance, pause or complete. */
export function reconcileCanaryUpdate(
  ctx: SimContext,
  update: RolloutUpdate,
  steps: any[],
) {
  const { ro, st, memory, newRS, stable, all, replicas } = update;
  const ns = ro.metadata.namespace!;
  const canary = ro.spec.strategy.canary;
  for (const rs of all)
    if (rs !== newRS && rs !== stable)
      scaleReplicaSet(ctx, ro, rs, 0, COMPONENT);
  if (st.abort) {
    scaleReplicaSet(ctx, ro, newRS, 0, COMPONENT);
    if (stable) scaleReplicaSet(ctx, ro, stable, replicas, COMPONENT);
    st.currentStepIndex = 0;
    st.pauseConditions = [];
    memory.pausedAtStep = undefined;
  } else {
    if (st.promoteFull) {
      st.currentStepIndex = steps.length;
      st.pauseConditions = [];
    }
    const idx = Math.min(st.currentStepIndex ?? 0, steps.length);
    let weight = 0;
    for (let i = 0; i <= Math.min(idx, steps.length - 1); i++)
      if (steps[i]?.setWeight !== undefined) weight = steps[i].setWeight;
    if (idx >= steps.length) weight = 100;
    const canaryWanted =
      weight >= 100 ? replicas : Math.ceil((replicas * weight) / 100);
    scaleReplicaSet(ctx, ro, newRS, canaryWanted, COMPONENT);
    const canaryAvail = rsCounts(ctx, newRS).available;
    const stableTarget = Math.max(0, replicas - canaryWanted);
    const stableWanted = Math.min(
      replicas,
      Math.max(stableTarget, replicas - canaryAvail),
    );
    if (stable && stable !== newRS)
      scaleReplicaSet(ctx, ro, stable, stableWanted, COMPONENT);
    const stepReady =
      canaryAvail >= canaryWanted && (!stable || stableWanted === stableTarget);
    const paused = !!ro.spec.paused || (st.pauseConditions ?? []).length > 0;
    if (!paused && stepReady) {
      if (idx >= steps.length) completeCanary(ctx, ro, st, newRS);
      else advanceStep(ctx, update, steps, idx);
    }
  }
  if (canary.canaryService)
    setServiceSelector(
      ctx,
      ns,
      canary.canaryService,
      st.currentPodHash,
      ro.metadata.name,
    );
  if (canary.stableService && st.stableRS)
    setServiceSelector(
      ctx,
      ns,
      canary.stableService,
      st.stableRS,
      ro.metadata.name,
    );
}

/** All steps done and the canary fully available: it becomes the stable ReplicaSet. */
function completeCanary(
  ctx: SimContext,
  ro: K8sObject,
  st: any,
  newRS: Readonly<K8sObject>,
) {
  st.stableRS = st.currentPodHash;
  delete st.promoteFull;
  ctx.events.record(
    ro,
    'Normal',
    'RolloutCompleted',
    `Rollout completed update to revision ${newRS.metadata.annotations?.[REVISION]} (${st.currentPodHash}): Rollout is Healthy`,
    COMPONENT,
  );
  ctx.requeue(ro.metadata.uid!, 0);
}

/** The current step is ready: a pause step pauses (or resumes when it was paused), others move on. */
function advanceStep(
  ctx: SimContext,
  update: RolloutUpdate,
  steps: any[],
  current: number,
) {
  const { ro, st, memory } = update;
  let idx = current;
  const step = steps[idx];
  if (step && 'pause' in step) {
    if (memory.pausedAtStep === idx) {
      memory.pausedAtStep = undefined;
      idx++;
      ctx.events.record(
        ro,
        'Normal',
        'RolloutResumed',
        `Rollout is resumed`,
        COMPONENT,
      );
    } else {
      const startTime = rfc3339(ctx.clock.now());
      st.pauseConditions = [{ reason: 'CanaryPauseStep', startTime }];
      st.controllerPause = true;
      memory.pausedAtStep = idx;
      ctx.events.record(
        ro,
        'Normal',
        'RolloutPaused',
        'Rollout is paused (CanaryPauseStep)',
        COMPONENT,
      );
      const dur = parseDurationMs(step.pause?.duration);
      if (dur !== undefined) timedUnpause(ctx, ro, idx, dur);
    }
  } else {
    idx++;
    if (step?.setWeight !== undefined) {
      ctx.events.record(
        ro,
        'Normal',
        'RolloutStepCompleted',
        `Rollout step ${idx}/${steps.length} completed (setWeight: ${step.setWeight})`,
        COMPONENT,
      );
    }
  }
  st.currentStepIndex = idx;
  ctx.requeue(ro.metadata.uid!, 0);
}

/** Ends a timed pause step: clears the pause conditions if the rollout is still paused at that step. */
function timedUnpause(ctx: SimContext, ro: K8sObject, idx: number, ms: number) {
  const ref = refOf(ro);
  ctx.clock.setTimeout(() => {
    const cur = ctx.store.peek(ref);
    if (
      !cur ||
      cur.status?.currentStepIndex !== idx ||
      !(cur.status?.pauseConditions ?? []).length
    )
      return;
    ctx.store.mutate(ref, o => {
      o.status.pauseConditions = [];
    });
  }, ms);
}
