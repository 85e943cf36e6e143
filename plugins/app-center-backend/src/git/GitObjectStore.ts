import nodeFs from 'node:fs';
import git, { TreeEntry } from 'isomorphic-git';
import type {
  GitEntryType,
  GitIdentity,
  GitTreeEntry,
  GitTreeView,
} from './types';

const MODE_TYPES: Record<string, GitEntryType> = {
  '100644': 'file',
  '100755': 'executable',
  '120000': 'symlink',
  '040000': 'directory',
  '40000': 'directory',
  '160000': 'submodule',
};

function splitPath(p: string): string[] {
  return p.split('/').filter(s => s.length > 0 && s !== '.');
}

/** A change to apply to a tree: content to write, or null to delete. */
export type TreeChange = { path: string; content: string | null };

/**
 * Object-level access to one clone's git directory (no work tree): reads
 * trees and blobs by path at a commit, and builds new trees and commits that
 * rewrite only the folders on changed paths. Trees are memoised by object id.
 */
export class GitObjectStore {
  private readonly trees = new Map<string, TreeEntry[]>();
  private readonly maxTrees: number;

  constructor(
    readonly gitdir: string,
    readonly cache: object = {},
    options: { maxCachedTrees?: number } = {},
  ) {
    this.maxTrees = options.maxCachedTrees ?? 20000;
  }

  async readTreeEntries(oid: string): Promise<TreeEntry[]> {
    const hit = this.trees.get(oid);
    if (hit) return hit;
    const { tree } = await git.readTree({
      fs: nodeFs,
      gitdir: this.gitdir,
      oid,
      cache: this.cache,
    });
    if (this.trees.size >= this.maxTrees) this.trees.clear();
    this.trees.set(oid, tree);
    return tree;
  }

  async commitTree(commit: string): Promise<string> {
    const { commit: c } = await git.readCommit({
      fs: nodeFs,
      gitdir: this.gitdir,
      oid: commit,
      cache: this.cache,
    });
    return c.tree;
  }

