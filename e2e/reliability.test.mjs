// The reliability suite (issue 12, part C): two real backend replicas with NODE_ENV=production on one
// PostgreSQL, one git remote and the Argo CD sandbox.
//   C1 mixed operations through both replicas: no update lost in git, no task run twice, every task final;
//   C2 a replica killed with SIGKILL in the middle of running tasks: after a restart every task is final and
//      each change is in git exactly once;
//   C3 Argo CD failing 30% of calls (errors, timeouts, dropped connections) for a while: every task final with
//      a clear message, git consistent;
//   C4 generated bad requests over every route of the OpenAPI document: all 4xx, nothing committed or stored;
//   C6 no git token, Argo CD token or registry password in any answer, log line or the served frontend;
//   C7 no stack trace or file path in any error answer (NODE_ENV=production).
// `make test` runs the short version; `make reliability` (APP_CENTER_RELIABILITY=long) the long one.
//
//   export "$(bash scripts/test-postgres.sh start)"; yarn workspace app build
//   node --test e2e/reliability.test.mjs
// Ports: APP_CENTER_RELIABILITY_PORT (default 7060) and the three above it (second replica, sandbox, its git).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { guestToken, startBackend } from './support/backend.mjs';
import { testPostgres } from './support/bundle.mjs';
import {
  apiClient,
  badRequests,
  readGit,
  snapshot,
  waitFinal,
} from './support/reliability.mjs';
import { startSandbox } from './support/sandbox.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LONG = process.env.APP_CENTER_RELIABILITY === 'long';
const plan = LONG
  ? { ops: 200, killed: 20, faultSeconds: 60, faultTasks: 40, concurrency: 8 }
  : { ops: 24, killed: 4, faultSeconds: 8, faultTasks: 6, concurrency: 6 };
const basePort = Number(process.env.APP_CENTER_RELIABILITY_PORT ?? 7060);
const ports = { a: basePort, b: basePort + 1, sandbox: basePort + 2 };
const gitPort = basePort + 3;
const gitUrl = `http://127.0.0.1:${gitPort}/gitops`;
// The example images are on the sandbox's registry API; a second registry, with a password, is configured
// only so that its password is one more secret to look for.
const IMAGES = `127.0.0.1:${ports.sandbox}`;
const REGISTRY = 'registry.example.com';
const TARGETS = ['dev', 'test'].flatMap(env =>
  ['web', 'api'].map(app => ({ env, app })),
);

// The secrets of this run: the sandbox's token (Argo CD's and the git server's) and a registry password.
const token = randomBytes(16).toString('hex');
const registryPassword = randomBytes(16).toString('hex');
const screen = { secrets: [token, registryPassword], leaks: [], answers: 0 };
const figures = {};

const work = mkdtempSync(path.join(tmpdir(), 'app-center-reliability-'));
let sandbox;
const replicas = {};
const clients = {};
const outputs = [];
let generation = 0;

/** One replica: production mode, the shared PostgreSQL, its own working clones; guest sign-in for the test. */
async function startReplica(name) {
  generation += 1;
  const pg = testPostgres();
  const appCenter = YAML.parse(sandbox.appCenterConfig()).appCenter;
  appCenter.git.workingDirectory = path.join(work, `clones-${generation}`);
  appCenter.argocd.instances[0].timeout = '2s';
  appCenter.tasks = { leaseSeconds: 4 };
  appCenter.deploy = { timeoutSeconds: 60 };
  appCenter.registries = [
    ...(appCenter.registries ?? []),
    { host: REGISTRY, username: 'robot', password: registryPassword },
  ];
  const backend = await startBackend({
    port: ports[name],
    serveApp: name === 'a',
    nodeEnv: 'production',
    database: [
      '    client: pg',
      '    connection:',
      `      host: ${pg.POSTGRES_HOST}`,
      `      port: ${pg.POSTGRES_PORT}`,
      `      user: ${pg.POSTGRES_USER}`,
      ...(pg.POSTGRES_PASSWORD
        ? [`      password: ${pg.POSTGRES_PASSWORD}`]
        : []),
      `    prefix: ${figures.prefix}`,
    ],
    extraConfig: YAML.stringify({
      appCenter,
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
    }),
  });
  replicas[name] = backend;
  clients[name] = apiClient(
    backend.baseUrl,
    await guestToken(backend.baseUrl),
    screen,
  );
  return backend;
}

