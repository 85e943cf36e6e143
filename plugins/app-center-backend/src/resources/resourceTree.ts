import type {
  ResourceTree,
  ResourceTreeNode,
} from '@internal/plugin-app-center-common';
import type {
  Application,
  ApplicationTree,
  ResourceNode,
  ResourceRef,
} from '../argocd';

/** The key of a resource in the tree: its UID when Argo CD knows it, its coordinates otherwise. */
function refKey(ref: ResourceRef): string {
  return `${ref.group ?? ''}/${ref.kind ?? ''}/${ref.namespace ?? ''}/${
    ref.name ?? ''
  }`;
}

function toNode(
  node: ResourceNode,
  sync: Map<string, string>,
  orphaned: boolean,
): ResourceTreeNode {
  return {
    id: node.uid || refKey(node),
    ...(node.uid ? { uid: node.uid } : {}),
    group: node.group ?? '',
    version: node.version ?? '',
    kind: node.kind ?? '',
    ...(node.namespace ? { namespace: node.namespace } : {}),
    name: node.name ?? '',
    ...(node.health?.status ? { health: node.health.status } : {}),
    ...(node.health?.message ? { healthMessage: node.health.message } : {}),
    ...(sync.has(refKey(node)) ? { sync: sync.get(refKey(node)) } : {}),
    ...(node.images?.length ? { images: node.images } : {}),
    ...(node.info?.length
      ? {
          info: node.info.map(i => ({
            name: i.name ?? '',
            value: i.value ?? '',
          })),
        }
      : {}),
    ...(orphaned ? { orphaned: true } : {}),
    ...(node.createdAt ? { createdAt: node.createdAt } : {}),
    children: [],
  };
}

/** Kinds in a stable order so that the tree does not jump around between refreshes. */
function sortChildren(node: ResourceTreeNode) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    n.children.sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
    );
    stack.push(...n.children);
  }
}

/**
 * Nests Argo CD's flat resource tree under the Application: each node under its first owner found in the
 * tree (parentRefs), the others (managed resources, and orphaned ones, marked) under the Application. Sync
 * status comes from the Application's managed resources; children such as Pods have none.
 */
export function buildResourceTree(
  app: Application,
  tree: ApplicationTree,
): ResourceTree {
  const sync = new Map<string, string>();
  for (const r of app.status?.resources ?? []) {
    if (r.status) sync.set(refKey(r), r.status);
  }
  const root: ResourceTreeNode = {
    id: `application/${app.metadata.name}`,
    group: 'argoproj.io',
    version: 'v1alpha1',
    kind: 'Application',
    name: app.metadata.name,
    ...(app.metadata.namespace ? { namespace: app.metadata.namespace } : {}),
    ...(app.status?.health?.status ? { health: app.status.health.status } : {}),
    ...(app.status?.health?.message
      ? { healthMessage: app.status.health.message }
      : {}),
    ...(app.status?.sync?.status ? { sync: app.status.sync.status } : {}),
    children: [],
  };
  const entries = [
    ...(tree.nodes ?? []).map(n => ({
      source: n,
      node: toNode(n, sync, false),
    })),
    ...(tree.orphanedNodes ?? []).map(n => ({
      source: n,
      node: toNode(n, sync, true),
    })),
  ];
  const byUid = new Map<string, ResourceTreeNode>();
  const byRef = new Map<string, ResourceTreeNode>();
  for (const { source, node } of entries) {
    if (source.uid) byUid.set(source.uid, node);
    byRef.set(refKey(source), node);
  }
  for (const { source, node } of entries) {
    const parent = (source.parentRefs ?? [])
      .map(p => (p.uid && byUid.get(p.uid)) || byRef.get(refKey(p)))
      .find(p => p && p !== node);
    (parent ?? root).children.push(node);
  }
  sortChildren(root);
  return {
    application: app.metadata.name,
    root,
    nodeCount: entries.length,
  };
}
