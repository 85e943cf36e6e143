import { promises as fs } from 'node:fs';
import nodeFs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { InputError, NotFoundError } from '@backstage/errors';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { GitObjectStore, TreeChange } from './GitObjectStore';
import { GitCommitInfo, readCommitInfo, readFirstParentLog } from './commitLog';
import { GitTransport } from './GitTransport';
import { BranchContentionError, RevisionConflictError } from './conflicts';
import { isDamage } from './cloneDamage';
import { GitUpstreamError } from './GitUpstreamError';
import { Mutex } from './Mutex';
import { redactUrl } from './redact';
import type {
  GitIdentity,
  GitTreeView,
  GitWriteRequest,
  GitWriteResult,
} from './types';

/** Options of one working clone. */
export interface GitWorkingCloneOptions {
  url: string;
  branch: string;
  /** Directory holding this clone's generations. */
  dir: string;
  transport: GitTransport;
  committer: GitIdentity;
  /** Push attempts before giving up (default 5). */
  maxPushAttempts?: number;
  /** Reads within this many ms of the last check do not ask the host for news (default 1000). */
  freshnessMs?: number;
  /** Fetches that leave more packs than this trigger a fresh clone (default 200). */
  maxPacks?: number;
  logger?: LoggerService;
  now?: () => Date;
}

const REVISION = /^[0-9a-f]{40}$/;

/**
 * One shallow, object-only clone of one branch. Reads never take the lock
 * (objects are immutable); writes and fetches are serialized by a mutex.
 * A damaged clone is dropped and cloned again: nothing lives only here.
 */
export class GitWorkingClone {
  readonly url: string;
  readonly branch: string;
  private readonly opts: GitWorkingCloneOptions;
  private readonly mutex = new Mutex();
  private store?: GitObjectStore;
  private generation = 0;
  private headOid?: string;
  private lastCheck = 0;
  private refreshing?: Promise<void>;
  /** Number of operations currently using this clone (never evicted while > 0). */
  leases = 0;
  lastUsed = Date.now();

  constructor(options: GitWorkingCloneOptions) {
    this.opts = options;
    this.url = options.url;
    this.branch = options.branch;
  }

  get busy(): boolean {
    return this.leases > 0 || this.mutex.size > 0;
  }

  /** The commit the clone currently considers the branch head (fetching when stale). */
  async head(): Promise<string> {
    await this.refresh();
    return this.headOid!;
  }

  /** A view of the files at head, or at `revision` when given (fetching history when needed). */
  async view(revision?: string): Promise<GitTreeView> {
    return this.withRecovery(async () => {
      if (!revision) {
        const head = await this.head();
        return this.store!.view(head);
      }
      await this.ensureRevision(revision);
      return this.store!.view(revision);
    });
  }

  /** First-parent history from head, newest first (see {@link readFirstParentLog}); deepens a shallow clone. */
  async log(options: { max: number; since?: Date }): Promise<GitCommitInfo[]> {
    return this.withRecovery(async () => {
      const from = await this.head();
      const [gitdir, cache] = [this.gitdir(), this.store!.cache];
      const deepen = (depth: number) =>
        this.mutex.run(async () => {
          await this.opts.transport.fetch({
            gitdir,
            url: this.url,
            branch: this.branch,
            depth,
            relative: true,
            cache,
          });
        });
      return readFirstParentLog({ gitdir, cache, from, ...options, deepen });
    });
  }

  /** Author, dates, message and trailers of one commit (fetching history when needed). */
  async commitInfo(revision: string): Promise<GitCommitInfo> {
    return this.withRecovery(async () => {
      await this.ensureRevision(revision);
      return readCommitInfo(this.gitdir(), this.store!.cache, revision);
    });
  }

  /** Makes the clone current with the host when the last check is older than `freshnessMs`. */
  async refresh(force = false): Promise<void> {
    const fresh = Date.now() - this.lastCheck < (this.opts.freshnessMs ?? 1000);
    if (this.store && this.headOid && fresh && !force) return;
    if (!this.refreshing) {
      this.refreshing = this.mutex
        .run(() => this.syncWithRemote())
        .finally(() => {
          this.refreshing = undefined;
        });
    }
    await this.refreshing;
  }

  /** Runs an optimistic write (see {@link GitWriteRequest}). */
  async write(request: GitWriteRequest): Promise<GitWriteResult> {
    if (
      request.baseRevision !== undefined &&
      !REVISION.test(request.baseRevision)
    ) {
      throw new InputError(
        `baseRevision must be a 40-character commit SHA, got "${request.baseRevision}"`,
      );
    }
    return this.mutex.run(() =>
      this.withRecovery(() => this.writeLocked(request), true),
    );
  }

