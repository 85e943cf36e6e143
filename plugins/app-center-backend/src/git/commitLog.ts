import nodeFs from 'node:fs';
import git from 'isomorphic-git';

/** One commit's metadata: who wrote it, when, the message and its trailers (`Key: value` lines at the end). */
export interface GitCommitInfo {
  sha: string;
  parents: string[];
  author: { name: string; email: string };
  /** Who made the commit: the bot identity for App Center's own commits. */
  committer: { name: string; email: string };
  /** Author date, ISO 8601. */
  authoredAt: string;
  /** Committer date, ISO 8601. */
  committedAt: string;
  message: string;
  trailers: Record<string, string>;
}

/** The trailers of a commit message: `Key: value` lines of its last paragraph (e.g. `App-Center-Task`). */
export function commitTrailers(message: string): Record<string, string> {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : '';
  const out: Record<string, string> = {};
  for (const line of last.split('\n')) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*):\s*(.+?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Reads one commit of a git directory. */
export async function readCommitInfo(
  gitdir: string,
  cache: object,
  oid: string,
): Promise<GitCommitInfo> {
  const { commit } = await git.readCommit({ fs: nodeFs, gitdir, oid, cache });
  return {
    sha: oid,
    parents: commit.parent,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
    authoredAt: iso(commit.author.timestamp),
    committedAt: iso(commit.committer.timestamp),
    message: commit.message,
    trailers: commitTrailers(commit.message),
  };
}

/**
 * First-parent history from `from`, newest first: at most `max` commits, stopping after the first one
 * committed before `since`. A shallow clone is deepened (`deepen(n)`) when the walk reaches its boundary.
 */
export async function readFirstParentLog(options: {
  gitdir: string;
  cache: object;
  from: string;
  max: number;
  since?: Date;
  deepen: (depth: number) => Promise<void>;
}): Promise<GitCommitInfo[]> {
  const out: GitCommitInfo[] = [];
  let next: string | undefined = options.from;
  let deepenings = 0;
  while (next && out.length < options.max) {
    let info: GitCommitInfo;
    try {
      info = await readCommitInfo(options.gitdir, options.cache, next);
    } catch (error) {
      // The parent of a shallow clone's oldest commit is not there yet: fetch more history (bounded).
      if (
        (error as { code?: string }).code !== 'NotFoundError' ||
        deepenings >= 3 ||
        out.length === 0
      )
        throw error;
      deepenings += 1;
      await options.deepen(Math.max(50, options.max - out.length));
      continue;
    }
    out.push(info);
    if (options.since && Date.parse(info.committedAt) < options.since.getTime())
      break;
    next = info.parents[0];
  }
  return out;
}
