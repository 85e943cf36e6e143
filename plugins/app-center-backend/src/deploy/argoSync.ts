import { ConflictError } from '@backstage/errors';
import type {
  Application,
  ArgoCDClient,
  SyncOperationResource,
} from '../argocd';
import { ArgoCDUpstreamError } from '../argocd';

/** What a sync-and-watch is about and how long it may take. */
export interface SyncAndWatchOptions {
  client: ArgoCDClient;
  /** The Argo CD Application. */
  application: string;
  /** AppProject (`project=` on every call). */
  appProject: string;
  /** The commit to sync to (pinned); undefined syncs the spec's targetRevision. */
  revision?: string;
  prune?: boolean;
  /** A partial sync of these resources only. */
  resources?: SyncOperationResource[];
  /**
   * Do not sync again when the app's last operation already synced `revision` successfully (or is syncing
   * it now): a resumed task only watches. Explicit syncs (the Sync button) set it to false.
   */
  reuseFinishedSync: boolean;
  /** Wait for health after the operation (default true); partial syncs only wait for the operation. */
  watchHealth?: boolean;
  timeoutMs: number;
  /** Stops the wait (task cancelled or worker stopping). */
  signal: AbortSignal;
  checkCancelled: () => Promise<void>;
  progress: (message: string) => Promise<void>;
  /** First poll interval; grows to 0.5 s (default 100 ms). */
  pollMs?: number;
  /**
   * The batch's shared watch: reads come from its one list call per poll (which also paces them) instead
   * of one read of this app per poll.
   */
  watch?: {
    next(
      application: string,
      signal: AbortSignal,
    ): Promise<Application | undefined>;
  };
}

export interface SyncOutcome {
  application: string;
  revision?: string;
  health: string;
  /** False when an earlier attempt's sync was reused. */
  synced: boolean;
  message?: string;
}

const FINAL = new Set(['Succeeded', 'Failed', 'Error']);
const IN_PROGRESS = /another operation is already in progress/i;
/** Consecutive failed reads of the app tolerated while watching (Argo CD restarting, a dropped connection). */
const MAX_READ_FAILURES = 3;
/** Sync requests that failed upstream (5xx, dropped) tried again before the task fails. */
const MAX_SYNC_FAILURES = 2;