  async hasCommit(oid: string): Promise<boolean> {
    try {
      await git.readCommit({
        fs: nodeFs,
        gitdir: this.gitdir,
        oid,
        cache: this.cache,
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Entry (oid and mode) at a path under a root tree, or undefined. */
  async entryAt(
    rootTree: string,
    p: string,
  ): Promise<{ oid: string; mode: string } | undefined> {
    const parts = splitPath(p);
    if (parts.length === 0) return { oid: rootTree, mode: '040000' };
    let current = rootTree;
    for (let i = 0; i < parts.length; i++) {
      const entries = await this.readTreeEntries(current);
      const entry = entries.find(e => e.path === parts[i]);
      if (!entry) return undefined;
      if (i === parts.length - 1) return { oid: entry.oid, mode: entry.mode };
      if (entry.type !== 'tree') return undefined;
      current = entry.oid;
    }
    return undefined;
  }

  async readBlobText(oid: string): Promise<string> {
    const { blob } = await git.readBlob({
      fs: nodeFs,
      gitdir: this.gitdir,
      oid,
      cache: this.cache,
    });
    return Buffer.from(blob).toString('utf8');
  }

  /** A read-only view of the files of a commit. */
  async view(commit: string): Promise<GitTreeView> {
    const root = await this.commitTree(commit);
    return this.viewOfTree(commit, root);
  }

  viewOfTree(revision: string, root: string): GitTreeView {
    return {
      revision,
      oidOf: async p => (await this.entryAt(root, p))?.oid,
      readFile: async p => {
        const entry = await this.entryAt(root, p);
        if (
          !entry ||
          entry.mode === '040000' ||
          entry.mode === '40000' ||
          entry.mode === '160000'
        ) {
          return undefined;
        }
        return this.readBlobText(entry.oid);
      },
      list: async (dir, options = {}) => {
        const start = await this.entryAt(root, dir);
        if (!start || MODE_TYPES[start.mode] !== 'directory') return [];
        const out: GitTreeEntry[] = [];
        const prefix = splitPath(dir).join('/');
        const walk = async (oid: string, base: string) => {
          for (const e of await this.readTreeEntries(oid)) {
            const full = base ? `${base}/${e.path}` : e.path;
            const type = MODE_TYPES[e.mode] ?? 'file';
            out.push({ path: full, type, oid: e.oid });
            if (type === 'directory' && options.recursive)
              await walk(e.oid, full);
          }
        };
        await walk(start.oid, prefix);
        return out;
      },
    };
  }

  /**
   * Applies changes to a root tree, writing new blobs and only the trees on
   * changed paths. Returns the new root tree and the object ids it created
   * (what a push must send). Folders left empty disappear.
   */
  async applyChanges(
    rootTree: string,
    changes: TreeChange[],
  ): Promise<{ tree: string; created: string[] }> {
    const created: string[] = [];
    type Node = { files: Map<string, string | null>; dirs: Map<string, Node> };
    const newNode = (): Node => ({ files: new Map(), dirs: new Map() });
    const top = newNode();
    for (const change of changes) {
      const parts = splitPath(change.path);
      let node = top;
      for (const part of parts.slice(0, -1)) {
        if (!node.dirs.has(part)) node.dirs.set(part, newNode());
        node = node.dirs.get(part)!;
      }
      node.files.set(parts[parts.length - 1], change.content);
    }
    const build = async (
      treeOid: string | undefined,
      node: Node,
    ): Promise<string | undefined> => {
      const entries = new Map<string, TreeEntry>();
      if (treeOid) {
        for (const e of await this.readTreeEntries(treeOid))
          entries.set(e.path, e);
      }
      for (const [name, content] of node.files) {
        if (content === null) {
          entries.delete(name);
          continue;
        }
        const oid = await git.writeBlob({
          fs: nodeFs,
          gitdir: this.gitdir,
          blob: Buffer.from(content, 'utf8'),
        });
        const existing = entries.get(name);
        if (existing?.oid === oid && existing.mode === '100644') continue;
        created.push(oid);
        entries.set(name, { mode: '100644', path: name, oid, type: 'blob' });
      }
      for (const [name, child] of node.dirs) {
        const existing = entries.get(name);
        const childOid = await build(
          existing?.type === 'tree' ? existing.oid : undefined,
          child,
        );
        if (childOid === undefined) entries.delete(name);
        else
          entries.set(name, {
            mode: '040000',
            path: name,
            oid: childOid,
            type: 'tree',
          });
      }
      if (entries.size === 0) return undefined;
      const tree = [...entries.values()];
      const oid = await git.writeTree({
        fs: nodeFs,
        gitdir: this.gitdir,
        tree,
      });
      if (oid !== treeOid) {
        created.push(oid);
        this.trees.set(oid, tree);
      }
      return oid;
    };
    const tree =
      (await build(rootTree, top)) ??
      (await git.writeTree({ fs: nodeFs, gitdir: this.gitdir, tree: [] }));
    if (tree !== rootTree && !created.includes(tree)) created.push(tree);
    return { tree, created };
  }

  async writeCommit(options: {
    tree: string;
    parent: string;
    author: GitIdentity;
    committer: GitIdentity;
    message: string;
    now?: Date;
  }): Promise<string> {
    const timestamp = Math.floor((options.now ?? new Date()).getTime() / 1000);
    return git.writeCommit({
      fs: nodeFs,
      gitdir: this.gitdir,
      commit: {
        tree: options.tree,
        parent: [options.parent],
        author: { ...options.author, timestamp, timezoneOffset: 0 },
        committer: { ...options.committer, timestamp, timezoneOffset: 0 },
        message: options.message.endsWith('\n')
          ? options.message
          : `${options.message}\n`,
      },
    });
  }

  async pack(oids: string[]): Promise<Uint8Array> {
    const { packfile } = await git.packObjects({
      fs: nodeFs,
      gitdir: this.gitdir,
      oids,
      cache: this.cache,
    });
    return packfile!;
  }
}
