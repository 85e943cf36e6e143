import { mockServices } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { newTask } from './__testUtils__/newTask';
import { DatabaseTaskStore } from './DatabaseTaskStore';
import { TaskWorker } from './TaskWorker';
import {
  createTaskKind,
  TaskRunContext,
} from '@internal/plugin-app-center-node';
import { z } from 'zod';
import { JsonObject, TaskCancelledError, TaskKind, TaskStore } from './types';

const testInput = z.object({ app: z.string() });
type TestContext = TaskRunContext<z.output<typeof testInput>>;

/** A task kind for the queue's tests (tasks are created in the store directly, so `plan` is not used). */
const testKind = (
  run: (ctx: TestContext) => Promise<JsonObject | void>,
): TaskKind<z.output<typeof testInput>> =>
  createTaskKind({
    kind: 'test',
    description: 'a kind for tests',
    schema: testInput,
    plan: async () => {
      throw new Error('not planned in these tests');
    },
    run,
  });

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

/** A store that answers as `store` except for the given calls (a replica in trouble). */
function storeWith(store: TaskStore, overrides: Partial<TaskStore>): TaskStore {
  return {
    create: t => store.create(t),
    get: id => store.get(id),
    list: f => store.list(f),
    latestPerApp: (p, e) => store.latestPerApp(p, e),
    claim: (w, l) => store.claim(w, l),
    heartbeat: (id, w, l) => store.heartbeat(id, w, l),
    saveSteps: (id, w, steps) => store.saveSteps(id, w, steps),
    complete: (id, w, outcome) => store.complete(id, w, outcome),
    cancel: id => store.cancel(id),
    releaseLease: (id, w) => store.releaseLease(id, w),
    countQueued: () => store.countQueued(),
    deleteFinishedBefore: cutoff => store.deleteFinishedBefore(cutoff),
    ...overrides,
  };
}

async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}

const finished = (store: DatabaseTaskStore, id: string) =>
  waitFor(async () => {
    const t = await store.get(id);
    return ['succeeded', 'failed', 'cancelled'].includes(t.status)
      ? t
      : undefined;
  }, `task ${id} to finish`);

