/* eslint-disable @typescript-eslint/no-explicit-any */
import type { K8sObject } from '../cluster/types.ts';
import {
  groupOf,
  kubectlName,
  objKey,
  refOf,
  versionOf,
} from '../cluster/types.ts';
import { ensureNamespaces, missingNamespaceOf } from '../cluster/namespaces.ts';
import { isModified, predictApply } from './apply.ts';
import type { AppController } from './controller.ts';
import { syncOrder } from './syncOrder.ts';

/** The container images of a workload (or pod) for its syncResult entry. */
function images(o: K8sObject): string[] | undefined {
  const spec =
    o.spec?.template?.spec ??
    o.spec?.jobTemplate?.spec?.template?.spec ??
    (o.kind === 'Pod' ? o.spec : undefined);
  if (!spec) return undefined;
  const list = [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
    .map((c: any) => c.image)
    .filter(Boolean);
  return list.length ? list : undefined;
}

/** Whether a sync limited to some resources (`sync.resources`) covers this one. */
function matchesFilter(
  o: { group: string; kind: string; name: string; namespace?: string },
  filter: any[] | undefined,
): boolean {
  if (!filter?.length) return true;
  return filter.some(
    r =>
      (r.group ?? '') === o.group &&
      r.kind === o.kind &&
      r.name === o.name &&
      (!r.namespace || r.namespace === (o.namespace ?? '')),
  );
}

/**
 * Applies a sync's targets to the cluster (or only says what it would do, with dryRun) and prunes (or
 * skips) live resources no longer in git. Returns the syncResult resources.
 */
export function applySync(
  ctl: AppController,
  name: string,
  targets: K8sObject[],
  sync: any,
): any[] {
  const store = ctl.sim.store;
  const dryRun = !!sync.dryRun;
  const filter: any[] | undefined = sync.resources;
  const results: any[] = [];
  const ordered = syncOrder(targets);
  const targetKeys = new Set(targets.map(objKey));
  const resultOf = (o: K8sObject, status: string, message: string) => ({
    group: groupOf(o.apiVersion),
    version: versionOf(o.apiVersion),
    kind: o.kind,
    namespace: o.metadata.namespace ?? '',
    name: o.metadata.name,
    status,
    message,
    hookPhase: 'Running',
    syncPhase: 'Sync',
    ...(images(o) ? { images: images(o) } : {}),
  });
  const namespaces = namespaceGate(ctl, name, sync);
  for (const t of ordered) {
    const ref = refOf(t);
    if (!matchesFilter(ref, filter)) continue;
    const nsProblem = namespaces.check(t, results);
    if (nsProblem) {
      results.push(resultOf(t, 'SyncFailed', nsProblem));
      continue;
    }
    const label = kubectlName({
      kind: t.kind,
      group: ref.group,
      name: t.metadata.name ?? '',
    });
    if (!t.metadata.name) {
      results.push(
        resultOf(t, 'SyncFailed', `${t.kind}: resource name may not be empty`),
      );
      continue;
    }
    const live = store.get(ref);
    const verb = applyVerb(live, t);
    if (dryRun) {
      results.push(resultOf(t, 'Synced', `${label} ${verb} (dry run)`));
      continue;
    }
    try {
      if (!live) store.create(predictApply(undefined, t));
      else store.update(predictApply(live, t));
      results.push(resultOf(t, 'Synced', `${label} ${verb}`));
    } catch (e) {
      results.push(
        resultOf(t, 'SyncFailed', `${label}: ${(e as Error).message}`),
      );
    }
  }
  const prune = !!sync.prune;
  for (const l of ctl.managedLive(name)) {
    const ref = refOf(l as K8sObject);
    if (targetKeys.has(objKey(l as K8sObject)) || !matchesFilter(ref, filter))
      continue;
    const skip =
      !prune ||
      l.metadata.annotations?.['argocd.argoproj.io/sync-options']?.includes(
        'Prune=false',
      );
    if (skip) {
      results.push(
        resultOf(l as K8sObject, 'PruneSkipped', 'ignored (requires pruning)'),
      );
      continue;
    }
    if (!dryRun) store.delete(ref, 'foreground');
    results.push(
      resultOf(
        l as K8sObject,
        'Pruned',
        dryRun ? 'pruned (dry run)' : 'pruned',
      ),
    );
  }
  return results;
}

/**
 * Namespaces as a cluster has them: applying into a missing one fails, unless the sync has
 * `CreateNamespace=true` and it is the app's destination namespace, which Argo CD then creates first.
 */
function namespaceGate(ctl: AppController, name: string, sync: any) {
  const store = ctl.sim.store;
  const destination = ctl.apps.peek(name)?.spec?.destination?.namespace;
  const create = (sync.syncOptions ?? []).includes('CreateNamespace=true');
  const planned = new Set<string>();
  return {
    /** A failure message for the object, or undefined; records the namespace's creation in `results`. */
    check(t: K8sObject, results: any[]): string | undefined {
      const missing = missingNamespaceOf(store, t);
      if (!missing || planned.has(missing)) return undefined;
      if (!create || missing !== destination)
        return `namespaces "${missing}" not found`;
      planned.add(missing);
      if (!sync.dryRun) ensureNamespaces(store, [missing]);
      results.push({
        group: '',
        version: 'v1',
        kind: 'Namespace',
        namespace: '',
        name: missing,
        status: 'Synced',
        message: `namespace/${missing} ${
          sync.dryRun ? 'created (dry run)' : 'created'
        }`,
        hookPhase: 'Running',
        syncPhase: 'PreSync',
      });
      return undefined;
    },
  };
}

/** What kubectl apply says it did to an object. */
function applyVerb(
  live: Readonly<K8sObject> | undefined,
  target: K8sObject,
): 'created' | 'configured' | 'unchanged' {
  if (!live) return 'created';
  if (isModified(live, target)) return 'configured';
  return 'unchanged';
}
