/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXAMPLE_BRANCH } from './example.ts';
import { DEFAULT_SANDBOX_TOKEN } from './sandbox.ts';
import { DEFAULT_GIT_TOKEN, startSandboxStack } from './stack.ts';

const HELP = `argocd-sandbox: an Argo CD API server, a simulated cluster and a git smart-HTTP server (dev and test only)

Options:
  --port <n>                  Argo CD API port (default 7010, env ARGOCD_SANDBOX_PORT)
  --git-port <n>              git server port (default 7011, env ARGOCD_SANDBOX_GIT_PORT)
  --host <addr>               interface to listen on (default 127.0.0.1)
  --token-file <file>         file holding the API bearer token (or env ARGOCD_SANDBOX_TOKEN; default ${DEFAULT_SANDBOX_TOKEN})
  --git-token-file <file>     file holding the git token, Bearer or Basic password (or env ARGOCD_SANDBOX_GIT_TOKEN;
                              default ${DEFAULT_GIT_TOKEN}); --no-git-auth turns auth off
                              Tokens are never taken on the command line (\`ps\` would show them) and never printed.
  --data-dir <dir>            where the git repositories live (default <repo>/.app-center/sandbox, env ARGOCD_SANDBOX_DATA_DIR)
  --pod-ready-delay-ms <n>    time a pod takes to become ready (default 1500)
  --progress-deadline-ms <n>  upper bound of progress deadlines (default 15000)
  --sync-delay-ms <n>         time a sync stays Running before applying (default 300)
  --reconcile-interval-ms <n> periodic comparison with git (default 10000, 0 off)
  --no-example                do not create the example repository
  --json                      print the endpoints as one JSON line
  --help`;

function repoRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'backstage.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function num(v: string | undefined, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`not a non-negative number: ${v}`);
  return n;
}

/** A token and where it came from: a file, an environment variable or the built-in dev default. */
interface TokenSetting {
  value: string;
  /** Where the token is, for the banner: never the value itself. */
  source: string;
}

function tokenFrom(
  file: string | undefined,
  envName: string,
  fallback: string,
): TokenSetting {
  if (file) {
    const value = fs.readFileSync(file, 'utf8').trim();
    if (!value) throw new Error(`the token file ${file} is empty`);
    return { value, source: `from the file ${path.resolve(file)}` };
  }
  const fromEnv = process.env[envName]?.trim();
  if (fromEnv) return { value: fromEnv, source: `from $${envName}` };
  return {
    value: fallback,
    source: `the built-in dev default (set $${envName} to choose one)`,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'git-port': { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'git-token': { type: 'string' },
      'token-file': { type: 'string' },
      'git-token-file': { type: 'string' },
      'no-git-auth': { type: 'boolean' },
      'data-dir': { type: 'string' },
      'pod-ready-delay-ms': { type: 'string' },
      'progress-deadline-ms': { type: 'string' },
      'sync-delay-ms': { type: 'string' },
      'reconcile-interval-ms': { type: 'string' },
      'no-example': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.token !== undefined || values['git-token'] !== undefined)
    throw new Error(
      'tokens on the command line show in `ps`: use --token-file/--git-token-file or ARGOCD_SANDBOX_TOKEN/ARGOCD_SANDBOX_GIT_TOKEN',
    );
  const env = process.env;
  const apiToken = tokenFrom(
    values['token-file'],
    'ARGOCD_SANDBOX_TOKEN',
    DEFAULT_SANDBOX_TOKEN,
  );
  const gitToken = values['no-git-auth']
    ? undefined
    : tokenFrom(
        values['git-token-file'],
        'ARGOCD_SANDBOX_GIT_TOKEN',
        DEFAULT_GIT_TOKEN,
      );
  const root = repoRoot(process.cwd()) ?? process.cwd();
  const dataDir = path.resolve(
    values['data-dir'] ??
      env.ARGOCD_SANDBOX_DATA_DIR ??
      path.join(root, '.app-center', 'sandbox'),
  );
  const stack = await startSandboxStack({
    dataDir,
    port: num(values.port ?? env.ARGOCD_SANDBOX_PORT, 7010),
    gitPort: num(values['git-port'] ?? env.ARGOCD_SANDBOX_GIT_PORT, 7011),
    host: values.host ?? '127.0.0.1',
    token: apiToken.value,
    gitToken: gitToken ? gitToken.value : null,
    podReadyDelayMs: num(values['pod-ready-delay-ms']),
    progressDeadlineMs: num(values['progress-deadline-ms']),
    syncDelayMs: num(values['sync-delay-ms']),
    reconcileIntervalMs: num(values['reconcile-interval-ms']),
    example: !values['no-example'],
  });
  const info = {
    argocdUrl: stack.argocd.url,
    token: apiToken.source,
    registryHost: stack.argocd.registryHost,
    kubeconfig: stack.kubeconfigPath,
    gitUrl: stack.git.url,
    gitToken: gitToken ? gitToken.source : 'no auth',
    exampleRepoUrl: stack.exampleRepoUrl,
    exampleBranch: EXAMPLE_BRANCH,
    dataDir,
  };
  if (values.json) console.log(JSON.stringify(info));
  else {
    console.log('Argo CD sandbox is running');
    console.log(`  Argo CD API  ${info.argocdUrl}   token: ${info.token}`);
    console.log(`  git server   ${info.gitUrl}   token: ${info.gitToken}`);
    console.log(
      `  kubeconfig   ${info.kubeconfig} (Kubernetes API stand-in: trivy-operator VulnerabilityReports)`,
    );
    console.log(
      `  registry     ${info.registryHost} (OCI API under /v2/, anonymous, plain http: shop/web, shop/api)`,
    );
    console.log(
      `  example repo ${info.exampleRepoUrl} (branch ${info.exampleBranch}; project shop, apps web and api, env dev)`,
    );
    console.log(`  data         ${dataDir}`);
  }
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await stack.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(e => {
  console.error(`argocd-sandbox: ${(e as Error).message}`);
  process.exit(1);
});
