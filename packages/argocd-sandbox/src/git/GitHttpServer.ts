/*
 * A git smart-HTTP server for development and tests: Node's `http` module in
 * front of the real `git http-backend` (run as a CGI program), with Basic or
 * Bearer authentication and hooks to inject push failures and latency.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { authenticate } from './auth.ts';
import { createBareRepoIn } from './bareRepo.ts';
import { runHttpBackend } from './httpBackend.ts';

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
  /** Requests held back by `setLatency`, counted once the wait is over. */
  delayedRequests: number;
  /** Total latency those requests waited out, in ms. */
  delayedMs: number;
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
    delayedRequests: 0,
    delayedMs: 0,
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
      const wait = latencyMs;
      await new Promise(r => setTimeout(r, wait));
      stats.delayedRequests += 1;
      stats.delayedMs += wait;
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

    await runHttpBackend(git, root, req, res, {
      pathInfo,
      query: url.search.replace(/^\?/, ''),
      user,
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

  const createBareRepo = (name: string, repoOptions?: CreateBareRepoOptions) =>
    createBareRepoIn(git, root, baseUrl, name, repoOptions);

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
