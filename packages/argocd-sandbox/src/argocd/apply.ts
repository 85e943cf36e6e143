/* eslint-disable @typescript-eslint/no-explicit-any */
import type { K8sObject } from '../cluster/types.ts';
import { groupOf, isClusterScoped } from '../cluster/types.ts';
import { clone, deepEqual, isObject } from '../util/json.ts';

export const TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function trackingId(
  app: string,
  obj: Pick<K8sObject, 'apiVersion' | 'kind' | 'metadata'>,
): string {
  return `${app}:${groupOf(obj.apiVersion)}/${obj.kind}:${
    obj.metadata.namespace ?? ''
  }/${obj.metadata.name}`;
}

export function appOfTracking(obj: Readonly<K8sObject>): string | undefined {
  const id = obj.metadata.annotations?.[TRACKING_ANNOTATION];
  return id ? id.slice(0, id.indexOf(':')) : undefined;
}

/** Desired state as Argo CD sends it: destination namespace filled in, tracking annotation set, Secret stringData folded. */
export function normalizeTarget(
  app: string,
  obj: K8sObject,
  namespace: string,
): K8sObject {
  const o = clone(obj);
  o.metadata = o.metadata ?? ({} as K8sObject['metadata']);
  if (!isClusterScoped(o.kind) && !o.metadata.namespace)
    o.metadata.namespace = namespace;
  if (isClusterScoped(o.kind)) delete o.metadata.namespace;
  o.metadata.annotations = {
    ...(o.metadata.annotations ?? {}),
    [TRACKING_ANNOTATION]: trackingId(app, o),
  };
  if (o.kind === 'Secret' && groupOf(o.apiVersion) === '' && o.stringData) {
    o.data = { ...(o.data ?? {}) };
    for (const [k, v] of Object.entries(o.stringData))
      o.data[k] = Buffer.from(String(v)).toString('base64');
    delete o.stringData;
  }
  return o;
}

function lastAppliedOf(live: Readonly<K8sObject> | undefined): any {
  const raw = live?.metadata.annotations?.[LAST_APPLIED];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Three-way merge like `kubectl apply`: fields set by others stay, fields dropped from the manifest go. */
function merge3(live: any, desired: any, last: any): any {
  if (!isObject(desired) || !isObject(live)) return clone(desired);
  const out: any = { ...live };
  for (const [k, v] of Object.entries(desired))
    out[k] =
      isObject(v) && isObject(live[k])
        ? merge3(live[k], v, isObject(last) ? last[k] : undefined)
        : clone(v);
  if (isObject(last))
    for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
  return out;
}

/** The object `kubectl apply` would leave: live merged with the target, with a fresh last-applied annotation. */
export function predictApply(
  live: Readonly<K8sObject> | undefined,
  target: K8sObject,
): K8sObject {
  const lastApplied = JSON.stringify(withoutStatus(target));
  if (!live) {
    const o = clone(target);
    o.metadata.annotations = {
      ...(o.metadata.annotations ?? {}),
      [LAST_APPLIED]: lastApplied,
    };
    delete o.status;
    return o;
  }
  const last = lastAppliedOf(live);
  const body = withoutStatus(target);
  const merged = merge3(clone(live), body, last);
  merged.metadata = merge3(
    clone(live.metadata),
    body.metadata ?? {},
    last?.metadata,
  );
  for (const k of [
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'ownerReferences',
  ] as const) {
    if (live.metadata[k] !== undefined)
      merged.metadata[k] = clone(live.metadata[k]);
  }
  merged.metadata.annotations = {
    ...(merged.metadata.annotations ?? {}),
    [LAST_APPLIED]: lastApplied,
  };
  if (live.status !== undefined) merged.status = clone(live.status);
  return merged;
}

function withoutStatus(o: K8sObject): K8sObject {
  const c = clone(o);
  delete c.status;
  return c;
}

/** True when the live object differs from the target in a field the target (or the last apply) sets. */
export function isModified(
  live: Readonly<K8sObject> | undefined,
  target: K8sObject,
): boolean {
  if (!live) return true;
  const last = lastAppliedOf(live);
  const desired = withoutStatus(target);
  return !covers(desired, live, last, []);
}

function covers(desired: any, live: any, last: any, path: string[]): boolean {
  if (isObject(desired)) {
    if (!isObject(live)) return false;
    for (const [k, v] of Object.entries(desired)) {
      if (
        path.length === 1 &&
        path[0] === 'metadata' &&
        !['labels', 'annotations', 'name', 'namespace'].includes(k)
      )
        continue;
      if (path.length === 2 && path[1] === 'annotations' && k === LAST_APPLIED)
        continue;
      if (v === null || v === undefined) continue;
      if (
        !covers(v, live[k], isObject(last) ? last[k] : undefined, [...path, k])
      )
        return false;
    }
    if (isObject(last)) {
      for (const k of Object.keys(last)) {
        if (path.length === 0 && k === 'status') continue;
        if (!(k in desired) && live[k] !== undefined) return false;
      }
    }
    return true;
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live) || live.length !== desired.length) return false;
    return desired.every((d, i) =>
      covers(d, live[i], Array.isArray(last) ? last[i] : undefined, [
        ...path,
        String(i),
      ]),
    );
  }
  if (typeof desired === 'number' && typeof live === 'string')
    return String(desired) === live;
  return (
    deepEqual(desired, live) ||
    (typeof desired !== 'object' &&
      String(desired) === String(live) &&
      live !== undefined &&
      typeof live !== 'object')
  );
}

/** Argo CD hides Secret values: each distinct value becomes a run of `+`, the same in target and live. */
export function maskSecrets(
  ...objs: (K8sObject | undefined | null)[]
): (K8sObject | undefined | null)[] {
  const values = new Map<string, string>();
  const mask = (v: string) => {
    if (!values.has(v)) values.set(v, '+'.repeat(8 + values.size));
    return values.get(v)!;
  };
  return objs.map(o => {
    if (!o || o.kind !== 'Secret' || groupOf(o.apiVersion) !== '') return o;
    const c = clone(o);
    for (const field of ['data', 'stringData']) {
      if (isObject(c[field]))
        for (const k of Object.keys(c[field]))
          c[field][k] = mask(String(c[field][k]));
    }
    if (c.metadata.annotations?.[LAST_APPLIED]) {
      delete c.metadata.annotations[LAST_APPLIED];
    }
    return c;
  });
}
