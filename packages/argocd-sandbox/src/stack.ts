import fs from 'node:fs';
import path from 'node:path';
import { startGitHttpServer } from './git/GitHttpServer.ts';
import type { GitHttpServer } from './git/GitHttpServer.ts';
import {
  EXAMPLE_BRANCH,
  EXAMPLE_REPO_NAME,
  exampleRepoFiles,
} from './example.ts';
import type { ArgoCDSandbox, ArgoCDSandboxOptions } from './sandbox.ts';
import {
  DEFAULT_ARGOCD_PORT,
  DEFAULT_GIT_PORT,
  startArgoCDSandbox,
} from './sandbox.ts';

export const DEFAULT_GIT_TOKEN = 'sandbox-git-token';

export interface SandboxStackOptions
  extends Omit<ArgoCDSandboxOptions, 'gitRoot'> {
  /** Port of the git server (default 7011; 0 picks a free one). */
  gitPort?: number;
  /** Token the git server demands (Bearer, or Basic with any user and this password); null turns auth off. */
  gitToken?: string | null;
  /** Create the example repository `gitops` when it does not exist yet (default true). */
  example?: boolean;
  /** The registry host of the example repository's images (default: the sandbox's own registry API). */
  exampleRegistry?: string;
}

export interface SandboxStack {
  argocd: ArgoCDSandbox;
  git: GitHttpServer;
  gitToken: string | null;
  /** Clone URL of the example repository. */
  exampleRepoUrl: string;
  /** A kubeconfig file (mode 600, it holds the token) for the sandbox's Kubernetes API stand-in. */
  kubeconfigPath: string;
  close(): Promise<void>;
}

/** Git server + Argo CD API + simulated cluster, with the example repository created on first run. */
export async function startSandboxStack(
  options: SandboxStackOptions,
): Promise<SandboxStack> {
  const gitRoot = path.join(options.dataDir, 'git');
  fs.mkdirSync(gitRoot, { recursive: true });
  const gitToken =
    options.gitToken === undefined ? DEFAULT_GIT_TOKEN : options.gitToken;
  const git = await startGitHttpServer({
    root: gitRoot,
    port: options.gitPort ?? DEFAULT_GIT_PORT,
    host: options.host ?? '127.0.0.1',
    ...(gitToken ? { auth: { token: gitToken } } : {}),
  });
  let argocd: ArgoCDSandbox;
  try {
    argocd = await startArgoCDSandbox({
      ...options,
      port: options.port ?? DEFAULT_ARGOCD_PORT,
      gitRoot,
      gitBaseUrl: git.url,
    });
  } catch (e) {
    await git.close();
    throw e;
  }
  let exampleRepoUrl = `${git.url}/${EXAMPLE_REPO_NAME}`;
  if (
    options.example !== false &&
    !fs.existsSync(path.join(gitRoot, EXAMPLE_REPO_NAME))
  ) {
    // the example images are on the sandbox's own registry API, so that their tags can be listed
    try {
      exampleRepoUrl = await git.createBareRepo(EXAMPLE_REPO_NAME, {
        initialFiles: exampleRepoFiles(
          options.exampleRegistry ?? argocd.registryHost,
        ),
        branch: EXAMPLE_BRANCH,
      });
    } catch (e) {
      await argocd.close();
      await git.close();
      throw e;
    }
  }
  const kubeconfigPath = path.join(options.dataDir, 'kubeconfig.yaml');
  fs.writeFileSync(kubeconfigPath, argocd.kubeconfig(), { mode: 0o600 });
  return {
    argocd,
    git,
    gitToken,
    exampleRepoUrl,
    kubeconfigPath,
    close: async () => {
      await argocd.close();
      await git.close();
    },
  };
}
