/* eslint-disable @typescript-eslint/no-explicit-any */
import { stableHash } from '../util/ids.ts';
import { clone } from '../util/json.ts';
import { parseDurationMs, rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import { isPodReady } from './pods.ts';
import type { ProgressTracker } from './replicaset.ts';
import {
  createReplicaSet,
  podsOf,
  progressDeadlineMs,
  replicaSetsOf,
  rsCounts,
  scaleReplicaSet,
} from './replicaset.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

export const HASH_LABEL = 'rollouts-pod-template-hash';
const REVISION = 'rollout.argoproj.io/revision';
const SCALE_DOWN_AT = 'argo-rollouts.argoproj.io/scale-down-deadline';
const COMPONENT = 'rollouts-controller';

/** Controller memory that Argo Rollouts keeps in its own status bookkeeping. */
interface Side {
  pausedAtStep?: number;
  bgPaused?: boolean;
  promoting?: boolean;
  restartMs?: number;
}

/** The Argo Rollouts controller: canary steps (setWeight, pause) and blue-green (active/preview services). */
export class RolloutController {
  private readonly side = new Map<string, Side>();

  private readonly progress: ProgressTracker;

  constructor(progress: ProgressTracker) {
    this.progress = progress;
  }

  state(uid: string): Side {
    let s = this.side.get(uid);
    if (!s) this.side.set(uid, (s = {}));
    return s;
  }

  /** Remembers the exact time of a restart action (spec.restartAt only has second precision). */
  noteRestart(uid: string, ms: number): void {
    this.state(uid).restartMs = ms;
  }

  forget(uid: string): void {
    this.side.delete(uid);
    this.progress.forget(uid);
  }

  reconcile(ctx: SimContext, ro: K8sObject): void {
    const spec = ro.spec ?? {};
    const replicas = spec.replicas ?? 1;
    const st: any = clone(ro.status ?? {});
    const side = this.state(ro.metadata.uid!);
    const canary = spec.strategy?.canary;
    const bg = spec.strategy?.blueGreen;
    const now = ctx.clock.now();
    const invalid = !spec.template
      ? 'spec.template: Required value: either template or workloadRef is required (workloadRef is not simulated)'
      : !!canary === !!bg
      ? 'spec.strategy: Invalid value: exactly one of canary or blueGreen must be set'
      : bg && !bg.activeService
      ? 'spec.strategy.blueGreen.activeService: Required value'
      : undefined;
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
      side.pausedAtStep = undefined;
      side.bgPaused = false;
      side.promoting = false;
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
    const ns = ro.metadata.namespace!;

    if (!inUpdate) {
      scaleReplicaSet(ctx, ro, newRS, replicas, COMPONENT);
      this.scaleDownOld(
        ctx,
        ro,
        all.filter(rs => rs !== newRS),
        !!bg,
      );
      if (bg) {
        st.blueGreen = {
          ...(st.blueGreen ?? {}),
          activeSelector: hash,
          previewSelector: hash,
        };
        setSelector(ctx, ns, bg.activeService, hash, ro.metadata.name);
        if (bg.previewService)
          setSelector(ctx, ns, bg.previewService, hash, ro.metadata.name);
      }
      if (canary) {
        st.currentStepIndex = steps.length;
        if (canary.canaryService)
          setSelector(ctx, ns, canary.canaryService, hash, ro.metadata.name);
        if (canary.stableService)
          setSelector(ctx, ns, canary.stableService, hash, ro.metadata.name);
      }
      delete st.promoteFull;
    } else if (canary) {
      this.canaryStep(ctx, ro, st, side, steps, newRS, stable, all, replicas);
    } else {
      this.blueGreenStep(ctx, ro, st, side, bg, newRS, stable, all, replicas);
    }
    this.restart(ctx, ro, st, side);
    this.writeStatus(ctx, ro, st, hash, replicas, !!bg);
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

  private canaryStep(
    ctx: SimContext,
    ro: K8sObject,
    st: any,
    side: Side,
    steps: any[],
    newRS: Readonly<K8sObject>,
    stable: Readonly<K8sObject> | undefined,
    all: Readonly<K8sObject>[],
    replicas: number,
  ) {
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
      side.pausedAtStep = undefined;
    } else {
      if (st.promoteFull) {
        st.currentStepIndex = steps.length;
        st.pauseConditions = [];
      }
      let idx = Math.min(st.currentStepIndex ?? 0, steps.length);
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
        canaryAvail >= canaryWanted &&
        (!stable || stableWanted === stableTarget);
      const paused = !!ro.spec.paused || (st.pauseConditions ?? []).length > 0;
      if (!paused && stepReady) {
        if (idx >= steps.length) {
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
        } else {
          const step = steps[idx];
          if (step && 'pause' in step) {
            if (side.pausedAtStep === idx) {
              side.pausedAtStep = undefined;
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
              side.pausedAtStep = idx;
              ctx.events.record(
                ro,
                'Normal',
                'RolloutPaused',
                'Rollout is paused (CanaryPauseStep)',
                COMPONENT,
              );
              const dur = parseDurationMs(step.pause?.duration);
              if (dur !== undefined) this.timedUnpause(ctx, ro, idx, dur);
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
      }
    }
    if (canary.canaryService)
      setSelector(
        ctx,
        ns,
        canary.canaryService,
        st.currentPodHash,
        ro.metadata.name,
      );
    if (canary.stableService && st.stableRS)
      setSelector(ctx, ns, canary.stableService, st.stableRS, ro.metadata.name);
  }

  private timedUnpause(
    ctx: SimContext,
    ro: K8sObject,
    idx: number,
    ms: number,
  ) {
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

  private blueGreenStep(
    ctx: SimContext,
    ro: K8sObject,
    st: any,
    side: Side,
    bg: any,
    newRS: Readonly<K8sObject>,
    stable: Readonly<K8sObject> | undefined,
    all: Readonly<K8sObject>[],
    replicas: number,
  ) {
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
      side.bgPaused = false;
      side.promoting = false;
      st.blueGreen.previewSelector = st.stableRS;
      if (bg.previewService && st.stableRS)
        setSelector(ctx, ns, bg.previewService, st.stableRS, name);
      return;
    }
    if (stable) scaleReplicaSet(ctx, ro, stable, replicas, COMPONENT);
    if (st.promoteFull) side.promoting = true;
    const want = side.promoting
      ? replicas
      : Math.min(replicas, bg.previewReplicaCount ?? replicas);
    scaleReplicaSet(ctx, ro, newRS, want, COMPONENT);
    st.blueGreen.previewSelector = st.currentPodHash;
    if (bg.previewService)
      setSelector(ctx, ns, bg.previewService, st.currentPodHash, name);
    const avail = rsCounts(ctx, newRS).available;
    if (avail < want) return;
    const pausedNow = (st.pauseConditions ?? []).length > 0 || !!ro.spec.paused;
    if (!side.promoting) {
      if (
        bg.autoPromotionEnabled === false ||
        bg.autoPromotionSeconds !== undefined
      ) {
        if (!side.bgPaused) {
          st.pauseConditions = [
            { reason: 'BlueGreenPause', startTime: rfc3339(ctx.clock.now()) },
          ];
          st.controllerPause = true;
          side.bgPaused = true;
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
          return;
        }
        if (pausedNow) return;
      }
      side.promoting = true;
      ctx.requeue(ro.metadata.uid!, 0);
      return;
    }
    if (pausedNow && !st.promoteFull) return;
    // switch the active service to the new ReplicaSet
    const from = st.blueGreen.activeSelector;
    st.blueGreen.activeSelector = st.currentPodHash;
    setSelector(ctx, ns, bg.activeService, st.currentPodHash, name);
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
    side.promoting = false;
    side.bgPaused = false;
    ctx.events.record(
      ro,
      'Normal',
      'RolloutCompleted',
      `Rollout completed update to revision ${newRS.metadata.annotations?.[REVISION]} (${st.currentPodHash}): Rollout is Healthy`,
      COMPONENT,
    );
    ctx.requeue(ro.metadata.uid!, 0);
  }

  private restart(ctx: SimContext, ro: K8sObject, st: any, side: Side) {
    if (!ro.spec.restartAt) return;
    const at = side.restartMs ?? Date.parse(ro.spec.restartAt);
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

  private writeStatus(
    ctx: SimContext,
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
        : this.progress.observe(ro.metadata.uid!, sig, now);
    if (complete || paused || st.abort)
      this.progress.reset(ro.metadata.uid!, now);
    const deadline = progressDeadlineMs(ctx, ro.spec);
    const exceeded = !complete && !paused && !st.abort && stalled >= deadline;
    if (!complete && !paused && !st.abort && !exceeded)
      ctx.requeue(ro.metadata.uid!, deadline - stalled + 1);
    const revision = newRS?.metadata.annotations?.[REVISION];
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
      st.message =
        nc.pods < replicas
          ? 'more replicas need to be updated'
          : nc.available < replicas
          ? 'updated replicas are still becoming available'
          : total - waitingScaleDown > replicas
          ? 'old replicas are pending termination'
          : blueGreen && st.blueGreen?.activeSelector !== hash
          ? 'active service cutover pending'
          : 'waiting for all steps to complete';
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
        lastUpdateTime:
          same && p.message === message ? p.lastUpdateTime : nowStr,
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
      st.abort
        ? cond('Progressing', 'False', 'RolloutAborted', st.message)
        : exceeded
        ? cond(
            'Progressing',
            'False',
            'ProgressDeadlineExceeded',
            `ReplicaSet "${rsName}" has timed out progressing.`,
          )
        : paused
        ? cond('Progressing', 'Unknown', 'RolloutPaused', 'Rollout is paused')
        : complete
        ? cond(
            'Progressing',
            'True',
            'NewReplicaSetAvailable',
            `ReplicaSet "${rsName}" has successfully progressed.`,
          )
        : cond(
            'Progressing',
            'True',
            'ReplicaSetUpdated',
            `ReplicaSet "${rsName}" is progressing.`,
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
}

function setSelector(
  ctx: SimContext,
  namespace: string,
  service: string,
  hash: string | undefined,
  rollout: string,
) {
  if (!service || !hash) return;
  const ref = { group: '', kind: 'Service', namespace, name: service };
  const svc = ctx.store.peek(ref);
  if (
    !svc ||
    (svc.spec?.selector?.[HASH_LABEL] === hash &&
      svc.metadata.annotations?.[
        'argo-rollouts.argoproj.io/managed-by-rollouts'
      ] === rollout)
  )
    return;
  ctx.store.mutate(ref, o => {
    o.spec = o.spec ?? {};
    o.spec.selector = { ...(o.spec.selector ?? {}), [HASH_LABEL]: hash };
    o.metadata.annotations = {
      ...(o.metadata.annotations ?? {}),
      'argo-rollouts.argoproj.io/managed-by-rollouts': rollout,
    };
  });
}
