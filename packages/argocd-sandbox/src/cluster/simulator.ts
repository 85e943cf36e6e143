import type { Clock, TimerHandle } from '../util/clock.ts';
import type { SimContext, SimOptions } from './context.ts';
import { DEFAULT_SIM_OPTIONS } from './context.ts';
import {
  crashContainers,
  crashingContainers,
  restartCrashed,
} from './crash.ts';
import { reconcileDeployment } from './deployment.ts';
import { EventRecorder } from './events.ts';
import { startPod } from './pods.ts';
import { ProgressTracker, reconcileReplicaSet } from './replicaset.ts';
import { RolloutController } from './rollout.ts';
import {
  reconcileDaemonSet,
  reconcileHpa,
  reconcileStatefulSet,
} from './statefulset.ts';
import { ClusterStore, controllerOf } from './store.ts';
import type { K8sObject } from './types.ts';
import { refOf } from './types.ts';

const CONTROLLED = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
  'HorizontalPodAutoscaler',
]);

/**
 * The simulated cluster: an object store plus the controllers that act on it (Deployment, ReplicaSet,
 * StatefulSet, DaemonSet, HPA, Argo Rollout, kubelet). Work is queued by uid and drained on a zero timer
 * of the clock, so a ManualClock makes everything deterministic.
 */
export class Simulator {
  readonly store: ClusterStore;
  readonly events: EventRecorder;
  readonly options: SimOptions;
  readonly rollouts: RolloutController;
  private readonly progress = new ProgressTracker();
  private readonly dirty = new Set<string>();
  private readonly requeues = new Map<
    string,
    { at: number; handle: TimerHandle }
  >();
  private readonly born = new Map<string, number>();
  /** The autoscalers, so that a workload change looks at them only, not at every object. */
  private readonly hpaUids = new Set<string>();
  private readonly podTimers = new Map<string, TimerHandle>();
  private drainTimer: TimerHandle | undefined;
  private current: string | undefined;
  private stopped = false;
  readonly ctx: SimContext;

  readonly clock: Clock;

  constructor(clock: Clock, options: Partial<SimOptions> = {}) {
    this.clock = clock;
    this.options = { ...DEFAULT_SIM_OPTIONS, ...options };
    this.store = new ClusterStore(clock);
    this.events = new EventRecorder(clock);
    this.rollouts = new RolloutController(this.progress);
    this.ctx = {
      store: this.store,
      events: this.events,
      clock,
      options: this.options,
      requeue: (uid, ms) => this.requeue(uid, ms),
      podBornAt: uid => this.born.get(uid),
    };
    this.store.onChange((type, obj) => this.onChange(type, obj));
  }

  private onChange(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: K8sObject) {
    const uid = obj.metadata.uid!;
    if (type === 'DELETED') {
      this.dirty.delete(uid);
      this.requeues.get(uid)?.handle.cancel();
      this.requeues.delete(uid);
      this.podTimers.get(uid)?.cancel();
      this.podTimers.delete(uid);
      this.born.delete(uid);
      if (obj.kind === 'Rollout') this.rollouts.forget(uid);
      else this.progress.forget(uid);
    }
    if (obj.kind === 'HorizontalPodAutoscaler') {
      if (type === 'DELETED') this.hpaUids.delete(uid);
      else this.hpaUids.add(uid);
    }
    if (obj.kind === 'Pod' && type === 'ADDED') {
      this.born.set(uid, this.clock.now());
      this.schedulePod(obj, this.options.podReadyDelayMs, pod => {
        startPod(this.ctx, pod);
        this.crashLoop(pod);
      });
    }
    if (type !== 'DELETED' && CONTROLLED.has(obj.kind) && this.current !== uid)
      this.markDirty(uid);
    const owner = controllerOf(obj);
    if (owner) this.markDirty(owner.uid);
    if (
      ['Deployment', 'StatefulSet', 'Rollout', 'ReplicaSet'].includes(obj.kind)
    ) {
      for (const hpa of this.hpas(obj.metadata.namespace)) {
        if (
          hpa.spec?.scaleTargetRef?.name === obj.metadata.name &&
          hpa.spec?.scaleTargetRef?.kind === obj.kind
        )
          this.markDirty(hpa.metadata.uid!);
      }
    }
    if (obj.kind === 'HorizontalPodAutoscaler' && type !== 'DELETED')
      this.markDirty(uid);
  }

