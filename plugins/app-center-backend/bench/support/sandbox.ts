/*
 * Starts the benchmark's sandbox (Argo CD API, simulated cluster, git server with `apps` in `shop/envs/dev`)
 * in a child process (sandboxChild.ts) and returns what the benchmark needs of it.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { JsonObject } from '@backstage/types';

export type SandboxQuery =
  | { kind: 'count'; pattern: string }
  | { kind: 'resetCounts' }
  | { kind: 'healthy'; applications: string[] }
  | { kind: 'stop' };

export interface SandboxInfo {
  /** App Center config pointing at the sandbox. */
  config: JsonObject;
  repoUrl: string;
  gitToken: string;
  argocdUrl: string;
  argocdToken: string;
}

export async function startSandboxProcess(apps: string[]) {
  const child = fork(path.join(__dirname, 'sandboxChild.ts'), [], {
    // BENCH_NODE_OPTIONS (e.g. --cpu-prof) applies to the sandbox too, so its profile shows its share.
    execArgv: [
      ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    env: { ...process.env, BENCH_SANDBOX_APPS: JSON.stringify(apps) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<
    number,
    { resolve: (v: any) => void; reject: (e: Error) => void }
  >();
  let next = 0;
  const info = await new Promise<SandboxInfo>((resolve, reject) => {
    child.once('exit', code =>
      reject(new Error(`the sandbox process exited (${code})`)),
    );
    child.on('message', (msg: any) => {
      if (msg.ready) resolve(msg.ready);
      const waiting = pending.get(msg.id);
      if (!waiting) return;
      pending.delete(msg.id);
      if (msg.error) waiting.reject(new Error(msg.error));
      else waiting.resolve(msg.value);
    });
  });
  const ask = <T>(query: SandboxQuery) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      child.send({ id, query });
    });
  return {
    ...info,
    /** Requests Argo CD received matching `METHOD /path` (`*` for one segment) since the last reset. */
    count: (pattern: string) => ask<number>({ kind: 'count', pattern }),
    resetCounts: () => ask<void>({ kind: 'resetCounts' }),
    /** How many of these Applications are Healthy. */
    healthy: (applications: string[]) =>
      ask<number>({ kind: 'healthy', applications }),
    stop: async () => {
      const exited = new Promise(resolve => child.once('exit', resolve));
      await ask<void>({ kind: 'stop' }).catch(() => undefined);
      await exited;
    },
  };
}
