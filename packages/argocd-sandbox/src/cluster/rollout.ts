/* eslint-disable @typescript-eslint/no-explicit-any */
import { stableHash } from '../util/ids.ts';
import { clone } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import type { ProgressTracker } from './replicaset.ts';
import {
  createReplicaSet,
  replicaSetsOf,
  scaleReplicaSet,
} from './replicaset.ts';
import { reconcileBlueGreenUpdate } from './rolloutBlueGreen.ts';
import { reconcileCanaryUpdate } from './rolloutCanary.ts';
import type { RolloutMemory } from './rolloutCommon.ts';
import {
  COMPONENT,
  HASH_LABEL,
  REVISION,
  SCALE_DOWN_AT,
  setServiceSelector,
} from './rolloutCommon.ts';
import { reconcileRestart } from './rolloutRestart.ts';
import { writeRolloutStatus } from './rolloutStatus.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

/**
 * The Argo Rollouts controller: canary steps (setWeight, pause) and blue-green (active/preview services).
 * This file follows a Rollout to its ReplicaSet of the current template; the strategies, the restart
 * action and the status live in the rollout*.ts files next to it.
 */
export class RolloutController {
  private readonly memory = new Map<string, RolloutMemory>();

  private readonly progress: ProgressTracker;

  constructor(progress: ProgressTracker) {
    this.progress = progress;
  }

  state(uid: string): RolloutMemory {
    let s = this.memory.get(uid);
    if (!s) this.memory.set(uid, (s = {}));
    return s;
  }

  /** Remembers the exact time of a restart action (spec.restartAt only has second precision). */
  noteRestart(uid: string, ms: number): void {
    this.state(uid).restartMs = ms;
  }

  forget(uid: string): void {
    this.memory.delete(uid);
    this.progress.forget(uid);
  }

  reconcile(ctx: SimContext, ro: K8sObject): void {
    const spec = ro.spec ?? {};
    const replicas = spec.replicas ?? 1;
    const st: any = clone(ro.status ?? {});
    const memory = this.state(ro.metadata.uid!);
    const canary = spec.strategy?.canary;
    const bg = spec.strategy?.blueGreen;
    const now = ctx.clock.now();
    const invalid = invalidSpecReason(spec);
    if (invalid) {
      st.phase = 'Degraded';
      st.message = `InvalidSpec: The Rollout "${ro.metadata.name}" is invalid: ${invalid}`;
      st.observedGeneration = String(ro.metadata.generation);
      st.conditions = [
        {
          type: 'InvalidSpec',
          status: 'True',
          reason: 'InvalidSpec',
          message: st.message,
          lastTransitionTime: rfc3339(now),
          lastUpdateTime: rfc3339(now),
        },
      ];
      ctx.store.mutate(refOf(ro), o => (o.status = st));
      return;
    }

    const hash = stableHash(spec.template, 10);
    let all = replicaSetsOf(ctx, ro);
    const revOf = (rs: Readonly<K8sObject>) =>
      Number(rs.metadata.annotations?.[REVISION] ?? 0);
    let newRS = all.find(rs => rs.metadata.labels?.[HASH_LABEL] === hash);
    if (!newRS) {
      const rev = Math.max(0, ...all.map(revOf)) + 1;
      createReplicaSet(ctx, ro, hash, HASH_LABEL, 0, REVISION, rev);
      all = replicaSetsOf(ctx, ro);
      newRS = all.find(rs => rs.metadata.labels?.[HASH_LABEL] === hash)!;
    }
    const steps: any[] = canary?.steps ?? [];
    if (st.currentPodHash !== hash) {
      const first =
        !st.stableRS ||
        !all.some(rs => rs.metadata.labels?.[HASH_LABEL] === st.stableRS);
      st.currentPodHash = hash;
      delete st.abort;
      delete st.abortedAt;
      delete st.promoteFull;
      delete st.controllerPause;
      st.pauseConditions = [];
      memory.pausedAtStep = undefined;
      memory.bgPaused = false;
      memory.promoting = false;
      if (first) st.stableRS = hash;
      if (canary) {
        st.currentStepHash = stableHash(steps, 10);
        st.currentStepIndex = first || hash === st.stableRS ? steps.length : 0;
      }
      if (!first) {
        const msg = `Rollout updated to revision ${revOf(newRS)}`;
        ctx.events.record(ro, 'Normal', 'RolloutUpdated', msg, COMPONENT);
      }
      this.progress.reset(ro.metadata.uid!, now);
    }
    const stable = all.find(
      rs => rs.metadata.labels?.[HASH_LABEL] === st.stableRS,
    );
    const inUpdate = st.stableRS !== hash;

    if (!inUpdate) {
      scaleReplicaSet(ctx, ro, newRS, replicas, COMPONENT);
      this.scaleDownOld(
        ctx,
        ro,
        all.filter(rs => rs !== newRS),
        !!bg,
      );
      pointServicesAt(ctx, ro, st, hash, steps.length);
      delete st.promoteFull;
    } else {
      const update = { ro, st, memory, newRS, stable, all, replicas };
      if (canary) reconcileCanaryUpdate(ctx, update, steps);
      else reconcileBlueGreenUpdate(ctx, update, bg);
    }
    reconcileRestart(ctx, ro, st, memory);
    writeRolloutStatus(ctx, this.progress, ro, st, hash, replicas, !!bg);
  }

