// Helpers of the reliability suite (e2e/reliability.test.mjs): an API client that screens every answer for
// secrets and (for errors) stacks and paths, task waiting, what git says about tasks, and generated bad
// requests from the OpenAPI document.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FINAL = ['succeeded', 'failed', 'cancelled'];

// What an error answer must not show: a stack, a stack frame, or a path into the installation.
export const ERROR_LEAKS = [
  /"stack"\s*:/,
  /\bat [\w$.<>]+ \(/,
  /node_modules/,
  /(?:\/[\w.@-]+){2,}\.(?:c|m)?(?:j|t)s\b/,
  /\/(?:tmp|home|root|app|usr|var|work)\/[\w.-]+/,
];

/**
 * A client of one backend replica. Every answer is screened: `screen.secrets` found in any body, or a stack
 * or a path in an error body, is recorded in `screen.leaks` (asserted empty at the end).
 */
export function apiClient(baseUrl, token, screen) {
  const api = `${baseUrl}/api/app-center`;
  return async function call(method, route, body, options = {}) {
    const headers = { ...(options.headers ?? {}) };
    if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`;
    let payload;
    if (method === 'GET' || method === 'HEAD') {
      // fetch sends no body with these
    } else if (options.raw !== undefined) {
      payload = options.raw;
      headers['Content-Type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(`${api}${route}`, {
      method,
      headers,
      body: payload,
    });
    const text = await res.text();
    screen.answers += 1;
    for (const secret of screen.secrets) {
      if (text.includes(secret))
        screen.leaks.push(`${method} ${route}: a secret in the answer`);
    }
    if (res.status >= 400) {
      for (const leak of ERROR_LEAKS) {
        if (leak.test(text))
          screen.leaks.push(
            `${method} ${route} (${res.status}) shows ${leak}: ${text.slice(
              0,
              300,
            )}`,
          );
      }
    }
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text };
  };
}

/** Waits until every task is final (polling `GET /tasks/{id}`); resolves with the tasks by id. */
export async function waitFinal(call, ids, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const done = new Map();
  for (;;) {
    for (const id of ids) {
      if (done.has(id)) continue;
      const res = await call('GET', `/tasks/${id}`).catch(() => undefined);
      if (res?.status === 200 && FINAL.includes(res.body.status))
        done.set(id, res.body);
    }
    if (done.size === ids.length) return done;
    if (Date.now() > deadline) {
      const open = ids.filter(id => !done.has(id));
      throw new Error(
        `${open.length} of ${ids.length} tasks did not end within ${Math.round(
          timeoutMs / 1000,
        )} s: ${open.slice(0, 5).join(', ')}`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/** What git holds: a fresh clone of the GitOps repository, its first-parent log and file reads. */
export async function readGit(url, token) {
  const dir = mkdtempSync(path.join(tmpdir(), 'app-center-reliability-git-'));
  const git = args =>
    run(
      'git',
      ['-c', `http.extraHeader=Authorization: Bearer ${token}`, ...args],
      {
        cwd: dir,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 256 * 1024 * 1024,
      },
    ).then(r => r.stdout);
  try {
    await git(['clone', '--quiet', '--no-checkout', url, 'repo']);
    const repo = args => git(['-C', 'repo', ...args]);
    const head = (await repo(['rev-parse', 'HEAD'])).trim();
    const log = (await repo(['log', '--format=%H%x00%cn%x00%B%x1e', 'HEAD']))
      .split('\x1e')
      .map(entry => entry.trim())
      .filter(Boolean)
      .map(entry => {
        const [sha, committer, message] = entry.split('\x00');
        return { sha, committer, message };
      });
    const files = (await repo(['ls-tree', '-r', '--name-only', 'HEAD']))
      .split('\n')
      .filter(Boolean);
    /** Commits whose trailer names the task (the bot's only). */
    const commitsOf = id =>
      log.filter(c => c.message.split('\n').includes(`App-Center-Task: ${id}`));
    return { head, log, files, commitsOf };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything a bad-request run compares before and after: git head, tenancy and tasks. */
export async function snapshot(call, gitUrl, token) {
  const list = async route => {
    const res = await call('GET', route);
    return JSON.stringify(res.body);
  };
  const { head } = await readGit(gitUrl, token);
  return {
    head,
    tenants: await list('/tenants'),
    projects: await list('/projects'),
    environments: await list('/projects/shop/environments'),
    templates: await list('/projects/shop/templates'),
    tasks: await list('/tasks?limit=200'),
  };
}

const BAD_NAMES = ['Bad_Name', 'UPPER', 'x'.repeat(64), '-lead', 'a%20b'];

/** A value of the wrong type for a schema (what a careless or hostile client sends). */
function wrongValue(schema = {}) {
  const type = schema.type;
  if (type === 'string') return 12345;
  if (type === 'integer' || type === 'number') return 'many';
  if (type === 'array') return 'not-a-list';
  if (type === 'boolean') return 'yes';
  return 12345;
}

function resolveRef(spec, schema) {
  let s = schema;
  while (s?.$ref) {
    s = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((o, k) => o?.[k], spec);
  }
  return s ?? {};
}

/**
 * Requests every operation of the OpenAPI document must refuse with a 4xx: bad names in each path parameter,
 * an unknown query parameter, bodies of the wrong shape (wrong JSON type, unknown fields, a wrong-typed value
 * for each field, not JSON at all), and a method the path does not have. `names` fills path parameters with
 * names that exist, so the refusal is about the part made bad.
 */
export function badRequests(spec, names) {
  const out = [];
  const methods = ['get', 'put', 'post', 'delete'];
  for (const [template, item] of Object.entries(spec.paths)) {
    const params = [...template.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
    const fill = (bad = {}) =>
      template.replace(/\{(\w+)\}/g, (_, p) => bad[p] ?? names[p] ?? 'x');
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const M = method.toUpperCase();
      for (const param of params)
        for (const bad of BAD_NAMES)
          out.push({ method: M, route: fill({ [param]: bad }), body: {} });
      out.push({ method: M, route: `${fill()}?bogus=1`, body: {} });
      const schema = resolveRef(
        spec,
        op.requestBody?.content?.['application/json']?.schema,
      );
      if (!op.requestBody) continue;
      const route = fill();
      for (const body of [[], 'text', 42, null, { unknownField: 1 }])
        out.push({ method: M, route, body });
      out.push({ method: M, route, raw: '{"not json' });
      out.push({
        method: M,
        route,
        raw: 'a=1',
        headers: { 'Content-Type': 'text/plain' },
      });
      for (const [prop, propSchema] of Object.entries(
        schema.properties ?? {},
      )) {
        out.push({
          method: M,
          route,
          body: { [prop]: wrongValue(resolveRef(spec, propSchema)) },
        });
      }
    }
    const missing = ['PATCH', ...methods.map(m => m.toUpperCase())].filter(
      m => !item[m.toLowerCase()],
    );
    for (const method of missing) out.push({ method, route: fill(), body: {} });
  }
  return out;
}
