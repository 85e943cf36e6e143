import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CreateBareRepoOptions } from './GitHttpServer.ts';

const execFileAsync = promisify(execFile);

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Creates the bare repository `name` under `root` (refusing history rewrites and branch deletes on push),
 * optionally with a first commit of `initialFiles`, and returns its URL under `baseUrl`.
 */
export async function createBareRepoIn(
  git: string,
  root: string,
  baseUrl: string,
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
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'git-sandbox-seed-'));
    try {
      await execFileAsync(
        git,
        ['init', '--quiet', `--initial-branch=${branch}`, work],
        { env: gitEnv },
      );
      for (const [file, content] of Object.entries(files)) {
        const target = path.resolve(work, file);
        if (!target.startsWith(work + path.sep)) {
          throw new Error(`initial file path "${file}" leaves the repository`);
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