  private scaleDownOld(
    ctx: SimContext,
    ro: K8sObject,
    olds: Readonly<K8sObject>[],
    delayed: boolean,
  ) {
    const now = ctx.clock.now();
    for (const rs of olds) {
      if ((rs.spec?.replicas ?? 0) === 0) continue;
      const at = rs.metadata.annotations?.[SCALE_DOWN_AT];
      if (delayed && !at) {
        const delay = Math.min(
          (ro.spec.strategy.blueGreen.scaleDownDelaySeconds ?? 30) * 1000,
          ctx.options.scaleDownDelayMs,
        );
        ctx.store.mutate(
          refOf(rs as K8sObject),
          o =>
            (o.metadata.annotations![SCALE_DOWN_AT] = new Date(
              now + delay,
            ).toISOString()),
        );
        ctx.requeue(ro.metadata.uid!, delay + 1);
        continue;
      }
      if (at && Date.parse(at) > now) {
        ctx.requeue(ro.metadata.uid!, Date.parse(at) - now + 1);
        continue;
      }
      scaleReplicaSet(ctx, ro, rs, 0, COMPONENT);
      if (at)
        ctx.store.mutate(
          refOf(rs as K8sObject),
          o => delete o.metadata.annotations![SCALE_DOWN_AT],
        );
    }
  }
}

/** Why the spec cannot be rolled out, as the controller's InvalidSpec condition says; undefined when valid. */
function invalidSpecReason(spec: any): string | undefined {
  const canary = spec.strategy?.canary;
  const bg = spec.strategy?.blueGreen;
  if (!spec.template)
    return 'spec.template: Required value: either template or workloadRef is required (workloadRef is not simulated)';
  if (!!canary === !!bg)
    return 'spec.strategy: Invalid value: exactly one of canary or blueGreen must be set';
  if (bg && !bg.activeService)
    return 'spec.strategy.blueGreen.activeService: Required value';
  return undefined;
}

/** No update in flight: every service of the strategy points at the one ReplicaSet. */
function pointServicesAt(
  ctx: SimContext,
  ro: K8sObject,
  st: any,
  hash: string,
  stepCount: number,
) {
  const ns = ro.metadata.namespace!;
  const name = ro.metadata.name;
  const { canary, blueGreen: bg } = ro.spec.strategy;
  if (bg) {
    st.blueGreen = {
      ...(st.blueGreen ?? {}),
      activeSelector: hash,
      previewSelector: hash,
    };
    setServiceSelector(ctx, ns, bg.activeService, hash, name);
    if (bg.previewService)
      setServiceSelector(ctx, ns, bg.previewService, hash, name);
  }
  if (canary) {
    st.currentStepIndex = stepCount;
    if (canary.canaryService)
      setServiceSelector(ctx, ns, canary.canaryService, hash, name);
    if (canary.stableService)
      setServiceSelector(ctx, ns, canary.stableService, hash, name);
  }
}
