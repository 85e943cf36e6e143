// Starts the Argo CD sandbox (packages/argocd-sandbox: Argo CD API + simulated cluster + git server, with
// the example GitOps repository) as a child process for end-to-end tests, on ports of the test's choosing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

export async function startSandbox({
  port,
  gitPort,
  token,
  podReadyDelayMs = 800,
}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'app-center-sandbox-'));
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
      path.join(root, 'packages/argocd-sandbox/src/cli.ts'),
      '--port',
      String(port),
      '--git-port',
      String(gitPort),
      '--data-dir',
      dataDir,
      '--pod-ready-delay-ms',
      String(podReadyDelayMs),
      '--json',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // tokens go in the environment, never on the command line (`ps` shows it)
      env: {
        ...process.env,
        ARGOCD_SANDBOX_TOKEN: token,
        ARGOCD_SANDBOX_GIT_TOKEN: token,
      },
    },
  );
  const output = [];
  child.stdout.on('data', d => output.push(d));
  child.stderr.on('data', d => output.push(d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the sandbox exited: ${Buffer.concat(output)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/version`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`the sandbox did not start: ${Buffer.concat(output)}`);
    await new Promise(r => setTimeout(r, 250));
  }
  return {
    /** The portal's app-config appCenter section, pointed at this sandbox. */
    appCenterConfig() {
      const config = YAML.parse(
        readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
      ).appCenter;
      const text = JSON.stringify(config)
        .replaceAll('127.0.0.1:7010', `127.0.0.1:${port}`)
        .replaceAll('127.0.0.1:7011', `127.0.0.1:${gitPort}`)
        .replaceAll('../../.app-center/git', path.join(dataDir, 'clones'))
        .replaceAll(
          '../../.app-center/sandbox/kubeconfig.yaml',
          path.join(dataDir, 'kubeconfig.yaml'),
        );
      return YAML.stringify({ appCenter: JSON.parse(text) });
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise(r =>
        child.exitCode !== null ? r() : child.on('exit', r),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
