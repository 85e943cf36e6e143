/*
 * A git smart-HTTP server for development and tests: Node's `http` module in
 * front of the real `git http-backend` (run as a CGI program), with Basic or
 * Bearer authentication and hooks to inject push failures and latency.
 */
import { spawn, execFile } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Authentication the server demands: Basic credentials or a Bearer token. */
export type GitHttpServerAuth =
  | { username: string; password: string }
  | { token: string };

/** Options of {@link startGitHttpServer}. */
export interface GitHttpServerOptions {
  /** Directory holding the bare repositories (GIT_PROJECT_ROOT). */
  root: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; defaults to 127.0.0.1. */
  host?: string;
  /** When set, every request must authenticate. */
  auth?: GitHttpServerAuth;
  /** Realm announced in `WWW-Authenticate`; defaults to "git". */
  realm?: string;
  /** Path to git; defaults to `git` on PATH. */
  gitBinary?: string;
}

/** Options of {@link GitHttpServer.createBareRepo}. */
export interface CreateBareRepoOptions {
  /** Files of the first commit, by repository path. None: an empty repository. */
  initialFiles?: Record<string, string>;
  /** Branch name (also HEAD); defaults to "main". */
  branch?: string;
}

/** Counters of what the server saw, for assertions in tests. */
export interface GitHttpServerStats {
  requests: number;
  unauthorized: number;
  pushes: number;
  rejectedPushes: number;
  fetches: number;
}

