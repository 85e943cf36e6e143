import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** An error of the simulated repo-server, formatted like its gRPC errors. */
export class RepoError extends Error {
  readonly grpcCode:
    | 'Unknown'
    | 'FailedPrecondition'
    | 'NotFound'
    | 'InvalidArgument';
  readonly detail: string;

  constructor(
    grpcCode: 'Unknown' | 'FailedPrecondition' | 'NotFound' | 'InvalidArgument',
    detail: string,
  ) {
    super(`rpc error: code = ${grpcCode} desc = ${detail}`);
    this.grpcCode = grpcCode;
    this.detail = detail;
  }
}

export interface TreeFile {
  path: string;
  blob: string;
}

export interface CommitMetadata {
  author: string;
  date: string;
  message: string;
  tags: string[];
}

/**
 * Reads bare repositories of the sandbox's git server straight from disk with the git CLI.
 * A repoURL is mapped to `<gitRoot>/<path of the URL>` (with or without `.git`), whatever host it names.
 */
export class GitReader {
  private readonly revCache = new Map<string, { sha: string; at: number }>();
  private readonly blobCache = new Map<string, string>();

  readonly gitRoot: string;
  private readonly revisionCacheMs: number;

  constructor(gitRoot: string, revisionCacheMs = 3000) {
    this.gitRoot = gitRoot;
    this.revisionCacheMs = revisionCacheMs;
  }

  repoDir(repoURL: string): string {
    let p: string;
    try {
      const u = new URL(repoURL);
      p = decodeURIComponent(u.pathname);
    } catch {
      p = repoURL;
    }
    p = p.replace(/^\/+|\/+$/g, '');
    if (!p || p.split('/').includes('..'))
      throw new RepoError('Unknown', `repository not found: ${repoURL}`);
    const base = p.replace(/\.git$/, '');
    for (const candidate of [p, `${base}.git`, base]) {
      const dir = path.join(this.gitRoot, candidate);
      if (
        fs.existsSync(path.join(dir, 'HEAD')) &&
        fs.existsSync(path.join(dir, 'objects'))
      )
        return dir;
    }
    throw new RepoError(
      'Unknown',
      `failed to list refs: repository not found: ${repoURL}`,
    );
  }

