import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { GitCommitInfo } from './commitLog';
import { GitTransport } from './GitTransport';
import { GitWorkingClone } from './GitWorkingClone';
import { redactUrl } from './redact';
import type {
  GitCredentialsResolver,
  GitIdentity,
  GitTreeView,
  GitWriteRequest,
  GitWriteResult,
} from './types';

/** Options of {@link GitRepositoryCache}. */
export interface GitRepositoryCacheOptions {
  /** Directory for the working clones (one sub-directory per repository and branch). */
  workingDirectory: string;
  /** Committer of every commit (the bot identity); the author is the requesting user. */
  committer: GitIdentity;
  /** Credentials per repository URL (e.g. from Backstage integrations). */
  credentials?: GitCredentialsResolver;
  /** Most clones kept on disk; the least recently used idle one is removed beyond it (default 50). */
  maxClones?: number;
  /** Push attempts of one write before a 409 (default 5). */
  maxPushAttempts?: number;
  /** How long a read trusts the last check of the branch head, in ms (default 1000). */
  freshnessMs?: number;
  logger?: LoggerService;
  /** Clock for commit timestamps (tests). */
  now?: () => Date;
}

/** Identifies a repository branch. */
export interface GitRepositoryRef {
  url: string;
  branch: string;
}

/**
 * One working clone per (repository URL, branch), shared by all requests of
 * the process: shallow on first use, fetched when the branch moved, writes
 * serialized per clone with optimistic pushes, least-recently-used clones
 * evicted (never one in use).
 */
export class GitRepositoryCache {
  private readonly options: GitRepositoryCacheOptions;
  private readonly clones = new Map<string, GitWorkingClone>();
  private readonly transport: GitTransport;
  private readonly removals = new Map<string, Promise<void>>();

  constructor(options: GitRepositoryCacheOptions) {
    this.options = options;
    this.transport = new GitTransport({ credentials: options.credentials });
  }

  /** Runs `fn` with the clone of the repository; the clone is not evicted meanwhile. */
  async use<T>(
    ref: GitRepositoryRef,
    fn: (clone: GitWorkingClone) => Promise<T>,
  ): Promise<T> {
    const { clone, key } = this.acquire(ref);
    try {
      const removal = this.removals.get(key);
      if (removal) await removal;
      return await fn(clone);
    } finally {
      clone.leases -= 1;
      clone.lastUsed = Date.now();
    }
  }

  /** Current head commit of the branch. */
  head(ref: GitRepositoryRef): Promise<string> {
    return this.use(ref, c => c.head());
  }

  /** Runs `fn` over the files at head (or at `revision`). */
  read<T>(
    ref: GitRepositoryRef,
    fn: (view: GitTreeView) => Promise<T>,
    revision?: string,
  ): Promise<T> {
    return this.use(ref, async c => fn(await c.view(revision)));
  }

  /** An optimistic write; see {@link GitWriteRequest}. */
  write(
    ref: GitRepositoryRef,
    request: GitWriteRequest,
  ): Promise<GitWriteResult> {
    return this.use(ref, c => c.write(request));
  }

  /** First-parent history of the branch from its head, newest first (at most `max`, stopping before `since`). */
  log(
    ref: GitRepositoryRef,
    options: { max: number; since?: Date },
  ): Promise<GitCommitInfo[]> {
    return this.use(ref, c => c.log(options));
  }

  /** One commit's author, dates, message and trailers. */
  commitInfo(ref: GitRepositoryRef, revision: string): Promise<GitCommitInfo> {
    return this.use(ref, c => c.commitInfo(revision));
  }

  /** The bot identity that commits every App Center change (only its commits' task trailers are trusted). */
  get committer(): GitIdentity {
    return this.options.committer;
  }

  /** Number of clones currently known. */
  get size(): number {
    return this.clones.size;
  }

  /** Closes network connections. Clones stay on disk for the next run. */
  close(): void {
    this.transport.close();
  }

  private acquire(ref: GitRepositoryRef): {
    clone: GitWorkingClone;
    key: string;
  } {
    const url = validateUrl(ref.url);
    if (
      !ref.branch ||
      /[\s~^:?*[\\]|\.\.|^\/|\/$|\.lock$|@\{/.test(ref.branch)
    ) {
      throw new InputError(`invalid branch name "${ref.branch}"`);
    }
    const key = createHash('sha256')
      .update(`${redactUrl(url)}\n${ref.branch}`)
      .digest('hex')
      .slice(0, 24);
    let clone = this.clones.get(key);
    if (!clone) {
      clone = new GitWorkingClone({
        url,
        branch: ref.branch,
        dir: path.join(this.options.workingDirectory, key),
        transport: this.transport,
        committer: this.options.committer,
        maxPushAttempts: this.options.maxPushAttempts,
        freshnessMs: this.options.freshnessMs,
        logger: this.options.logger,
        now: this.options.now,
      });
      this.clones.set(key, clone);
    } else {
      // Map order is recency order.
      this.clones.delete(key);
      this.clones.set(key, clone);
    }
    clone.leases += 1;
    clone.lastUsed = Date.now();
    this.evict();
    return { clone, key };
  }

  private evict(): void {
    const max = Math.max(1, this.options.maxClones ?? 50);
    if (this.clones.size <= max) return;
    const idle = [...this.clones.entries()]
      .filter(([, c]) => !c.busy)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, clone] of idle) {
      if (this.clones.size <= max) break;
      this.clones.delete(key);
      const removal = clone
        .remove()
        .catch(error =>
          this.options.logger?.warn(
            `could not remove evicted clone of ${redactUrl(
              clone.url,
            )}: ${error}`,
          ),
        )
        .finally(() => this.removals.delete(key));
      this.removals.set(key, removal);
    }
  }

  /** Removes directories of clones this process does not know (e.g. left by an earlier run). */
  async pruneUnknown(): Promise<void> {
    const names = await fs
      .readdir(this.options.workingDirectory)
      .catch(() => [] as string[]);
    for (const name of names) {
      if (!this.clones.has(name) && /^[0-9a-f]{24}$/.test(name)) {
        await fs.rm(path.join(this.options.workingDirectory, name), {
          recursive: true,
          force: true,
        });
      }
    }
  }
}

function validateUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(
      `repository URL "${redactUrl(url)}" is not a valid URL`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError(
      `repository URL ${redactUrl(url)} must use https (or http)`,
    );
  }
  return url;
}