describe.each(ids)('task queue on %s', databaseId => {
  let store: DatabaseTaskStore;
  const workers: TaskWorker[] = [];
  const worker = (
    kind: TaskKind<any>,
    workerId: string,
    extra: {
      leaseMs?: number;
      concurrency?: number;
      storeOverride?: TaskStore;
    } = {},
  ) => {
    const w = new TaskWorker({
      store: extra.storeOverride ?? store,
      kinds: [kind],
      logger: mockServices.logger.mock(),
      workerId,
      leaseMs: extra.leaseMs ?? 2_000,
      concurrency: extra.concurrency ?? 4,
      pollMs: 20,
    });
    workers.push(w);
    w.start();
    return w;
  };

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    store = new DatabaseTaskStore(knex);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map(w => w.stop()));
  });

  it('runs a task step by step and keeps each step outcome', async () => {
    const handler = testKind(async ctx => {
      const { sha } = await ctx.step('commit', async () => ({
        sha: 'abc123',
      }));
      await ctx.step(`sync:${ctx.task.apps[0]}`, async step => {
        await step.progress(`syncing to ${sha}`);
        return { revision: sha };
      });
      return { commit: sha };
    });
    const created = await store.create(newTask('web'));
    expect(created).toMatchObject({ status: 'pending', attempts: 0 });
    worker(handler, 'w1');
    const task = await finished(store, created.id);
    expect(task).toMatchObject({
      status: 'succeeded',
      result: { commit: 'abc123' },
      attempts: 1,
    });
    expect(task.steps.map(s => [s.id, s.status, s.result])).toEqual([
      ['commit', 'succeeded', { sha: 'abc123' }],
      ['sync:web', 'succeeded', { revision: 'abc123' }],
    ]);
    expect(task.steps[1].message).toBe('syncing to abc123');
    expect(task.finishedAt).toBeDefined();
  });

  it('fails a task with the error of its step and skips the rest', async () => {
    const handler = testKind(async ctx => {
      await ctx.step('commit', async () => {
        throw new Error('git host unreachable');
      });
    });
    const { id } = await store.create(newTask('web'));
    worker(handler, 'w1');
    const task = await finished(store, id);
    expect(task.status).toBe('failed');
    expect(task.error).toBe('git host unreachable');
    expect(task.steps.map(s => [s.status, s.message])).toEqual([
      ['failed', 'git host unreachable'],
      ['skipped', undefined],
    ]);
  });

  it('never runs a task twice when two workers share the queue', async () => {
    const runs = new Map<string, number>();
    const handler = testKind(async ctx => {
      runs.set(ctx.task.id, (runs.get(ctx.task.id) ?? 0) + 1);
      await new Promise(r => setTimeout(r, 10));
    });
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) => store.create(newTask(`app-${i}`))),
    );
    worker(handler, 'replica-a');
    worker(handler, 'replica-b');
    const done = await Promise.all(created.map(t => finished(store, t.id)));
    expect(done.every(t => t.status === 'succeeded' && t.attempts === 1)).toBe(
      true,
    );
    expect([...runs.values()]).toEqual(Array(24).fill(1));
  });

  it('resumes a task whose worker died mid-task, without redoing finished steps', async () => {
    let commits = 0;
    let syncs = 0;
    let release: () => void = () => {};
    const stuck = new Promise<void>(r => {
      release = r;
    });
    const handler = (hangs: boolean) =>
      testKind(async ctx => {
        const { sha } = await ctx.step('commit', async () => {
          commits++;
          return { sha: 'c0ffee' };
        });
        await ctx.step('sync:web', async () => {
          if (hangs) await stuck; // the replica freezes here and stops sending heartbeats
          syncs++;
          return { revision: sha };
        });
      });
    // A store whose heartbeats never arrive: the replica behind it is dead as far as the queue can tell,
    // and it claims nothing more once frozen.
    let claims = 0;
    const deadStore = storeWith(store, {
      heartbeat: async () => {
        throw new Error('connection lost');
      },
      claim: async (workerId, leaseMs) =>
        claims++ === 0 ? store.claim(workerId, leaseMs) : undefined,
    });
    const { id } = await store.create(newTask('web'));
    const crashing = worker(handler(true), 'crashing', {
      leaseMs: 300,
      storeOverride: deadStore,
    });
    await waitFor(
      async () =>
        (await store.get(id)).steps[0].status === 'succeeded' || undefined,
      'the first step',
    );

    worker(handler(false), 'rescuer', { leaseMs: 300 });
    const task = await finished(store, id);
    release();
    expect(task.status).toBe('succeeded');
    expect(task.attempts).toBe(2);
    expect(commits).toBe(1);
    expect(syncs).toBe(1);
    expect(task.steps[1].result).toEqual({ revision: 'c0ffee' });
    // The frozen replica wakes up, finds it lost the task, and changes nothing.
    await waitFor(
      async () => crashing.active.length === 0 || undefined,
      'the frozen replica to end its attempt',
    );
    expect(syncs).toBe(2);
    expect(await store.get(id)).toEqual(task);
  });

  it('runs tasks on the same app one at a time, tasks on other apps alongside', async () => {
    let concurrentOnWeb = 0;
    let maxOnWeb = 0;
    const started: string[] = [];
    let open: () => void = () => {};
    const gate = new Promise<void>(r => {
      open = r;
    });
    const handler = testKind(async ctx => {
      const onWeb = ctx.task.apps.includes('web');
      started.push(ctx.task.apps[0]);
      if (onWeb) maxOnWeb = Math.max(maxOnWeb, ++concurrentOnWeb);
      await gate;
      if (onWeb) concurrentOnWeb--;
    });
    const tasks = [];
    for (const app of ['web', 'web', 'web', 'api'])
      tasks.push(await store.create(newTask(app)));
    worker(handler, 'w1', { concurrency: 4 });
    // The first web task and the api task run at once and wait; the other web tasks, claimed before the api
    // task had their app not been locked, have not started.
    await waitFor(
      async () => (started.includes('api') ? true : undefined),
      'the api task to start',
    );
    expect(started.sort()).toEqual(['api', 'web']);
    open();
    const done = await Promise.all(tasks.map(t => finished(store, t.id)));
    expect(done.map(t => t.status)).toEqual(Array(4).fill('succeeded'));
    expect(started).toHaveLength(4);
    expect(maxOnWeb).toBe(1);
  });

  it('cancels a pending task at once and a running one at its next check', async () => {
    const pending = await store.create(newTask('web'));
    const cancelled = await store.cancel(pending.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps.every(s => s.status === 'cancelled')).toBe(true);
    await expect(store.cancel(pending.id)).rejects.toThrow(
      /already been cancelled/,
    );

    const handler = testKind(async ctx => {
      await ctx.step('commit', async () => {
        for (;;) {
          await ctx.checkCancelled();
          await new Promise(r => setTimeout(r, 20));
        }
      });
    });
    const running = await store.create(newTask('api'));
    worker(handler, 'w1', { leaseMs: 300 });
    await waitFor(
      async () =>
        (await store.get(running.id)).status === 'running' || undefined,
      'start',
    );
    await store.cancel(running.id);
    const task = await finished(store, running.id);
    expect(task.status).toBe('cancelled');
    expect(task.steps.map(s => s.status)).toEqual(['cancelled', 'cancelled']);
    expect(new TaskCancelledError().message).toBe('the task was cancelled');
  });

  it('fails tasks of a kind nobody handles, and deletes old finished tasks', async () => {
    const { id } = await store.create(newTask('web', { kind: 'mystery' }));
    worker(
      testKind(async () => undefined),
      'w1',
    );
    const task = await finished(store, id);
    expect(task).toMatchObject({
      status: 'failed',
      error: 'no handler for tasks of kind "mystery"',
    });
    expect(
      await store.deleteFinishedBefore(new Date(Date.now() - 60_000)),
    ).toBe(0);
    expect(await store.deleteFinishedBefore(new Date(Date.now() + 1_000))).toBe(
      1,
    );
    await expect(store.get(id)).rejects.toThrow(/does not exist/);
  });
});
