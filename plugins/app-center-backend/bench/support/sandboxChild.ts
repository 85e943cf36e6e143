/*
 * The Argo CD + git sandbox of a benchmark, in its own process (as Argo CD and the git host are in
 * production): the backend under test neither shares its event loop nor pays for its git child processes.
 * Started by `startSandboxProcess` (sandbox.ts); answers its questions over the IPC channel.
 */
import { startDeploySandbox } from '../../src/deploy/__testUtils__/deploySandbox';
import type { SandboxQuery } from './sandbox';

async function main() {
  const apps = JSON.parse(process.env.BENCH_SANDBOX_APPS ?? '[]') as string[];
  const sb = await startDeploySandbox({ apps, podReadyDelayMs: 0 });
  const hooks = sb.stack.argocd.hooks;
  const answer = async (q: SandboxQuery): Promise<unknown> => {
    switch (q.kind) {
      case 'count':
        return hooks.count(q.pattern);
      case 'resetCounts':
        hooks.resetCounts();
        return undefined;
      case 'healthy':
        return q.applications.filter(
          name =>
            (sb.stack.argocd.argocd.apps.get(name) as any)?.status?.health
              ?.status === 'Healthy',
        ).length;
      case 'stop':
        await sb.cleanup();
        setImmediate(() => process.exit(0));
        return undefined;
      default:
        throw new Error(`unknown question ${JSON.stringify(q)}`);
    }
  };
  process.on('message', (msg: { id: number; query: SandboxQuery }) => {
    answer(msg.query).then(
      value => process.send!({ id: msg.id, value }),
      error => process.send!({ id: msg.id, error: String(error) }),
    );
  });
  process.send!({
    ready: {
      config: sb.config,
      repoUrl: sb.stack.exampleRepoUrl,
      gitToken: sb.stack.gitToken,
      argocdUrl: sb.stack.argocd.url,
      argocdToken: sb.stack.argocd.token,
    },
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
