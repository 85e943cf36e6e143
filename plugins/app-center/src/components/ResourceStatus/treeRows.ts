import type { ResourceTreeNode } from '@internal/plugin-app-center-common';

/** What the tree shows: every field empty means everything. */
export interface TreeFilter {
  kind: string;
  health: string;
  sync: string;
  name: string;
}

export const NO_FILTER: TreeFilter = {
  kind: '',
  health: '',
  sync: '',
  name: '',
};

/** One visible row of the tree: a node at its depth. */
export interface TreeRow {
  node: ResourceTreeNode;
  depth: number;
  hasChildren: boolean;
}

function matches(node: ResourceTreeNode, f: TreeFilter, name: string) {
  return (
    (!f.kind || node.kind === f.kind) &&
    (!f.health || node.health === f.health) &&
    (!f.sync || node.sync === f.sync) &&
    (!name || node.name.toLowerCase().includes(name))
  );
}

/**
 * The rows to draw, depth first: with a filter, the nodes that match and their ancestors (so a match keeps
 * its place in the tree); collapsed nodes hide their children. Iterative, so a 10,000-node tree costs one
 * pass and no deep recursion.
 */
export function visibleRows(
  root: ResourceTreeNode,
  filter: TreeFilter,
  collapsed: ReadonlySet<string>,
): TreeRow[] {
  const name = filter.name.trim().toLowerCase();
  const filtering = !!(filter.kind || filter.health || filter.sync || name);
  // Which nodes stay: a match or an ancestor of one (post-order over an explicit stack).
  const keep = new Set<string>();
  if (filtering) {
    const stack: Array<{ node: ResourceTreeNode; visited: boolean }> = [
      { node: root, visited: false },
    ];
    while (stack.length) {
      const top = stack.pop()!;
      if (!top.visited) {
        stack.push({ node: top.node, visited: true });
        for (const c of top.node.children)
          stack.push({ node: c, visited: false });
      } else if (
        matches(top.node, filter, name) ||
        top.node.children.some(c => keep.has(c.id))
      ) {
        keep.add(top.node.id);
      }
    }
  }
  const rows: TreeRow[] = [];
  const stack: Array<{ node: ResourceTreeNode; depth: number }> = [
    { node: root, depth: 0 },
  ];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (filtering && node !== root && !keep.has(node.id)) continue;
    rows.push({ node, depth, hasChildren: node.children.length > 0 });
    if (collapsed.has(node.id)) continue;
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i], depth: depth + 1 });
  }
  return rows;
}

/** The values present in the tree, for the filters' choices. */
export function treeValues(root: ResourceTreeNode) {
  const kinds = new Set<string>();
  const healths = new Set<string>();
  const syncs = new Set<string>();
  const stack = [...root.children];
  while (stack.length) {
    const n = stack.pop()!;
    kinds.add(n.kind);
    if (n.health) healths.add(n.health);
    if (n.sync) syncs.add(n.sync);
    stack.push(...n.children);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    kinds: sorted(kinds),
    healths: sorted(healths),
    syncs: sorted(syncs),
  };
}
