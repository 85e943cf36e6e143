import {
  metrics,
  type Counter,
  type Histogram,
  type Meter,
  type ObservableGauge,
  type UpDownCounter,
} from '@opentelemetry/api';

/**
 * The meter's name: Prometheus shows it as `otel_scope_name`. The instruments follow Backstage's own plugins:
 * created from `@opentelemetry/api`'s global meter provider, which is a no-op until the host registers an SDK
 * (see README.md, "Metrics"), so recording costs next to nothing when nobody collects.
 */
export const METER_NAME = 'app-center';

/** Systems App Center calls: Argo CD instances, git hosts and image registries. */
export type Upstream = 'argocd' | 'git' | 'registry';

/** How a task's run on this replica ended; `handed-back` means stopped with the replica, to be resumed. */
export type TaskOutcome = 'succeeded' | 'failed' | 'cancelled' | 'handed-back';

class Instruments {
  readonly queueDepth: ObservableGauge;
  readonly running: UpDownCounter;
  readonly taskDuration: Histogram;
  readonly retries: Counter;
  readonly takeovers: Counter;
  readonly upstreamDuration: Histogram;
  readonly upstreamErrors: Counter;

  constructor(meter: Meter) {
    this.queueDepth = meter.createObservableGauge('app_center.tasks.queued', {
      description:
        'Tasks waiting in the shared queue (every replica reports the same queue)',
      unit: '{task}',
    });
    this.running = meter.createUpDownCounter('app_center.tasks.running', {
      description: 'Tasks this replica is running, by kind',
      unit: '{task}',
    });
    this.taskDuration = meter.createHistogram('app_center.tasks.duration', {
      description: 'One run of a task on this replica, by kind and outcome',
      unit: 's',
      advice: {
        explicitBucketBoundaries: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      },
    });
    this.retries = meter.createCounter('app_center.tasks.retries', {
      description:
        'Runs of a task that an earlier run did not finish (a failed attempt or a replica that stopped)',
      unit: '{run}',
    });
    this.takeovers = meter.createCounter('app_center.tasks.lease_takeovers', {
      description:
        'Tasks claimed from another replica whose lease expired (it died without handing them back)',
      unit: '{task}',
    });
    this.upstreamDuration = meter.createHistogram(
      'app_center.upstream.duration',
      {
        description:
          'Calls to Argo CD, git hosts and registries, by upstream, target (instance or host) and outcome',
        unit: 's',
        advice: {
          explicitBucketBoundaries: [
            0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
          ],
        },
      },
    );
    this.upstreamErrors = meter.createCounter('app_center.upstream.errors', {
      description: 'Failed calls to Argo CD, git hosts and registries',
      unit: '{call}',
    });
  }
}

// Created on first use rather than at import: an SDK registered after this module loaded is still used.
let instruments: Instruments | undefined;
const get = () =>
  (instruments ??= new Instruments(metrics.getMeter(METER_NAME)));

const seconds = (startedAt: number) => (performance.now() - startedAt) / 1000;

/**
 * Times one call to an upstream and counts it as an error when it throws, or when `failed` says its answer is
 * one (for clients that return error responses instead of throwing).
 */
export async function timeUpstream<T>(
  upstream: Upstream,
  target: string,
  call: () => Promise<T>,
  failed?: (result: T) => boolean,
): Promise<T> {
  const startedAt = performance.now();
  const record = (ok: boolean) => {
    const attributes = { upstream, target, outcome: ok ? 'ok' : 'error' };
    get().upstreamDuration.record(seconds(startedAt), attributes);
    if (!ok) get().upstreamErrors.add(1, { upstream, target });
  };
  try {
    const result = await call();
    record(!failed?.(result));
    return result;
  } catch (error) {
    record(false);
    throw error;
  }
}

const FINAL_OUTCOMES: ReadonlySet<string> = new Set([
  'succeeded',
  'failed',
  'cancelled',
]);

/**
 * A task run starting on this replica: counts it as running, and as a retry when an earlier run did not
 * finish it. The returned function ends the run with the task's status afterwards (a task still pending or
 * running was handed back) and records its duration.
 */
export function taskStarted(task: {
  kind: string;
  /** Runs so far including this one. */
  attempts: number;
}): (statusAfterRun: string | undefined) => void {
  const startedAt = performance.now();
  const kind = { kind: task.kind };
  get().running.add(1, kind);
  if (task.attempts > 1) get().retries.add(1, kind);
  let ended = false;
  return statusAfterRun => {
    if (ended) return;
    ended = true;
    const outcome: TaskOutcome = FINAL_OUTCOMES.has(statusAfterRun ?? '')
      ? (statusAfterRun as TaskOutcome)
      : 'handed-back';
    get().running.add(-1, kind);
    get().taskDuration.record(seconds(startedAt), { ...kind, outcome });
  };
}

/** A task claimed after its lease ran out: the replica that held it died without handing it back. */
export function taskLeaseTakenOver(kind: string): void {
  get().takeovers.add(1, { kind });
}

/**
 * Reports the shared queue's depth at each collection, read by `count` (e.g. a count of pending tasks in
 * the database). Returns a function that stops it (on shutdown).
 */
export function observeTaskQueueDepth(
  count: () => Promise<number>,
): () => void {
  const callback = async (result: { observe(value: number): void }) => {
    // A failed read reports nothing rather than a wrong zero.
    const depth = await count().catch(() => undefined);
    if (depth !== undefined) result.observe(depth);
  };
  get().queueDepth.addCallback(callback);
  return () => get().queueDepth.removeCallback(callback);
}
