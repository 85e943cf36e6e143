/* eslint-disable @typescript-eslint/no-explicit-any */
import type { SimContext } from './context.ts';
import type { K8sObject } from './types.ts';

/** Label Argo Rollouts puts on ReplicaSets, pods and service selectors: the pod template hash. */
export const HASH_LABEL = 'rollouts-pod-template-hash';
/** Annotation with a ReplicaSet's revision number. */
export const REVISION = 'rollout.argoproj.io/revision';
/** Annotation with the time an old ReplicaSet is scaled down (blue-green scale-down delay). */
export const SCALE_DOWN_AT = 'argo-rollouts.argoproj.io/scale-down-deadline';
/** Component name of the events the controller records. */
export const COMPONENT = 'rollouts-controller';
const MANAGED_BY = 'argo-rollouts.argoproj.io/managed-by-rollouts';

/** Controller memory that Argo Rollouts keeps in its own status bookkeeping. */
export interface RolloutMemory {
  pausedAtStep?: number;
  bgPaused?: boolean;
  promoting?: boolean;
  restartMs?: number;
}

/** What a strategy works with while a Rollout moves from its stable ReplicaSet to a new one. */
export interface RolloutUpdate {
  ro: K8sObject;
  /** The status being computed; the controller writes it back. */
  st: any;
  memory: RolloutMemory;
  newRS: Readonly<K8sObject>;
  stable: Readonly<K8sObject> | undefined;
  all: Readonly<K8sObject>[];
  replicas: number;
}

/** Points a Service's selector at the pods of one ReplicaSet (by hash), as the controller does. */
export function setServiceSelector(
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
      svc.metadata.annotations?.[MANAGED_BY] === rollout)
  )
    return;
  ctx.store.mutate(ref, o => {
    o.spec = o.spec ?? {};
    o.spec.selector = { ...(o.spec.selector ?? {}), [HASH_LABEL]: hash };
    o.metadata.annotations = {
      ...(o.metadata.annotations ?? {}),
      [MANAGED_BY]: rollout,
    };
  });
}
