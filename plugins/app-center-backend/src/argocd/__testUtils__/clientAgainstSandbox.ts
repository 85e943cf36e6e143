import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startSandboxStack,
  SandboxStack,
  validateAgainstSwagger,
} from '@internal/argocd-sandbox';
import { ArgoCDClient } from '../ArgoCDClient';
import { buildApplication } from '../applicationName';
import type { Application } from '../types';

/** Every request the client sends, with its body checked against the swagger definition of that call. */
export type Sent = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
};

const REQUEST_BODIES: Array<[RegExp, string, string]> = [
  [/\/api\/v1\/applications$/, 'POST', 'v1alpha1Application'],
  [/\/sync$/, 'POST', 'applicationApplicationSyncRequest'],
  [/\/resource\/actions\/v2$/, 'POST', 'applicationResourceActionRunRequestV2'],
];

export function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    const headers = { ...(init?.headers as Record<string, string>) };
    const entry: Sent = {
      method: init?.method ?? 'GET',
      url,
      headers,
      body: init?.body as string,
    };
    sent.push(entry);
    const pathname = new URL(url).pathname;
    for (const [pattern, method, definition] of REQUEST_BODIES) {
      if (entry.method === method && pattern.test(pathname)) {
        const result = validateAgainstSwagger(
          definition,
          JSON.parse(entry.body!),
        );
        if (!result.valid) {
          throw new Error(
            `request body of ${method} ${pathname} does not match ${definition}: ${result.errors}`,
          );
        }
      }
    }
    return fetch(input, init);
  };
}

export const project = {
  name: 'shop',
  tenant: 'shop-team',
  repo: { url: '', branch: 'main', dir: '' },
  argocd: { instance: 'main', project: 'default' },
} as any;
export const dev = {
  name: 'dev',
  project: 'shop',
  destination: { name: 'in-cluster', namespace: 'shop-dev' },
} as any;

export async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
/** The sandbox stack and a client against it, shared by the tests of one file. */
export interface ClientAgainstSandbox {
  stack: SandboxStack;
  client: ArgoCDClient;
  /** Every request `client` sent, in order. */
  sent: Sent[];
  /** The application of project shop in dev (not created). */
  app: Application;
}

/**
 * Starts the sandbox stack before the tests of the enclosing describe block
 * and closes it after them; fault hooks are reset after each test.
 */
export function clientAgainstSandbox(): ClientAgainstSandbox {
  let tmp: string;
  const s = { sent: [] as Sent[] } as ClientAgainstSandbox;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-argocd-'));
    s.stack = await startSandboxStack({
      dataDir: tmp,
      port: 0,
      gitPort: 0,
      podReadyDelayMs: 20,
      syncDelayMs: 150,
      deleteDelayMs: 80,
      reconcileIntervalMs: 0,
      scaleDownDelayMs: 50,
      logIntervalMs: 20,
    });
    project.repo.url = s.stack.exampleRepoUrl;
    s.client = new ArgoCDClient(
      { name: 'main', url: s.stack.argocd.url, token: s.stack.argocd.token },
      { timeoutMs: 2000, backoffMs: 10, fetch: recordingFetch(s.sent) },
    );
    s.app = buildApplication(project, dev, 'web');
  });
  afterAll(async () => {
    await s.stack?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });
  afterEach(() => s.stack.argocd.hooks.reset());
  return s;
}