/** A running git smart-HTTP server. */
export interface GitHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`; a repository is at `${url}/${name}`. */
  url: string;
  port: number;
  root: string;
  /** Creates a bare repository under root and returns its clone URL. */
  createBareRepo(
    name: string,
    options?: CreateBareRepoOptions,
  ): Promise<string>;
  /** Fails the next `count` pushes (git-receive-pack POSTs) with HTTP `status` (default 500). */
  rejectNextPushes(count: number, status?: number): void;
  /** Delays every response by `ms` milliseconds (0 turns it off). */
  setLatency(ms: number): void;
  /** Runs `fn` just before the next push reaches git (e.g. to make a concurrent commit). */
  beforeNextPush(fn: () => Promise<void> | void): void;
  stats(): GitHttpServerStats;
  close(): Promise<void>;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Returns the authenticated user name, or undefined when the request must be refused. */
function authenticate(
  header: string | undefined,
  auth: GitHttpServerAuth | undefined,
): string | undefined {
  if (!auth) return 'anonymous';
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if ('token' in auth) {
    if (scheme.toLowerCase() === 'bearer') {
      return safeEqual(value, auth.token) ? 'token' : undefined;
    }
    if (scheme.toLowerCase() === 'basic') {
      // Hosts commonly accept a token as the Basic password too.
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const password = decoded.slice(decoded.indexOf(':') + 1);
      return safeEqual(password, auth.token) ? 'token' : undefined;
    }
    return undefined;
  }
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return safeEqual(user, auth.username) && safeEqual(password, auth.password)
    ? user
    : undefined;
}

function findHeaderEnd(buf: Buffer): { end: number; sep: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, sep: 4 };
  if (lf >= 0) return { end: lf, sep: 2 };
  return undefined;
}

/** Starts a git smart-HTTP server backed by `git http-backend`. */
export async function startGitHttpServer(
  options: GitHttpServerOptions,
): Promise<GitHttpServer> {
  const root = path.resolve(options.root);
  await fs.mkdir(root, { recursive: true });
  const git = options.gitBinary ?? 'git';
  const realm = options.realm ?? 'git';
  const stats: GitHttpServerStats = {
    requests: 0,
    unauthorized: 0,
    pushes: 0,
    rejectedPushes: 0,
    fetches: 0,
  };
  let latencyMs = 0;
  let pushesToReject = 0;
  let rejectStatus = 500;
  const beforePush: Array<() => Promise<void> | void> = [];

  const server = http.createServer((req, res) => {
    handle(req, res).catch(err => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
      }
      res.end(`git server error: ${(err as Error).message}\n`);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    stats.requests += 1;
    if (latencyMs > 0) {
      await new Promise(r => setTimeout(r, latencyMs));
    }
    const user = authenticate(req.headers.authorization, options.auth);
    if (!user) {
      stats.unauthorized += 1;
      req.resume();
      res.writeHead(401, {
        'WWW-Authenticate': `Basic realm="${realm}"`,
        'Content-Type': 'text/plain',
      });
      res.end('Authentication required\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathInfo = decodeURIComponent(url.pathname);
    if (pathInfo.includes('..') || pathInfo.includes('\0')) {
      req.resume();
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('Bad path\n');
      return;
    }
    const isPush =
      req.method === 'POST' && pathInfo.endsWith('/git-receive-pack');
    if (isPush) {
      stats.pushes += 1;
      const hook = beforePush.shift();
      if (hook) await hook();
      if (pushesToReject > 0) {
        pushesToReject -= 1;
        stats.rejectedPushes += 1;
        req.resume();
        res.writeHead(rejectStatus, { 'Content-Type': 'text/plain' });
        res.end('push rejected by test hook\n');
        return;
      }
    } else if (req.method === 'POST' && pathInfo.endsWith('/git-upload-pack')) {
      stats.fetches += 1;
    }

    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? os.tmpdir(),
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.receivepack',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_CONFIG_KEY_1: 'safe.directory',
      GIT_CONFIG_VALUE_1: '*',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
      SERVER_SOFTWARE: 'argocd-sandbox-git',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: pathInfo,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      REMOTE_USER: user,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
    };
    if (req.headers['content-length']) {
      env.CONTENT_LENGTH = req.headers['content-length'];
    }
    if (req.headers['content-encoding']) {
      env.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
    }
    if (req.headers['git-protocol']) {
      env.GIT_PROTOCOL = String(req.headers['git-protocol']);
    }

    const child = spawn(git, ['http-backend'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => {
      // http-backend may exit before reading the whole body (e.g. 403).
    });
    req.pipe(child.stdin);
    res.on('close', () => {
      if (child.exitCode === null) child.kill();
    });

    await new Promise<void>((resolve, reject) => {
      let head: Buffer = Buffer.alloc(0);
      let headerDone = false;
      child.on('error', reject);
      child.stdout.on('data', (chunk: Buffer) => {
        if (headerDone) {
          if (!res.write(chunk)) {
            child.stdout.pause();
            res.once('drain', () => child.stdout.resume());
          }
          return;
        }
        head = Buffer.concat([head, chunk]);
        const found = findHeaderEnd(head);
        if (!found) return;
        headerDone = true;
        let status = 200;
        const headers: Record<string, string> = {};
        for (const line of head
          .subarray(0, found.end)
          .toString('latin1')
          .split(/\r?\n/)) {
          const colon = line.indexOf(':');
          if (colon < 0) continue;
          const name = line.slice(0, colon).trim();
          const value = line.slice(colon + 1).trim();
          if (name.toLowerCase() === 'status') {
            status = parseInt(value, 10) || 500;
          } else {
            headers[name] = value;
          }
        }
        res.writeHead(status, headers);
        const rest = head.subarray(found.end + found.sep);
        if (rest.length) res.write(rest);
      });
      child.stdout.on('end', () => {
        if (!headerDone) {
          if (!res.headersSent) {
            res.writeHead(500, { 'Content-Type': 'text/plain' });
          }
          res.end(`git http-backend failed: ${stderr.trim()}\n`);
        } else {
          res.end();
        }
        resolve();
      });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${hostForUrl}:${address.port}`;

  async function createBareRepo(
    name: string,
    repoOptions: CreateBareRepoOptions = {},
  ): Promise<string> {
    if (!SAFE_NAME.test(name) || name.split('/').includes('..')) {
      throw new Error(`invalid repository name "${name}"`);
    }
    const branch = repoOptions.branch ?? 'main';
    const repoDir = path.join(root, name);
    const gitEnv = {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Sandbox',
      GIT_AUTHOR_EMAIL: 'sandbox@example.invalid',
      GIT_COMMITTER_NAME: 'Sandbox',
      GIT_COMMITTER_EMAIL: 'sandbox@example.invalid',
    };
    await fs.mkdir(path.dirname(repoDir), { recursive: true });
    await execFileAsync(
      git,
      ['init', '--quiet', '--bare', `--initial-branch=${branch}`, repoDir],
      { env: gitEnv },
    );
    // The server decides on concurrent pushes: never accept a rewrite of history.
    await execFileAsync(
      git,
      ['-C', repoDir, 'config', 'receive.denyNonFastForwards', 'true'],
      { env: gitEnv },
    );
    await execFileAsync(
      git,
      ['-C', repoDir, 'config', 'receive.denyDeletes', 'true'],
      { env: gitEnv },
    );
    const files = repoOptions.initialFiles;
    if (files && Object.keys(files).length > 0) {
      const work = await fs.mkdtemp(
        path.join(os.tmpdir(), 'git-sandbox-seed-'),
      );
      try {
        await execFileAsync(
          git,
          ['init', '--quiet', `--initial-branch=${branch}`, work],
          { env: gitEnv },
        );
        for (const [file, content] of Object.entries(files)) {
          const target = path.resolve(work, file);
          if (!target.startsWith(work + path.sep)) {
            throw new Error(
              `initial file path "${file}" leaves the repository`,
            );
          }
          await fs.mkdir(path.dirname(target), { recursive: true });
          await fs.writeFile(target, content);
        }
        await execFileAsync(git, ['-C', work, 'add', '-A'], {
          env: gitEnv,
          maxBuffer: 64 * 1024 * 1024,
        });
        await execFileAsync(
          git,
          ['-C', work, 'commit', '--quiet', '-m', 'Initial commit'],
          { env: gitEnv },
        );
        await execFileAsync(
          git,
          ['-C', work, 'push', '--quiet', repoDir, `HEAD:refs/heads/${branch}`],
          { env: gitEnv },
        );
      } finally {
        await fs.rm(work, { recursive: true, force: true });
      }
    }
    return `${baseUrl}/${name}`;
  }

  return {
    url: baseUrl,
    port: address.port,
    root,
    createBareRepo,
    rejectNextPushes(count: number, status = 500) {
      pushesToReject = count;
      rejectStatus = status;
    },
    setLatency(ms: number) {
      latencyMs = Math.max(0, ms);
    },
    beforeNextPush(fn) {
      beforePush.push(fn);
    },
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A random secret for tests and local runs. */
export function randomGitSecret(): string {
  return randomBytes(18).toString('base64url');
}
