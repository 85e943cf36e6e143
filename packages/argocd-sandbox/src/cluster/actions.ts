/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339 } from '../util/time.ts';
import type { Simulator } from './simulator.ts';
import type { K8sObject } from './types.ts';
import { groupOf, refOf } from './types.ts';

/** Definition `v1alpha1ResourceAction`: `disabled` is left out when false. */
export interface ResourceAction {
  name: string;
  displayName?: string;
  iconClass?: string;
  disabled?: boolean;
}

function action(
  name: string,
  enabled: boolean,
  displayName?: string,
  iconClass?: string,
): ResourceAction {
  return {
    name,
    ...(displayName ? { displayName } : {}),
    ...(iconClass ? { iconClass } : {}),
    ...(enabled ? {} : { disabled: true }),
  };
}

/** The built-in discovery of Argo CD's resource customizations, evaluated against the live object. */
export function listActions(obj: Readonly<K8sObject>): ResourceAction[] {
  const key = `${groupOf(obj.apiVersion)}/${obj.kind}`;
  const st = obj.status ?? {};
  switch (key) {
    case 'argoproj.io/Rollout': {
      const inProgress =
        !!st.currentPodHash && st.currentPodHash !== st.stableRS;
      const paused =
        (st.pauseConditions ?? []).length > 0 || !!obj.spec?.paused;
      const steps: any[] = obj.spec?.strategy?.canary?.steps ?? [];
      const isCanary = !!obj.spec?.strategy?.canary;
      return [
        action('restart', true, 'Restart Pods', 'fa fa-fw fa-sync-alt'),
        action('resume', paused, undefined, 'fa fa-fw fa-play'),
        action('promote-full', inProgress, undefined, 'fa fa-fw fa-forward'),
        action(
          'abort',
          inProgress && !st.abort,
          undefined,
          'fa fa-fw fa-times-circle',
        ),
        action(
          'retry',
          inProgress && !!st.abort,
          undefined,
          'fa fa-fw fa-redo-alt',
        ),
        action(
          'pause',
          inProgress && !st.abort && !obj.spec?.paused,
          undefined,
          'fa fa-fw fa-pause',
        ),
        action(
          'skip-current-step',
          isCanary &&
            steps.length > 0 &&
            (st.currentStepIndex ?? steps.length) < steps.length,
          undefined,
          'fa fa-fw fa-step-forward',
        ),
      ];
    }
    case 'apps/Deployment':
      return [
        action('restart', true, undefined, 'fa fa-fw fa-redo'),
        action(
          'pause',
          !obj.spec?.paused,
          undefined,
          'fa fa-fw fa-pause-circle',
        ),
        action(
          'resume',
          !!obj.spec?.paused,
          undefined,
          'fa fa-fw fa-play-circle',
        ),
      ];
    case 'apps/StatefulSet':
    case 'apps/DaemonSet':
      return [action('restart', true, undefined, 'fa fa-fw fa-redo')];
    default:
      return [];
  }
}

export class UnknownActionError extends Error {}

/**
 * Runs an action on the live object (as the Lua scripts do: a change to spec and/or status). Running an action
 * that discovery marks disabled changes nothing, as the built-in scripts only act in the matching state.
 */
export function runAction(
  sim: Simulator,
  obj: Readonly<K8sObject>,
  name: string,
): void {
  const available = listActions(obj);
  const found = available.find(a => a.name === name);
  if (!found) {
    throw new UnknownActionError(
      `action ${name} not found for ${groupOf(obj.apiVersion) || 'core'}/${
        obj.kind
      } ${obj.metadata.name}`,
    );
  }
  if (found.disabled) return;
  const now = sim.clock.now();
  const ref = refOf(obj as K8sObject);
  const key = `${groupOf(obj.apiVersion)}/${obj.kind}`;
  if (key === 'argoproj.io/Rollout') {
    sim.store.mutate(ref, o => {
      o.status = o.status ?? {};
      switch (name) {
        case 'restart':
          o.spec.restartAt = rfc3339(now);
          sim.rollouts.noteRestart(o.metadata.uid!, now);
          break;
        case 'resume':
          delete o.status.pauseConditions;
          if (o.spec.paused) o.spec.paused = false;
          break;
        case 'promote-full':
          o.status.promoteFull = true;
          break;
        case 'abort':
          o.status.abort = true;
          o.status.abortedAt = rfc3339(now);
          break;
        case 'retry':
          delete o.status.abort;
          delete o.status.abortedAt;
          break;
        case 'pause':
          o.spec.paused = true;
          break;
        case 'skip-current-step':
          delete o.status.pauseConditions;
          o.status.currentStepIndex = (o.status.currentStepIndex ?? 0) + 1;
          break;
        default:
          break;
      }
    });
    return;
  }
  sim.store.mutate(ref, o => {
    switch (name) {
      case 'restart':
        o.spec.template = o.spec.template ?? {};
        o.spec.template.metadata = o.spec.template.metadata ?? {};
        o.spec.template.metadata.annotations = {
          ...(o.spec.template.metadata.annotations ?? {}),
          'kubectl.kubernetes.io/restartedAt': new Date(now)
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z'),
        };
        break;
      case 'pause':
        o.spec.paused = true;
        break;
      case 'resume':
        delete o.spec.paused;
        break;
      default:
        break;
    }
  });
}
