/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import type { K8sObject } from './types.ts';

/** An image whose tag contains `crash` starts, runs a while, exits with an error and is restarted. */
export function isCrashImage(image: string | undefined): boolean {
  if (!image) return false;
  const ref = image.split('@')[0];
  const colon = ref.lastIndexOf(':');
  if (colon <= ref.lastIndexOf('/')) return false;
  return ref.slice(colon + 1).includes('crash');
}

/** The containers of a pod whose image crashes. */
export function crashingContainers(pod: Readonly<K8sObject>): string[] {
  return (pod.spec?.containers ?? [])
    .filter((c: any) => isCrashImage(c.image))
    .map((c: any) => c.name);
}

/** The last line a crashing container writes before it exits. */
export const CRASH_LINE =
  'level=fatal msg="cannot connect to the database: connection refused; exiting"';

function setReady(pod: K8sObject, ready: boolean, now: string) {
  pod.status.conditions = (pod.status.conditions ?? []).map((c: any) =>
    c.type === 'Ready' || c.type === 'ContainersReady'
      ? {
          type: c.type,
          status: ready ? 'True' : 'False',
          ...(ready ? {} : { reason: 'ContainersNotReady' }),
          lastTransitionTime: now,
        }
      : c,
  );
}

/**
 * The crashing containers exit with code 1: the run becomes `lastState.terminated`, the restart count
 * goes up, and the container waits in CrashLoopBackOff until `restartCrashed`.
 */
export function crashContainers(ctx: SimContext, pod: K8sObject): void {
  const names = crashingContainers(pod);
  const now = rfc3339(ctx.clock.now());
  pod.status.containerStatuses = pod.status.containerStatuses.map((s: any) => {
    if (!names.includes(s.name) || !s.state?.running) return s;
    const restartCount = (s.restartCount ?? 0) + 1;
    return {
      ...s,
      ready: false,
      started: false,
      restartCount,
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          startedAt: s.state.running.startedAt,
          finishedAt: now,
        },
      },
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 10s restarting failed container=${s.name} pod=${pod.metadata.name}`,
        },
      },
    };
  });
  setReady(pod, false, now);
  ctx.store.update(pod);
  for (const name of names)
    ctx.events.record(
      pod,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${name} in pod ${pod.metadata.name}`,
      'kubelet',
      `spec.containers{${name}}`,
    );
}

/** The kubelet starts the crashed containers again (until they crash once more). */
export function restartCrashed(ctx: SimContext, pod: K8sObject): void {
  const now = rfc3339(ctx.clock.now());
  pod.status.containerStatuses = pod.status.containerStatuses.map((s: any) =>
    s.state?.waiting?.reason === 'CrashLoopBackOff'
      ? {
          ...s,
          ready: true,
          started: true,
          state: { running: { startedAt: now } },
        }
      : s,
  );
  setReady(
    pod,
    pod.status.containerStatuses.every((s: any) => s.ready),
    now,
  );
  ctx.store.update(pod);
  for (const name of crashingContainers(pod))
    ctx.events.record(
      pod,
      'Normal',
      'Started',
      `Started container ${name}`,
      'kubelet',
      `spec.containers{${name}}`,
    );
}
