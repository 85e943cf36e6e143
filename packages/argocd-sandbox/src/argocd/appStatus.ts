/* eslint-disable @typescript-eslint/no-explicit-any */
import { resourceHealth } from '../cluster/health.ts';
import type { ObjRef } from '../cluster/types.ts';
import type { K8sObject } from '../cluster/types.ts';
import { groupOf, objKey, refOf, versionOf } from '../cluster/types.ts';
import { isModified } from './apply.ts';
import { ARGOCD_NAMESPACE } from './appStore.ts';

/** The result of comparing git with the cluster for one app: the rendered targets, or why there are none. */
export interface Comparison {
  revision?: string;
  sourceType?: string;
  targets?: K8sObject[];
  error?: string;
}

/** One `status.resources` entry: identity, sync status, health, sync wave and extras (requiresPruning). */
function resourceEntry(
  o: Readonly<K8sObject>,
  status: string,
  health: any,
  extra: any = {},
) {
  const group = groupOf(o.apiVersion);
  const wave = Number(
    o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0,
  );
  return {
    ...(group ? { group } : {}),
    version: versionOf(o.apiVersion),
    kind: o.kind,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    name: o.metadata.name,
    status,
    ...(health
      ? {
          health: health.message
            ? { status: health.status, message: health.message }
            : { status: health.status },
        }
      : {}),
    ...(wave ? { syncWave: wave } : {}),
    ...extra,
  };
}

/**
 * The `status.resources` of an app, sorted: each target with its live object's sync status and health,
 * then the live resources git no longer has (requiresPruning). Without targets every live one is Unknown.
 */
export function resourceStatuses(
  targets: K8sObject[] | undefined,
  live: Readonly<K8sObject>[],
  peek: (ref: ObjRef) => Readonly<K8sObject> | undefined,
): any[] {
  const liveByKey = new Map(live.map(o => [objKey(o as K8sObject), o]));
  const resources: any[] = [];
  if (targets) {
    const targetKeys = new Set<string>();
    for (const t of targets) {
      const key = objKey(t);
      targetKeys.add(key);
      const l = liveByKey.get(key) ?? peek(refOf(t));
      resources.push(
        resourceEntry(
          t,
          isModified(l, t) ? 'OutOfSync' : 'Synced',
          l ? resourceHealth(l) : { status: 'Missing' },
        ),
      );
    }
    for (const l of live)
      if (!targetKeys.has(objKey(l as K8sObject)))
        resources.push(
          resourceEntry(l, 'OutOfSync', resourceHealth(l), {
            requiresPruning: true,
          }),
        );
  } else {
    for (const l of live)
      resources.push(resourceEntry(l, 'Unknown', resourceHealth(l)));
  }
  resources.sort((a, b) =>
    `${a.group ?? ''}/${a.kind}/${a.namespace ?? ''}/${a.name}`.localeCompare(
      `${b.group ?? ''}/${b.kind}/${b.namespace ?? ''}/${b.name}`,
    ),
  );
  return resources;
}

/** The app's sync status: Unknown without a comparison, Synced when every resource is. */
export function appSyncStatus(
  cmp: Comparison,
  resources: any[],
): 'Unknown' | 'Synced' | 'OutOfSync' {
  if (cmp.error || !cmp.targets) return 'Unknown';
  if (resources.every(r => r.status === 'Synced')) return 'Synced';
  return 'OutOfSync';
}

export interface AppStatusUpdate {
  cmp: Comparison;
  resources: any[];
  syncStatus: string;
  health: string;
  images: string[];
  /** Health status before this update (its transition time is kept when unchanged). */
  prevHealth: string | undefined;
  /** RFC 3339 time of this update. */
  now: string;
  /** Whether this update follows a comparison with git (sets reconciledAt). */
  reconciled: boolean;
}

/** Writes sync, health, resources, summary and the ComparisonError condition into an Application. */
export function writeAppStatus(a: any, u: AppStatusUpdate): void {
  const { cmp, now } = u;
  const st = (a.status = a.status ?? {});
  st.resources = u.resources;
  st.sync = {
    status: u.syncStatus,
    ...syncRevision(cmp, st),
    comparedTo: { source: a.spec.source, destination: a.spec.destination },
  };
  st.health = {
    status: u.health,
    lastTransitionTime:
      u.prevHealth === u.health && st.health?.lastTransitionTime
        ? st.health.lastTransitionTime
        : now,
  };
  st.summary = u.images.length ? { images: u.images } : {};
  if (cmp.sourceType) st.sourceType = cmp.sourceType;
  st.controllerNamespace = ARGOCD_NAMESPACE;
  st.resourceHealthSource = 'appTree';
  if (u.reconciled || !st.reconciledAt) st.reconciledAt = now;
  const conditions = (st.conditions ?? []).filter(
    (c: any) => c.type !== 'ComparisonError',
  );
  if (cmp.error) {
    const prev = (st.conditions ?? []).find(
      (c: any) => c.type === 'ComparisonError' && c.message === cmp.error,
    );
    conditions.push({
      type: 'ComparisonError',
      message: cmp.error,
      lastTransitionTime: prev?.lastTransitionTime ?? now,
    });
  }
  if (conditions.length) st.conditions = conditions;
  else delete st.conditions;
}

/** `status.sync.revision`: the compared revision, else the one already there (a failed comparison keeps it). */
function syncRevision(cmp: Comparison, st: any): { revision?: string } {
  if (cmp.revision) return { revision: cmp.revision };
  if (st.sync?.revision) return { revision: st.sync.revision };
  return {};
}
