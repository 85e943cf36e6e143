import type { ClusterStore } from './store.ts';
import { isClusterScoped } from './types.ts';
import type { K8sObject } from './types.ts';

/** The namespaces a new cluster has (Argo CD's own included). */
export const INITIAL_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'argocd',
];

export function namespaceExists(store: ClusterStore, name: string): boolean {
  return !!store.peek({ group: '', kind: 'Namespace', namespace: '', name });
}

/** Creates the Namespace objects that do not exist yet. */
export function ensureNamespaces(store: ClusterStore, names: string[]): void {
  for (const name of names)
    if (!namespaceExists(store, name))
      store.create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      });
}

/** The namespace an object would be applied into, when that namespace is missing; undefined otherwise. */
export function missingNamespaceOf(
  store: ClusterStore,
  obj: K8sObject,
): string | undefined {
  if (isClusterScoped(obj.kind)) return undefined;
  const ns = obj.metadata.namespace ?? '';
  return ns && !namespaceExists(store, ns) ? ns : undefined;
}