  private hpas(namespace: string | undefined): Readonly<K8sObject>[] {
    const out: Readonly<K8sObject>[] = [];
    for (const uid of this.hpaUids) {
      const hpa = this.store.peekByUid(uid);
      if (hpa && hpa.metadata.namespace === namespace) out.push(hpa);
    }
    return out;
  }

  /** Runs `step` on the pod's current state after `delayMs`, unless the pod is gone or the cluster stopped. */
  private schedulePod(
    obj: K8sObject,
    delayMs: number,
    step: (pod: K8sObject) => void,
  ): void {
    const uid = obj.metadata.uid!;
    const t = this.clock.setTimeout(() => {
      this.podTimers.delete(uid);
      const pod = this.store.get(refOf(obj));
      if (pod && !this.stopped) step(pod);
    }, delayMs);
    this.podTimers.set(uid, t);
  }

  /** A started pod with a `crash` image: run, crash, back off, restart, and so on until it is deleted. */
  private crashLoop(pod: K8sObject): void {
    if (!crashingContainers(pod).length || pod.status?.phase !== 'Running')
      return;
    this.schedulePod(pod, this.options.crashAfterMs, crashed => {
      crashContainers(this.ctx, crashed);
      this.schedulePod(crashed, this.options.podReadyDelayMs, back => {
        restartCrashed(this.ctx, back);
        this.crashLoop(back);
      });
    });
  }

  markDirty(uid: string): void {
    if (this.stopped) return;
    this.dirty.add(uid);
    if (!this.drainTimer) {
      this.drainTimer = this.clock.setTimeout(() => {
        this.drainTimer = undefined;
        this.drain();
      }, 0);
    }
  }

  requeue(uid: string, delayMs: number): void {
    if (this.stopped) return;
    if (delayMs <= 0) {
      this.markDirty(uid);
      return;
    }
    const at = this.clock.now() + delayMs;
    const existing = this.requeues.get(uid);
    if (existing && existing.at <= at) return;
    existing?.handle.cancel();
    const handle = this.clock.setTimeout(() => {
      this.requeues.delete(uid);
      this.markDirty(uid);
    }, delayMs);
    this.requeues.set(uid, { at, handle });
  }

  /** Runs queued reconciles until the queue is empty (bounded, to survive a controller bug). */
  drain(): void {
    let budget = 20_000;
    while (this.dirty.size && budget-- > 0) {
      const uid = this.dirty.values().next().value as string;
      this.dirty.delete(uid);
      const obj = this.store.peekByUid(uid);
      if (!obj) continue;
      this.current = uid;
      try {
        this.reconcile(this.store.get(refOf(obj as K8sObject))!);
      } catch (e) {
        // a controller error must not stop the cluster; surface it as an event
        this.events.record(
          obj as K8sObject,
          'Warning',
          'ReconcileError',
          String((e as Error)?.message ?? e),
          'sandbox-controller',
        );
      } finally {
        this.current = undefined;
      }
    }
  }

  private reconcile(obj: K8sObject) {
    switch (obj.kind) {
      case 'Deployment':
        return reconcileDeployment(this.ctx, obj, this.progress);
      case 'ReplicaSet':
        return reconcileReplicaSet(this.ctx, obj);
      case 'StatefulSet':
        return reconcileStatefulSet(this.ctx, obj);
      case 'DaemonSet':
        return reconcileDaemonSet(this.ctx, obj);
      case 'HorizontalPodAutoscaler':
        return reconcileHpa(this.ctx, obj);
      case 'Rollout':
        return this.rollouts.reconcile(this.ctx, obj);
      default:
        return undefined;
    }
  }

  podBornAt(uid: string): number | undefined {
    return this.born.get(uid);
  }

  stop(): void {
    this.stopped = true;
    this.drainTimer?.cancel();
    for (const r of this.requeues.values()) r.handle.cancel();
    for (const t of this.podTimers.values()) t.cancel();
    this.requeues.clear();
    this.podTimers.clear();
  }
}