async function stopReplica(name, how) {
  const backend = replicas[name];
  if (!backend) return undefined;
  const output = backend.output();
  outputs.push(output);
  delete replicas[name];
  return how === 'kill' ? backend.kill() : backend.stop();
}

/** Runs `jobs` with at most `n` at a time. */
async function pool(jobs, n) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

const deployBody = (app, tag) => ({
  apps: [{ app, images: [{ image: `${IMAGES}/shop/${app}`, tag }] }],
});
const deploy = (call, { env, app }, tag) =>
  call(
    'POST',
    `/projects/shop/environments/${env}/deployments`,
    deployBody(app, tag),
  );

/** The commit a task's commit step recorded (undefined when the task changed nothing in git). */
const committedRevision = task => {
  const result = task.steps.find(s => s.id === 'commit')?.result;
  return result?.committed === false ? undefined : result?.revision;
};

/** Each task's change is in git exactly once (none when it committed nothing), on the branch. */
async function assertGitHasEachChangeOnce(tasks) {
  const git = await readGit(gitUrl, token);
  const shas = new Set(git.log.map(c => c.sha));
  for (const task of tasks) {
    const commits = git.commitsOf(task.id);
    const revision = committedRevision(task);
    if (task.status === 'succeeded' && revision) {
      assert.equal(
        commits.length,
        1,
        `task ${task.id} has ${commits.length} commits`,
      );
      assert.equal(commits[0].sha, revision);
      assert.ok(
        shas.has(revision),
        `${revision} of ${task.id} is not on the branch`,
      );
    } else {
      assert.ok(commits.length <= 1, `task ${task.id} committed twice`);
    }
  }
  return git;
}

const assertAllSucceeded = tasks =>
  assert.deepEqual(
    tasks.filter(x => x.status !== 'succeeded').map(x => `${x.id} ${x.error}`),
    [],
  );

const count = (items, key) =>
  items.reduce((m, i) => ({ ...m, [key(i)]: (m[key(i)] ?? 0) + 1 }), {});

before(async () => {
  figures.prefix = `app_center_reliability_${randomBytes(4).toString('hex')}_`;
  sandbox = await startSandbox({
    port: ports.sandbox,
    gitPort,
    token,
    podReadyDelayMs: 200,
  });
  // app-config.yaml reads the sandbox's token from the environment, as production reads its secrets.
  process.env.APP_CENTER_SANDBOX_TOKEN = token;
  const started = Date.now();
  await startReplica('a');
  await startReplica('b');
  figures.startSeconds = (Date.now() - started) / 1000;
  // Both environments have both apps, each with its Argo CD Application.
  for (const { env, app } of TARGETS) {
    // overwrite: the example's dev folders exist in git without their Argo CD Applications.
    const res = await clients.a(
      'POST',
      `/projects/shop/environments/${env}/apps`,
      {
        app,
        overwrite: true,
      },
    );
    assert.ok(
      [200, 201, 202, 409].includes(res.status),
      `associate ${env}/${app}: ${res.status} ${res.text}`,
    );
    if (res.status === 202) await waitFinal(clients.a, [res.body.id], 60_000);
  }
});

after(async () => {
  for (const name of Object.keys(replicas)) await stopReplica(name);
  await sandbox?.stop();
  rmSync(work, { recursive: true, force: true });
  console.log(`# reliability figures ${JSON.stringify(figures)}`);
});

