import type { Clock } from '../util/clock.ts';
import type { EventRecorder } from './events.ts';
import type { ClusterStore } from './store.ts';

export interface SimOptions {
  /** Time a pod takes from creation to ready (default 1500 ms, 0 allowed). */
  podReadyDelayMs: number;
  /** Upper bound of a workload's progress deadline (manifests may set a shorter one). */
  progressDeadlineMs: number;
  /** Upper bound of blue-green/canary scale-down delays of old ReplicaSets. */
  scaleDownDelayMs: number;
  /** Interval between generated log lines of a running container. */
  logIntervalMs: number;
  /** Names of the simulated nodes. */
  nodes: string[];
  /** How long a container whose tag contains `crash` runs before it exits with an error (and is restarted). */
  crashAfterMs: number;
}

export const DEFAULT_SIM_OPTIONS: SimOptions = {
  podReadyDelayMs: 1500,
  progressDeadlineMs: 15_000,
  scaleDownDelayMs: 3000,
  logIntervalMs: 2000,
  nodes: ['sandbox-node-1'],
  crashAfterMs: 5000,
};

/** What controllers get: the store, the event recorder, time, options, and a way to be called again later. */
export interface SimContext {
  store: ClusterStore;
  events: EventRecorder;
  clock: Clock;
  options: SimOptions;
  /** Reconcile the object with this uid again after `delayMs`. */
  requeue(uid: string, delayMs: number): void;
  /** Precise creation time (ms) of a pod, known to the simulator. */
  podBornAt(uid: string): number | undefined;
}
