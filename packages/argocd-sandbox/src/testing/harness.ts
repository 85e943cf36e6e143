/* eslint-disable @typescript-eslint/no-explicit-any */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArgoCDSandbox, ArgoCDSandboxOptions } from '../sandbox.ts';
import { startArgoCDSandbox } from '../sandbox.ts';
import {
  validateAgainstSwagger,
  validateStreamItem,
} from '../swagger/validator.ts';
import { GitFixture } from './gitFixture.ts';

export interface Harness {
  sandbox: ArgoCDSandbox;
  repo: GitFixture;
  dir: string;
  api(
    method: string,
    p: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; text: string }>;
  /** Calls the API and checks a 200 body against a swagger definition (or the error body against runtimeError). */
  call(
    method: string,
    p: string,
    definition: string,
    body?: unknown,
  ): Promise<any>;
  stream(
    p: string,
    opts?: {
      sse?: boolean;
      until?: (items: any[]) => boolean;
      timeoutMs?: number;
    },
  ): Promise<{ items: any[]; raw: string; contentType: string | null }>;
  close(): Promise<void>;
}

/** Fast timings for tests. */
export const FAST: Partial<ArgoCDSandboxOptions> = {
  podReadyDelayMs: 20,
  syncDelayMs: 40,
  deleteDelayMs: 80,
  reconcileIntervalMs: 0,
  progressDeadlineMs: 600,
  scaleDownDelayMs: 100,
  logIntervalMs: 40,
  keepAliveMs: 60,
};

export function expectSwagger(definition: string, value: unknown): void {
  const r = validateAgainstSwagger(definition, value);
  if (!r.valid)
    throw new Error(
      `response does not match ${definition}: ${r.errors.join(
        '; ',
      )}\n${JSON.stringify(value).slice(0, 2000)}`,
    );
}

/** The fetch body: none, a raw string (with the `x-raw` header), or JSON. */
function requestBody(body: unknown, raw: boolean): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' && raw) return body;
  return JSON.stringify(body);
}

export async function startHarness(
  options: Partial<ArgoCDSandboxOptions> = {},
): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argocd-sandbox-test-'));
  const gitRoot = path.join(dir, 'git');
  const repo = new GitFixture(gitRoot, 'gitops');
  const sandbox = await startArgoCDSandbox({
    dataDir: dir,
    gitRoot,
    ...FAST,
    // the AppProjects the fixtures' apps name (`default` always exists)
    projects: ['shop', 'other'],
    // and the namespaces they deploy into (a sync into a missing one fails, as on a real cluster)
    namespaces: ['shop-dev', 'keep'],
    ...options,
  });
  const auth = { Authorization: `Bearer ${sandbox.token}` };
  const api: Harness['api'] = async (method, p, body, headers = {}) => {
    const res = await fetch(`${sandbox.url}${p}`, {
      method,
      headers: {
        ...auth,
        ...(method !== 'GET' ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: requestBody(body, !!headers['x-raw']),
    });
    const text = await res.text();
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text };
  };
  const call: Harness['call'] = async (method, p, definition, body) => {
    const r = await api(method, p, body);
    if (r.status !== 200) {
      expectSwagger('runtimeError', r.body);
      throw new Error(`${method} ${p} -> ${r.status} ${r.text}`);
    }
    expectSwagger(definition, r.body);
    return r.body;
  };
  const stream: Harness['stream'] = async (p, opts = {}) => {
    const ac = new AbortController();
    const res = await fetch(`${sandbox.url}${p}`, {
      headers: {
        ...auth,
        ...(opts.sse ? { Accept: 'text/event-stream' } : {}),
      },
      signal: ac.signal,
    });
    const items: any[] = [];
    let raw = '';
    let buffer = '';
    const reader = res.body!.getReader();
    const timer = setTimeout(() => ac.abort(), opts.timeoutMs ?? 5000);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const chunk = Buffer.from(value).toString('utf8');
        raw += chunk;
        buffer += chunk;
        const sep = opts.sse ? '\n\n' : '\n';
        for (
          let idx = buffer.indexOf(sep);
          idx >= 0;
          idx = buffer.indexOf(sep)
        ) {
          const frame = buffer.slice(0, idx);
          buffer = buffer.slice(idx + sep.length);
          if (opts.sse) {
            if (frame.startsWith(':')) continue;
            if (!frame.startsWith('data: '))
              throw new Error(`bad SSE frame: ${frame}`);
            items.push(JSON.parse(frame.slice(6)));
          } else if (frame.trim()) items.push(JSON.parse(frame));
        }
        if (opts.until?.(items)) {
          ac.abort();
          break;
        }
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') throw e;
    } finally {
      clearTimeout(timer);
    }
    return { items, raw, contentType: res.headers.get('content-type') };
  };
  return {
    sandbox,
    repo,
    dir,
    api,
    call,
    stream,
    close: async () => {
      await sandbox.close();
      repo.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `timed out waiting for ${what}${
          last ? `: ${(last as Error).message}` : ''
        }`,
      );
    await new Promise(r => setTimeout(r, 20));
  }
}

export function appBody(
  name: string,
  repoURL: string,
  appPath: string,
  extra: any = {},
): any {
  return {
    metadata: {
      name,
      labels: {
        'app-center.io/project': 'shop',
        'app-center.io/environment': 'dev',
        ...(extra.labels ?? {}),
      },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: extra.project ?? 'shop',
      source: { repoURL, path: appPath, targetRevision: 'main' },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: 'shop-dev',
      },
      ...(extra.spec ?? {}),
    },
  };
}

export { validateStreamItem };
