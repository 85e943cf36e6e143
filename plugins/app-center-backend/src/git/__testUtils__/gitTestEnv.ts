/* Test helpers: a real git smart-HTTP server with authentication, temp dirs, git CLI. */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  startGitHttpServer,
  randomGitSecret,
  GitHttpServer,
} from '@internal/argocd-sandbox/src/git';
import {
  GitRepositoryCache,
  GitRepositoryCacheOptions,
} from '../GitRepositoryCache';

const run = promisify(execFile);

export interface GitTestEnv {
  tmp: string;
  server: GitHttpServer;
  username: string;
  password: string;
  cache(options?: Partial<GitRepositoryCacheOptions>): GitRepositoryCache;
  git(args: string[], cwd?: string): Promise<string>;
  /** Clones `url` with the git CLI (authenticated) into a new temp folder. */
  cliClone(url: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createGitTestEnv(): Promise<GitTestEnv> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-git-test-'));
  const username = 'app-center-bot';
  const password = randomGitSecret();
  const server = await startGitHttpServer({
    root: path.join(tmp, 'server'),
    auth: { username, password },
  });
  const caches: GitRepositoryCache[] = [];
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Other Person',
    GIT_AUTHOR_EMAIL: 'other@example.com',
    GIT_COMMITTER_NAME: 'Other Person',
    GIT_COMMITTER_EMAIL: 'other@example.com',
  };
  const header = `http.extraHeader=Authorization: Basic ${Buffer.from(
    `${username}:${password}`,
  ).toString('base64')}`;
  let n = 0;
  const git = async (args: string[], cwd?: string) =>
    (
      await run('git', ['-c', header, ...args], {
        cwd,
        env,
        maxBuffer: 256 * 1024 * 1024,
      })
    ).stdout;
  return {
    tmp,
    server,
    username,
    password,
    git,
    cache(options = {}) {
      n += 1;
      const cache = new GitRepositoryCache({
        workingDirectory: path.join(tmp, `work-${n}`),
        committer: { name: 'App Center', email: 'app-center@example.com' },
        credentials: () => ({ username, password }),
        ...options,
      });
      caches.push(cache);
      return cache;
    },
    async cliClone(url: string) {
      n += 1;
      const dir = path.join(tmp, `cli-${n}`);
      await git(['clone', '-q', url, dir]);
      return dir;
    },
    async cleanup() {
      caches.forEach(c => c.close());
      await server.close();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}