  private async git(dir: string, args: string[]): Promise<string> {
    const { stdout } = await execFileAsync('git', ['--git-dir', dir, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_TERMINAL_PROMPT: '0',
      },
    });
    return stdout;
  }

  /** Resolves a revision (HEAD, branch, tag, SHA or short SHA) to a commit SHA. */
  async resolveRevision(
    repoURL: string,
    revision: string | undefined,
    noCache = false,
  ): Promise<string> {
    const dir = this.repoDir(repoURL);
    const rev = !revision || revision === 'HEAD' ? 'HEAD' : revision;
    const key = `${dir}\n${rev}`;
    const cached = this.revCache.get(key);
    const now = Date.now();
    if (
      !noCache &&
      cached &&
      (now - cached.at < this.revisionCacheMs || /^[0-9a-f]{40}$/.test(rev))
    )
      return cached.sha;
    const fromFiles = readBranchRef(dir, rev);
    if (fromFiles) {
      this.revCache.set(key, { sha: fromFiles, at: now });
      return fromFiles;
    }
    const tries = [rev, `refs/heads/${rev}`, `refs/tags/${rev}`];
    for (const t of tries) {
      try {
        const sha = (
          await this.git(dir, [
            'rev-parse',
            '--verify',
            '--quiet',
            `${t}^{commit}`,
          ])
        ).trim();
        if (sha) {
          this.revCache.set(key, { sha, at: now });
          return sha;
        }
      } catch {
        // try the next form
      }
    }
    throw new RepoError(
      'Unknown',
      `unable to resolve '${revision ?? 'HEAD'}' to a commit SHA`,
    );
  }

  /** Files under `dirPath` at `sha` (direct children only unless `recurse`). Throws when the path does not exist. */
  async listFiles(
    repoURL: string,
    sha: string,
    dirPath: string,
    recurse: boolean,
  ): Promise<TreeFile[]> {
    const dir = this.repoDir(repoURL);
    const clean = normalizePath(dirPath);
    const args = ['ls-tree', '-r', '-z', '--full-tree', sha];
    if (clean) args.push('--', `${clean}/`);
    const out = await this.git(dir, args);
    const files: TreeFile[] = [];
    for (const entry of out.split('\0')) {
      if (!entry) continue;
      const tab = entry.indexOf('\t');
      const [, type, blob] = entry.slice(0, tab).split(' ');
      const p = entry.slice(tab + 1);
      if (type !== 'blob') continue;
      const rel = clean ? p.slice(clean.length + 1) : p;
      if (!recurse && rel.includes('/')) continue;
      files.push({ path: p, blob });
    }
    if (!files.length && clean) {
      const exists = (
        await this.git(dir, ['ls-tree', '--full-tree', sha, '--', clean])
      ).trim();
      if (!exists)
        throw new RepoError('Unknown', `${clean}: app path does not exist`);
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Reads blobs by id (one git process for all of them). */
  async readBlobs(
    repoURL: string,
    blobs: string[],
  ): Promise<Map<string, string>> {
    const dir = this.repoDir(repoURL);
    const out = new Map<string, string>();
    const missing = blobs.filter(b => {
      const c = this.blobCache.get(b);
      if (c !== undefined) out.set(b, c);
      return c === undefined;
    });
    if (!missing.length) return out;
    const buf = await new Promise<Buffer>((resolve, reject) => {
      const child = spawn('git', ['--git-dir', dir, 'cat-file', '--batch'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', c => chunks.push(c));
      child.on('error', reject);
      child.on('close', code =>
        code === 0
          ? resolve(Buffer.concat(chunks))
          : reject(new Error(`git cat-file exited with ${code}`)),
      );
      child.stdin.end(`${missing.join('\n')}\n`);
    });
    let pos = 0;
    for (const id of missing) {
      const nl = buf.indexOf(10, pos);
      const header = buf.subarray(pos, nl).toString();
      const size = Number(header.split(' ')[2]);
      const content = buf.subarray(nl + 1, nl + 1 + size).toString('utf8');
      pos = nl + 1 + size + 1;
      out.set(id, content);
      if (this.blobCache.size > 20_000) this.blobCache.clear();
      this.blobCache.set(id, content);
    }
    return out;
  }

  async commitMetadata(
    repoURL: string,
    revision: string,
  ): Promise<CommitMetadata> {
    const dir = this.repoDir(repoURL);
    const sha = await this.resolveRevision(repoURL, revision);
    const out = await this.git(dir, [
      'show',
      '-s',
      '--format=%an <%ae>%x00%aI%x00%B',
      sha,
    ]);
    const [author, date, ...rest] = out.split('\0');
    const message = rest.join('\0').replace(/\n+$/, '');
    const tags = (await this.git(dir, ['tag', '--points-at', sha]))
      .split('\n')
      .filter(Boolean);
    return {
      author,
      date: new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      message,
      tags,
    };
  }
}

export function normalizePath(p: string | undefined): string {
  const s = (p ?? '')
    .replace(/\\/g, '/')
    .replace(/^\.\/?/, '')
    .replace(/^\/+|\/+$/g, '');
  return s === '.' ? '' : s;
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * HEAD or a branch read straight from the bare repository's files (loose ref, then packed-refs), without
 * starting git: a refresh of a thousand apps would otherwise start thousands of processes. Anything else
 * (tags, short SHAs, expressions) is left to `git rev-parse`.
 */
function readBranchRef(dir: string, rev: string): string | undefined {
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.join(dir, file), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  let ref = `refs/heads/${rev}`;
  if (rev === 'HEAD') {
    const head = read('HEAD');
    if (!head) return undefined;
    if (SHA.test(head)) return head;
    const m = /^ref: (refs\/heads\/.+)$/.exec(head);
    if (!m) return undefined;
    ref = m[1];
  } else if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(rev) || rev.includes('..')) {
    return undefined;
  }
  const loose = read(ref);
  if (loose && SHA.test(loose)) return loose;
  for (const line of (read('packed-refs') ?? '').split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && SHA.test(sha)) return sha;
  }
  return undefined;
}