/** A deploy that ended badly: the message names the app and the reason Argo CD or the cluster gave. */
export class DeployFailedError extends Error {
  name = 'DeployFailedError';
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const pending: { timer?: NodeJS.Timeout } = {};
    const onAbort = () => {
      clearTimeout(pending.timer);
      reject(signal.reason);
    };
    pending.timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const short = (sha?: string) => (sha ? sha.slice(0, 12) : 'the branch head');

/** Whether the app's current or last operation is a full sync of `revision` that did not fail. */
function alreadySyncing(
  app: Application,
  revision: string | undefined,
): boolean {
  const op = app.status?.operationState;
  const requested = app.operation?.sync ?? op?.operation?.sync;
  if (
    !revision ||
    !requested ||
    requested.revision !== revision ||
    requested.resources?.length
  )
    return false;
  if (app.operation) return true;
  return (
    op?.phase === 'Running' ||
    op?.phase === 'Terminating' ||
    op?.phase === 'Succeeded'
  );
}

/** Why an app is Degraded: its health message and what its unhealthy pods and resources report. */
async function degradedReason(
  o: SyncAndWatchOptions,
  app: Application,
): Promise<string> {
  const reasons = new Set<string>();
  if (app.status?.health?.message) reasons.add(app.status.health.message);
  for (const r of app.status?.resources ?? []) {
    if (r.health?.status === 'Degraded' && r.health.message)
      reasons.add(`${r.kind} ${r.name}: ${r.health.message}`);
  }
  try {
    const tree = await o.client.resourceTree(o.application, {
      project: o.appProject,
      signal: o.signal,
    });
    for (const node of tree.nodes ?? []) {
      if (node.kind !== 'Pod' || node.health?.status === 'Healthy') continue;
      const reason = node.info?.find(i => i.name === 'Status Reason')?.value;
      const detail = [reason, node.health?.message].filter(Boolean).join(': ');
      if (detail && reason !== 'Running')
        reasons.add(`pod ${node.name}: ${detail}`);
      if (reasons.size >= 6) break;
    }
  } catch {
    // the reasons above are enough when the tree cannot be read
  }
  return [...reasons].join('; ') || 'no reason given';
}

/** Asks Argo CD to sync; waits (bounded by the deadline) while another operation runs on the app. */
async function requestSync(
  o: SyncAndWatchOptions,
  deadline: number,
): Promise<void> {
  let announced = false;
  let failures = 0;
  for (let wait = 250; ; wait = Math.min(2000, wait * 2)) {
    try {
      await o.client.sync(o.application, {
        project: o.appProject,
        ...(o.revision ? { revision: o.revision } : {}),
        ...(o.prune ? { prune: true } : {}),
        ...(o.resources?.length ? { resources: o.resources } : {}),
      });
      return;
    } catch (error) {
      // A sync that timed out, or failed on the way (Argo CD answered 5xx or dropped the connection), may still
      // have been recorded: look before asking again. A passing failure must not fail the task; one that
      // lasts fails it after a few tries, with Argo CD's message.
      failures += error instanceof ArgoCDUpstreamError ? 1 : 0;
      const passing =
        error instanceof ArgoCDUpstreamError &&
        (error.statusCode === 504 || failures <= MAX_SYNC_FAILURES);
      if (passing && Date.now() < deadline) {
        const app = await o.client
          .getApplication(o.application, {
            project: o.appProject,
            signal: o.signal,
          })
          .catch(() => undefined);
        if (app && alreadySyncing(app, o.revision)) return;
        await sleep(wait, o.signal);
        continue;
      }
      const busy =
        error instanceof ConflictError &&
        IN_PROGRESS.test((error as Error).message);
      if (!busy) throw error;
      if (Date.now() + wait > deadline) {
        throw new DeployFailedError(
          `${
            o.application
          }: another Argo CD operation kept running for ${Math.round(
            o.timeoutMs / 1000,
          )} s; nothing was synced. Wait for it to finish (or terminate it) and try again`,
        );
      }
      if (!announced)
        await o.progress(
          'waiting for another Argo CD operation on the app to finish',
        );
      announced = true;
      await sleep(wait, o.signal);
      await o.checkCancelled();
    }
  }
}

/** Reads the app; tolerates a few failures in a row (each retried after a pause) before giving up. */
async function readApp(
  o: SyncAndWatchOptions,
  failures: { count: number },
): Promise<Application | undefined> {
  try {
    const app =
      (await o.watch?.next(o.application, o.signal)) ??
      (await o.client.getApplication(o.application, {
        project: o.appProject,
        signal: o.signal,
      }));
    failures.count = 0;
    return app;
  } catch (error) {
    if (o.signal.aborted) throw o.signal.reason;
    const upstream = error instanceof ArgoCDUpstreamError;
    failures.count += 1;
    if (!upstream || failures.count > MAX_READ_FAILURES) throw error;
    return undefined;
  }
}

/**
 * Syncs an Application (pinned to `revision` when given) and watches it until its operation has finished and
 * its health settled: Healthy (or Suspended, a paused rollout waiting for promotion) is success; a failed
 * operation or Degraded health throws {@link DeployFailedError} with Argo CD's and the cluster's reasons;
 * still progressing at the deadline throws too. Upstream failures throw Argo CD's error (502/504 message).
 */
export async function syncAndWatch(
  o: SyncAndWatchOptions,
): Promise<SyncOutcome> {
  const deadline = Date.now() + o.timeoutMs;
  const failures = { count: 0 };
  let first = await readApp(o, failures);
  while (!first) {
    await sleep(500, o.signal);
    first = await readApp(o, failures);
  }
  const reuse = o.reuseFinishedSync && alreadySyncing(first, o.revision);
  if (!reuse) {
    await o.progress(`syncing ${o.application} to ${short(o.revision)}`);
    await requestSync(o, deadline);
  } else {
    await o.progress(
      `${o.application} is already synced (or syncing) to ${short(
        o.revision,
      )}; watching it`,
    );
  }
  let interval = o.pollMs ?? 100;
  let last: Application = first;
  let reported = '';
  for (;;) {
    await o.checkCancelled();
    const app = await readApp(o, failures);
    if (app) {
      last = app;
      const op = app.status?.operationState;
      const ours =
        !o.revision ||
        op?.operation?.sync?.revision === o.revision ||
        op?.syncResult?.revision === o.revision;
      if (!app.operation && op && ours && FINAL.has(op.phase)) {
        if (op.phase !== 'Succeeded') {
          const failed = (op.syncResult?.resources ?? [])
            .filter(r => r.status === 'SyncFailed' && r.message)
            .map(r => `${r.kind} ${r.name}: ${r.message}`);
          throw new DeployFailedError(
            `sync of ${o.application} to ${short(o.revision)} ${
              op.phase === 'Error' ? 'errored' : 'failed'
            }: ${[op.message, ...failed].filter(Boolean).join('; ')}`,
          );
        }
        const health = app.status?.health?.status ?? 'Unknown';
        if (
          health === 'Healthy' ||
          health === 'Suspended' ||
          o.watchHealth === false
        ) {
          return {
            application: o.application,
            revision: op.syncResult?.revision ?? o.revision,
            health,
            synced: !reuse,
            ...(health === 'Suspended'
              ? {
                  message:
                    app.status?.health?.message ??
                    'paused, waiting for promotion',
                }
              : {}),
          };
        }
        if (health === 'Degraded') {
          throw new DeployFailedError(
            `${o.application} is Degraded after syncing ${short(
              o.revision,
            )}: ${await degradedReason(o, app)}`,
          );
        }
        const now = `${health}${
          app.status?.health?.message ? `: ${app.status.health.message}` : ''
        }`;
        if (now !== reported)
          await o.progress(
            `synced ${short(o.revision)}; waiting for health (${now})`,
          );
        reported = now;
      }
    }
    if (Date.now() >= deadline) {
      const health = last.status?.health;
      throw new DeployFailedError(
        `${o.application} did not become healthy within ${Math.round(
          o.timeoutMs / 1000,
        )} s after syncing ${short(o.revision)} (operation ${
          last.status?.operationState?.phase ?? 'not started'
        }, health ${health?.status ?? 'Unknown'}${
          health?.message ? `: ${health.message}` : ''
        })`,
      );
    }
    if (o.watch) continue; // the watch's next poll is the pause
    await sleep(
      Math.min(interval, Math.max(0, deadline - Date.now())),
      o.signal,
    );
    interval = Math.min(500, Math.round(interval * 1.5));
  }
}
