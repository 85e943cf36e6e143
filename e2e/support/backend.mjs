// Starts the real App Center backend (packages/backend) as a child process for end-to-end tests, the way
// `backstage-cli package start` runs it but without the file watcher, and stops it with SIGINT.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const backendDir = path.join(root, 'packages/backend');

/**
 * @param {{ port: number, serveApp?: boolean, extraConfig?: string, database?: string[], nodeEnv?: string }} options
 * serveApp: the backend serves the built app (packages/app/dist) at its own URL, as in production.
 * database: the lines of `backend.database` (default: SQLite in the backend's own temporary folder).
 * nodeEnv: NODE_ENV of the process (default development).
 */
export async function startBackend({
  port,
  serveApp = false,
  extraConfig = '',
  database,
  nodeEnv = 'development',
}) {
  const work = mkdtempSync(path.join(tmpdir(), 'app-center-e2e-'));
  const baseUrl = `http://localhost:${port}`;
  const config = path.join(work, 'app-config.e2e.yaml');
  writeFileSync(
    config,
    [
      'app:',
      `  baseUrl: ${serveApp ? baseUrl : 'http://localhost:3000'}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      `  listen: { port: ${port} }`,
      '  database:',
      ...(database ?? [
        '    client: better-sqlite3',
        `    connection: { directory: ${JSON.stringify(
          path.join(work, 'sqlite'),
        )} }`,
      ]),
      extraConfig,
    ].join('\n'),
  );
  const stdout = [];
  const stderr = [];
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require_('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index',
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      config,
    ],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: nodeEnv,
        APP_CENTER_SANDBOX_TOKEN:
          process.env.APP_CENTER_SANDBOX_TOKEN ?? 'e2e-unused',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', d => stdout.push(d));
  child.stderr.on('data', d => stderr.push(d));
  const exited = new Promise(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `backend exited early (${child.exitCode}):\n${Buffer.concat(stderr)
          .toString()
          .slice(-4000)}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('backend did not become ready within 120 s');
    }
    await new Promise(r => setTimeout(r, 500));
  }

  return {
    baseUrl,
    output: () => Buffer.concat([...stdout, ...stderr]).toString(),
    /** SIGKILL: the process dies mid-work, as on an out-of-memory kill or a lost node. */
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      const result = await exited;
      rmSync(work, { recursive: true, force: true });
      return result;
    },
    /** SIGINT, as Ctrl-C or an orchestrator would; resolves with how the process ended. */
    async stop(timeoutMs = 30_000) {
      if (child.exitCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      rmSync(work, { recursive: true, force: true });
      return result;
    },
  };
}

/** A user token from the guest provider (the backend runs with auth.environment development). */
export async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
  });
  if (!res.ok)
    throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

function require_(id) {
  return fileURLToPath(import.meta.resolve(id));
}