test(
  'C1: mixed operations through two replicas lose no update, run each task once and end every task',
  { timeout: 900_000 },
  async t => {
    const started = Date.now();
    const notes = [];
    const jobs = Array.from({ length: plan.ops }, (_, i) => async () => {
      const call = i % 2 ? clients.b : clients.a;
      const target = TARGETS[i % TARGETS.length];
      const base = `/projects/shop/environments/${target.env}/apps/${target.app}`;
      switch (Math.floor(i / TARGETS.length) % 4) {
        case 0:
          return {
            kind: 'deploy',
            res: await deploy(call, target, `2.${i}.0`),
          };
        case 1:
          return {
            kind: 'scale',
            res: await call('POST', `${base}/scale`, { replicas: 1 + (i % 3) }),
          };
        case 2:
          return { kind: 'sync', res: await call('POST', `${base}/sync`, {}) };
        default: {
          const file = `note-${i}.yaml`;
          const res = await call('PUT', '/projects/shop/templates/web/files', {
            files: [
              {
                path: file,
                content: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: note-${i}\ndata:\n  n: "${i}"\n`,
              },
            ],
            message: `note ${i}`,
          });
          if (res.status === 200) notes.push(file);
          return { kind: 'template-write', res };
        }
      }
    });
    const results = await pool(jobs, plan.concurrency);
    // A direct write that kept losing the race for the branch (409), or whose push the git host dropped (502),
    // is refused with a message saying so: the caller knows, nothing is lost silently. Anything else must be
    // accepted; tasks retry both themselves.
    const conflicts = results.filter(
      r =>
        r.kind === 'template-write' &&
        [409, 502].includes(r.res.status) &&
        /kept moving|git host/.test(r.res.body?.error?.message),
    );
    const refused = results.filter(
      r => ![200, 202].includes(r.res.status) && !conflicts.includes(r),
    );
    assert.deepEqual(
      refused.map(r => `${r.kind} ${r.res.status} ${r.res.text}`),
      [],
    );
    const ids = results
      .filter(r => r.res.status === 202)
      .map(r => r.res.body.id);
    const tasks = [...(await waitFinal(clients.a, ids, 600_000)).values()];
    figures.c1 = {
      operations: plan.ops,
      tasks: tasks.length,
      templateWrites: notes.length,
      templateWritesRefused: count(conflicts, r => r.res.status),
      outcomes: count(tasks, x => x.status),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    t.diagnostic(JSON.stringify(figures.c1));
    assertAllSucceeded(tasks);
    // Run once: no task was claimed a second time.
    assert.deepEqual(
      tasks.filter(x => x.attempts !== 1).map(x => x.id),
      [],
    );
    const git = await assertGitHasEachChangeOnce(tasks);
    for (const file of notes)
      assert.ok(
        git.files.includes(`shop/templates/web/${file}`),
        `${file} was lost`,
      );
  },
);

test(
  'C2: a replica killed with SIGKILL mid-task: after a restart every task ends and each change is in git once',
  { timeout: 900_000 },
  async t => {
    const started = Date.now();
    // Only B works the queue, so the tasks are in B's hands when it dies (A has no task: C1 ended them all).
    await stopReplica('a', 'kill');
    try {
      await killMidTask(t, started);
    } finally {
      // Whatever happened, the tests after this one have both replicas.
      if (!replicas.a) await startReplica('a');
      if (!replicas.b) await startReplica('b');
    }
  },
);

async function killMidTask(t, started) {
  const ids = [];
  for (let i = 0; i < plan.killed; i++) {
    const res = await deploy(
      clients.b,
      TARGETS[i % TARGETS.length],
      `3.${i}.0`,
    );
    assert.equal(res.status, 202, res.text);
    ids.push(res.body.id);
  }
  let running = [];
  const deadline = Date.now() + 60_000;
  while (running.length === 0) {
    assert.ok(Date.now() < deadline, 'no task started running');
    const states = await Promise.all(
      ids.map(id => clients.b('GET', `/tasks/${id}`).then(r => r.body)),
    );
    running = states.filter(s => s.status === 'running').map(s => s.id);
  }
  const killedAt = Date.now();
  const killed = await stopReplica('b', 'kill');
  assert.equal(killed.signal, 'SIGKILL');
  // The killed replica restarts (and A comes back beside it, for the tests after this one).
  const restart = Date.now();
  const a = startReplica('a');
  await startReplica('b');
  const tasks = [...(await waitFinal(clients.b, ids, 600_000)).values()];
  await a;
  figures.c2 = {
    tasks: ids.length,
    runningWhenKilled: running.length,
    resumed: tasks.filter(x => x.attempts > 1).length,
    outcomes: count(tasks, x => x.status),
    restartToAllFinalSeconds: Math.round((Date.now() - restart) / 1000),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  t.diagnostic(JSON.stringify(figures.c2));
  assertAllSucceeded(tasks);
  // A task that was still running when its replica died was taken up again (attempt 2).
  for (const id of running) {
    const task = tasks.find(x => x.id === id);
    assert.ok(
      task.attempts >= 2 || Date.parse(task.finishedAt) <= killedAt,
      `task ${id} was running when its replica died but was not resumed`,
    );
  }
  await assertGitHasEachChangeOnce(tasks);
}

test(
  'C3: Argo CD failing 30% of calls for a while: every task ends with a clear message and git stays consistent',
  { timeout: 900_000 },
  async t => {
    const started = Date.now();
    const durationMs = plan.faultSeconds * 1000;
    // Each spec hits 10% of all calls: the dice of a spared call go on to the next one.
    const faults = [
      {
        status: 500,
        message: 'injected: etcd leader changed',
        probability: 0.1,
      },
      { drop: true, probability: 0.1 / 0.9 },
      { latencyMs: 4000, probability: 0.1 / 0.8 },
    ].map(f => ({ pattern: '/api/v1/**', durationMs, ...f }));
    const added = await fetch(
      `http://127.0.0.1:${ports.sandbox}/sandbox/faults`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(faults),
      },
    );
    assert.equal(added.status, 200, await added.text());
    const answers = [];
    const gap = durationMs / plan.faultTasks;
    await Promise.all(
      Array.from({ length: plan.faultTasks }, async (_, i) => {
        await new Promise(r => setTimeout(r, i * gap));
        const call = i % 2 ? clients.b : clients.a;
        answers.push(
          await deploy(call, TARGETS[i % TARGETS.length], `4.${i}.0`),
        );
      }),
    );
    // A request refused while Argo CD fails is a clear upstream error, never a 500.
    for (const res of answers) {
      if (res.status === 202) continue;
      assert.ok([502, 504].includes(res.status), `${res.status} ${res.text}`);
      assert.match(res.body.error.message, /Argo CD/);
    }
    const ids = answers.filter(r => r.status === 202).map(r => r.body.id);
    const tasks = [...(await waitFinal(clients.a, ids, 600_000)).values()];
    for (const task of tasks.filter(x => x.status === 'failed')) {
      assert.ok(
        task.error?.length > 10,
        `task ${task.id} failed without a message`,
      );
      assert.doesNotMatch(task.error, /\bat [\w$.<>]+ \(|node_modules/);
    }
    await assertGitHasEachChangeOnce(tasks);
    // Argo CD is well again: a deploy goes through.
    await new Promise(r =>
      setTimeout(r, Math.max(0, started + durationMs - Date.now())),
    );
    const after = await deploy(clients.a, TARGETS[0], '4.999.0');
    assert.equal(after.status, 202, after.text);
    const [recovered] = (
      await waitFinal(clients.a, [after.body.id], 120_000)
    ).values();
    assert.equal(recovered.status, 'succeeded', recovered.error);
    figures.c3 = {
      faultSeconds: plan.faultSeconds,
      requests: answers.length,
      requestStatuses: count(answers, r => r.status),
      outcomes: count(tasks, x => x.status),
      failureMessages: count(
        tasks.filter(x => x.status === 'failed'),
        x => x.error.replace(/[0-9a-f]{7,40}|\d+(\.\d+)*/g, '#').slice(0, 120),
      ),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    t.diagnostic(JSON.stringify(figures.c3));
  },
);

test(
  'C4: over 1,000 generated bad requests over every route: all 4xx, nothing committed or stored',
  { timeout: 900_000 },
  async t => {
    const started = Date.now();
    const served = (await clients.a('GET', '/openapi.json')).body;
    assert.ok(served?.paths, 'the OpenAPI document is served');
    // The served document names paths from the backend's root; requests go below the plugin's.
    const spec = {
      ...served,
      paths: Object.fromEntries(
        Object.entries(served.paths).map(([p, item]) => [
          p.replace(/^\/api\/app-center/, ''),
          item,
        ]),
      ),
    };
    const names = {
      tenant: 'shop-team',
      project: 'shop',
      env: 'dev',
      app: 'web',
      id: randomUUID(),
      action: 'promote-full',
    };
    const generated = badRequests(spec, names);
    // Both replicas, with and without a user token, until there are at least 1,000.
    const requests = [];
    for (let round = 0; requests.length < 1000; round++)
      for (const r of generated)
        requests.push({
          ...r,
          replica: round % 2 ? 'b' : 'a',
          anonymous: round % 4 === 3,
        });
    const before = await snapshot(clients.a, gitUrl, token);
    const answers = await pool(
      requests.map(r => async () => ({
        r,
        res: await clients[r.replica](r.method, r.route, r.body, {
          raw: r.raw,
          headers: r.headers,
          anonymous: r.anonymous,
        }),
      })),
      plan.concurrency,
    );
    // Too large a body: 413, once per replica.
    for (const name of ['a', 'b']) {
      const big = await clients[name]('POST', '/tenants', undefined, {
        raw: JSON.stringify({
          name: 'huge',
          title: 'x'.repeat(5 * 1024 * 1024),
        }),
      });
      answers.push({
        r: { method: 'POST', route: '/tenants (5 MB)' },
        res: big,
      });
    }
    const after = await snapshot(clients.a, gitUrl, token);
    figures.c4 = {
      requests: answers.length,
      routes: Object.values(spec.paths).reduce(
        (n, item) =>
          n + ['get', 'put', 'post', 'delete'].filter(m => item[m]).length,
        0,
      ),
      statuses: count(answers, a => a.res.status),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    t.diagnostic(JSON.stringify(figures.c4));
    assert.ok(answers.length >= 1000);
    const wrong = answers.filter(
      a => a.res.status < 400 || a.res.status >= 500,
    );
    assert.deepEqual(
      wrong
        .slice(0, 20)
        .map(
          a =>
            `${a.r.method} ${a.r.route} ${JSON.stringify(
              a.r.body ?? a.r.raw,
            )} -> ${a.res.status} ${a.res.text.slice(0, 200)}`,
        ),
      [],
    );
    assert.deepEqual(after, before);
  },
);

test(
  'C6 and C7: no secret in any answer, log line or the served frontend; no stack or path in an error answer',
  { timeout: 300_000 },
  async t => {
    assert.ok(
      existsSync(path.join(root, 'packages/app/dist/index.html')),
      'build the frontend first: yarn workspace app build',
    );
    // The frontend as replica A serves it, with the configuration injected at runtime.
    const index = await (await fetch(`${replicas.a.baseUrl}/`)).text();
    const scripts = [...index.matchAll(/src="([^"]+\.js)"/g)].map(m => m[1]);
    assert.ok(scripts.length > 0, 'the served index names its scripts');
    const served = [index];
    for (const src of scripts)
      served.push(await (await fetch(new URL(src, replicas.a.baseUrl))).text());
    // And every file of the build on disk.
    const files = [];
    const walk = dir =>
      readdirSync(dir, { withFileTypes: true }).forEach(e =>
        e.isDirectory()
          ? walk(path.join(dir, e.name))
          : files.push(path.join(dir, e.name)),
      );
    walk(path.join(root, 'packages/app/dist'));
    const logs = [...outputs, ...Object.values(replicas).map(r => r.output())];
    const found = [];
    for (const secret of screen.secrets) {
      served.forEach(
        (text, i) => text.includes(secret) && found.push(`served file ${i}`),
      );
      files.forEach(f => readFileSync(f).includes(secret) && found.push(f));
      logs.forEach(
        (text, i) =>
          text.includes(secret) && found.push(`log of replica run ${i}`),
      );
    }
    figures.c6 = {
      answersScreened: screen.answers,
      logBytes: logs.reduce((n, l) => n + l.length, 0),
      servedFiles: served.length,
      builtFiles: files.length,
    };
    t.diagnostic(JSON.stringify(figures.c6));
    assert.deepEqual(found, []);
    assert.deepEqual(screen.leaks.slice(0, 20), []);
  },
);
