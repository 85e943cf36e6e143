// The backend's production bundle (packages/backend/dist, from `yarn workspace backend build`) unpacked into a
// temporary folder with its production dependencies, and replicas of it started from there with
// NODE_ENV=production and app-config.production.yaml, the way the Dockerfile runs it.
import { execFile, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const dist = path.join(root, 'packages/backend/dist');
const run = promisify(execFile);

/** Unpacks the bundle and installs its production dependencies; resolves with the folder and timings. */
export async function unpackBundle() {
  for (const file of ['skeleton.tar.gz', 'bundle.tar.gz']) {
    if (!existsSync(path.join(dist, file))) {
      throw new Error(
        `packages/backend/dist/${file} is missing: build it with \`yarn workspace backend build\``,
      );
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'app-center-bundle-'));
  await run('tar', ['xzf', path.join(dist, 'skeleton.tar.gz')], { cwd: dir });
  await run('tar', ['xzf', path.join(dist, 'bundle.tar.gz')], { cwd: dir });
  for (const file of ['.yarnrc.yml', 'app-config.production.yaml']) {
    copyFileSync(path.join(root, file), path.join(dir, file));
  }
  // The project's Yarn (scripts/toolchain.sh puts it on PATH) with the registry the machine is set up for;
  // packages come from Yarn's global cache when the repository's own install already fetched them, so this
  // needs no network on a machine that ran `make test` before. The bundle's yarn.lock is the repository's,
  // pruned to the bundle's workspaces, so focusing may rewrite it: that is not a lockfile change to refuse.
  // Hard links into Yarn's global store instead of copies (the same files, a fraction of the disk writes)
  // when the store is on the same file system as the folder; copies otherwise.
  const { stdout: globalFolder } = await run('yarn', [
    'config',
    'get',
    'globalFolder',
  ]);
  const sameDevice =
    existsSync(globalFolder.trim()) &&
    statSync(globalFolder.trim()).dev === statSync(dir).dev;
  const started = Date.now();
  await run('yarn', ['workspaces', 'focus', '--all', '--production'], {
    cwd: dir,
    env: {
      ...process.env,
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      ...(sameDevice ? { YARN_NM_MODE: 'hardlinks-global' } : {}),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    dir,
    installSeconds: (Date.now() - started) / 1000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Starts one replica from an unpacked bundle. env: the variables app-config.production.yaml reads; overlay:
 * YAML text of a further config file (what a site adds: tenants, catalog, sign-in).
 */
export async function startReplica({ dir, name, port, env, overlay }) {
  const overlayFile = path.join(dir, `app-config.${name}.yaml`);
  await writeFile(overlayFile, overlay);
  const child = spawn(
    process.execPath,
    [
      'packages/backend',
      '--config',
      'app-config.production.yaml',
      '--config',
      overlayFile,
    ],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        APP_CENTER_PORT: String(port),
        APP_CENTER_BASE_URL: `http://localhost:${port}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = [];
  child.stdout.on('data', d => output.push(d));
  child.stderr.on('data', d => output.push(d));
  const exited = new Promise(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://localhost:${port}`;
  return {
    name,
    baseUrl,
    pid: child.pid,
    output: () => Buffer.concat(output).toString(),
    /** Resolves once Backstage's readiness endpoint answers 200 (after every plugin started). */
    async ready(timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null) {
          throw Object.assign(
            new Error(
              `replica ${name} exited (${child.exitCode}):\n${Buffer.concat(
                output,
              )
                .toString()
                .slice(-4000)}`,
            ),
            { exited: true },
          );
        }
        try {
          const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
          if (res.ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) {
          throw new Error(
            `replica ${name} was not ready in time:\n${Buffer.concat(output)
              .toString()
              .slice(-4000)}`,
          );
        }
        await new Promise(r => setTimeout(r, 250));
      }
    },
    /** SIGTERM, as Kubernetes sends; resolves with how the process ended (SIGKILL after the grace period). */
    async stop(timeoutMs = 45_000) {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** The test PostgreSQL (scripts/test-postgres.sh) from the variable Backstage's TestDatabases reads. */
export function testPostgres() {
  const name = Object.keys(process.env).find(k =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
  );
  if (!name) {
    throw new Error(
      'No test PostgreSQL: run `export "$(bash scripts/test-postgres.sh start)"` first (make test does)',
    );
  }
  const url = new URL(process.env[name]);
  return {
    POSTGRES_HOST: url.hostname,
    POSTGRES_PORT: url.port || '5432',
    POSTGRES_USER: decodeURIComponent(url.username),
    ...(url.password
      ? { POSTGRES_PASSWORD: decodeURIComponent(url.password) }
      : {}),
  };
}