  private async writeLocked(request: GitWriteRequest): Promise<GitWriteResult> {
    if (!this.store || !this.headOid) await this.syncWithRemote();
    if (
      request.baseRevision &&
      !(await this.store!.hasCommit(request.baseRevision))
    ) {
      await this.syncWithRemote();
      await this.deepenUntil(request.baseRevision);
    }
    const maxAttempts = Math.max(1, this.opts.maxPushAttempts ?? 5);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const store = this.store!;
      const parent = this.headOid!;
      const rootTree = await store.commitTree(parent);
      const view = store.viewOfTree(parent, rootTree);
      const changes = await request.apply(view);
      const treeChanges: TreeChange[] = [
        ...(changes.files ?? []).map(f => ({
          path: f.path,
          content: f.content,
        })),
        ...(changes.deleted ?? []).map(p => ({ path: p, content: null })),
      ];
      const changedPaths = treeChanges.map(c => c.path);
      if (request.baseRevision && request.baseRevision !== parent) {
        await this.assertUnchangedSince(request.baseRevision, parent, [
          ...changedPaths,
          ...(request.watchPaths ?? []),
        ]);
      }
      const { tree, created } = await store.applyChanges(rootTree, treeChanges);
      if (tree === rootTree) {
        return {
          revision: parent,
          parent,
          committed: false,
          attempts: attempt - 1,
          changedPaths: [],
        };
      }
      const commit = await store.writeCommit({
        tree,
        parent,
        author: request.author,
        committer: this.opts.committer,
        message: changes.message ?? request.message,
        now: this.opts.now?.(),
      });
      const pack = await store.pack([commit, ...created]);
      const outcome = await this.opts.transport.push({
        url: this.url,
        branch: this.branch,
        oldOid: parent,
        newOid: commit,
        pack,
      });
      if (outcome.status === 'ok') {
        await this.setHead(commit);
        return {
          revision: commit,
          parent,
          committed: true,
          attempts: attempt,
          changedPaths,
        };
      }
      this.opts.logger?.info(
        `push to ${redactUrl(this.url)} ${this.branch} rejected (${
          outcome.reason
        }), attempt ${attempt}/${maxAttempts}; fetching and re-applying`,
      );
      const before = this.headOid;
      if (attempt > 1) {
        // Another writer is busy on this branch: back off a little, with jitter, so writers do not move in lock-step.
        await new Promise(r =>
          setTimeout(r, Math.floor(Math.random() * 40 * attempt)),
        );
      }
      await this.syncWithRemote(true);
      if (this.headOid === before) {
        throw new GitUpstreamError(
          `git host refused the push to ${redactUrl(this.url)} branch ${
            this.branch
          }: ${outcome.reason}`,
          new URL(this.url).host,
        );
      }
    }
    throw new BranchContentionError(
      `could not write to ${redactUrl(this.url)} branch ${
        this.branch
      }: the branch kept moving during ${maxAttempts} attempts; try again`,
    );
  }

  /** Throws a 409 naming both revisions when any of the paths differ between them. */
  private async assertUnchangedSince(
    base: string,
    head: string,
    paths: string[],
  ) {
    const store = this.store!;
    const baseTree = await store.commitTree(base);
    const headTree = await store.commitTree(head);
    const changed: string[] = [];
    for (const p of new Set(paths)) {
      const a = await store.entryAt(baseTree, p);
      const b = await store.entryAt(headTree, p);
      if (a?.oid !== b?.oid) changed.push(p);
    }
    if (changed.length) {
      throw new RevisionConflictError(
        `${changed.join(
          ', ',
        )} changed since revision ${base}; the branch is now at ${head}. Reload the files, re-apply your edit and save again`,
        base,
        head,
        changed,
      );
    }
  }

  /** Makes sure `revision` is present, deepening the shallow history when needed. */
  private async ensureRevision(revision: string): Promise<void> {
    if (!REVISION.test(revision)) {
      throw new InputError(
        `revision must be a 40-character commit SHA, got "${revision}"`,
      );
    }
    if (!this.store || !this.headOid) await this.refresh();
    if (await this.store!.hasCommit(revision)) return;
    await this.mutex.run(async () => {
      if (await this.store!.hasCommit(revision)) return;
      await this.syncWithRemote();
      await this.deepenUntil(revision);
    });
  }

  private async deepenUntil(revision: string): Promise<void> {
    for (const depth of [50, 1000, 2147483647]) {
      if (await this.store!.hasCommit(revision)) return;
      await this.opts.transport.fetch({
        gitdir: this.gitdir(),
        url: this.url,
        branch: this.branch,
        depth,
        relative: true,
        cache: this.store!.cache,
      });
    }
    if (!(await this.store!.hasCommit(revision))) {
      throw new NotFoundError(
        `revision ${revision} is not in the history of ${redactUrl(
          this.url,
        )} branch ${this.branch}`,
      );
    }
  }

  private gitdir(generation = this.generation): string {
    return path.join(this.opts.dir, `clone-${generation}`);
  }

  /** Clones when needed, or fetches when the remote branch moved. Caller holds the mutex. */
  private async syncWithRemote(knownToHaveMoved = false): Promise<void> {
    this.lastUsed = Date.now();
    if (!this.store) {
      await this.openOrClone();
      this.lastCheck = Date.now();
      return;
    }
    // One round trip to learn whether there is anything to fetch; skipped when a rejected push already told us.
    const remote = knownToHaveMoved
      ? undefined
      : await this.opts.transport.remoteHead(this.url, this.branch);
    this.lastCheck = Date.now();
    if (!knownToHaveMoved && !remote) throw this.missingBranch();
    if (remote === this.headOid) return;
    const fetched = await this.opts.transport.fetch({
      gitdir: this.gitdir(),
      url: this.url,
      branch: this.branch,
      cache: this.store.cache,
    });
    if (!fetched) throw this.missingBranch();
    await this.setHead(fetched);
    const packs = await fs
      .readdir(path.join(this.gitdir(), 'objects', 'pack'))
      .catch(() => []);
    if (packs.length / 2 > (this.opts.maxPacks ?? 200)) {
      await this.reclone();
    }
  }

  private missingBranch() {
    return new NotFoundError(
      `branch ${this.branch} does not exist in ${redactUrl(this.url)}`,
    );
  }

  /** Reuses a clone left by an earlier run when it is readable, otherwise clones. */
  private async openOrClone(): Promise<void> {
    await fs.mkdir(this.opts.dir, { recursive: true });
    const existing = (await fs.readdir(this.opts.dir))
      .map(n => /^clone-(\d+)$/.exec(n))
      .filter((m): m is RegExpExecArray => !!m)
      .map(m => Number(m[1]))
      .sort((a, b) => b - a);
    if (existing.length) {
      this.generation = existing[0];
      try {
        const store = new GitObjectStore(this.gitdir());
        const oid = await git.resolveRef({
          fs: nodeFs,
          gitdir: this.gitdir(),
          ref: `refs/heads/${this.branch}`,
        });
        await store.commitTree(oid);
        this.store = store;
        this.headOid = oid;
        for (const old of existing.slice(1)) {
          await fs.rm(this.gitdir(old), { recursive: true, force: true });
        }
        const remote = await this.opts.transport.remoteHead(
          this.url,
          this.branch,
        );
        if (!remote) throw this.missingBranch();
        if (remote !== oid) {
          const fetched = await this.opts.transport.fetch({
            gitdir: this.gitdir(),
            url: this.url,
            branch: this.branch,
            cache: store.cache,
          });
          await this.setHead(fetched ?? remote);
        }
        return;
      } catch (error) {
        if (error instanceof GitUpstreamError || error instanceof NotFoundError)
          throw error;
        this.opts.logger?.warn(
          `discarding unreadable clone of ${redactUrl(this.url)}: ${
            (error as Error).message
          }`,
        );
        this.store = undefined;
        this.headOid = undefined;
      }
    }
    await this.reclone();
  }

  /** A fresh shallow clone in a new generation directory; the old one is removed. */
  private async reclone(): Promise<void> {
    const previous = this.store ? this.generation : undefined;
    const generation = this.generation + 1;
    const gitdir = this.gitdir(generation);
    await fs.rm(gitdir, { recursive: true, force: true });
    await git.init({
      fs: nodeFs,
      gitdir,
      bare: true,
      defaultBranch: this.branch,
    });
    await git.addRemote({
      fs: nodeFs,
      gitdir,
      remote: 'origin',
      url: this.opts.transport.plainUrl(this.url),
    });
    const store = new GitObjectStore(gitdir);
    let fetched: string | undefined;
    try {
      fetched = await this.opts.transport.fetch({
        gitdir,
        url: this.url,
        branch: this.branch,
        depth: 1,
        cache: store.cache,
      });
    } catch (error) {
      await fs.rm(gitdir, { recursive: true, force: true });
      throw error;
    }
    if (!fetched) {
      await fs.rm(gitdir, { recursive: true, force: true });
      throw this.missingBranch();
    }
    this.generation = generation;
    this.store = store;
    await this.setHead(fetched);
    if (previous !== undefined) {
      await fs.rm(this.gitdir(previous), { recursive: true, force: true });
    }
    for (const name of await fs.readdir(this.opts.dir)) {
      if (name !== `clone-${generation}` && name.startsWith('clone-')) {
        await fs.rm(path.join(this.opts.dir, name), {
          recursive: true,
          force: true,
        });
      }
    }
  }

  private async setHead(oid: string): Promise<void> {
    this.headOid = oid;
    await git.writeRef({
      fs: nodeFs,
      gitdir: this.gitdir(),
      ref: `refs/heads/${this.branch}`,
      value: oid,
      force: true,
    });
  }

  /**
   * Runs `fn`; when it fails in a way that means the clone is damaged (missing
   * or corrupt objects, unreadable refs), re-clones once and runs it again.
   */
  private async withRecovery<T>(
    fn: () => Promise<T>,
    locked = false,
  ): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (!isDamage(error)) throw error;
      this.opts.logger?.warn(
        `working clone of ${redactUrl(this.url)} ${this.branch} is damaged (${
          (error as Error).message
        }); cloning again`,
      );
      this.store = undefined;
      this.headOid = undefined;
      if (locked) await this.reclone();
      else await this.mutex.run(() => this.reclone());
      return fn();
    }
  }

  /** Removes the clone from disk (the cache calls this when evicting). */
  async remove(): Promise<void> {
    await this.mutex.run(async () => {
      this.store = undefined;
      this.headOid = undefined;
      await fs.rm(this.opts.dir, { recursive: true, force: true });
    });
  }
}
