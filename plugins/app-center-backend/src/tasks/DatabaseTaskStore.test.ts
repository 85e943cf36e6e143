import { ConflictError, NotFoundError } from '@backstage/errors';
import { applyDatabaseMigrations } from '../database/migrations';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { newTask } from './__testUtils__/newTask';
import { DatabaseTaskStore } from './DatabaseTaskStore';
import { Task, TaskStore } from './types';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

const LEASE = 60_000;
/** A lease that has already run out: what a replica that died mid-task leaves behind. */
const RUN_OUT = -1_000;

describe.each(ids)('task store on %s', databaseId => {
  let store: TaskStore;

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    store = new DatabaseTaskStore(knex);
  });

  it('creates pending tasks with pending steps and the lock keys beside the input', async () => {
    const task = await store.create(newTask('web'));
    expect(task).toMatchObject({
      kind: 'test',
      status: 'pending',
      project: 'shop',
      environment: 'dev',
      apps: ['web'],
      input: { app: 'web', lockKeys: ['shop/dev/web'] },
      requestedBy: 'user:default/alice',
      cancelRequested: false,
      attempts: 0,
    });
    expect(task.steps.map(s => [s.id, s.status])).toEqual([
      ['commit', 'pending'],
      ['sync:web', 'pending'],
    ]);
    expect(await store.get(task.id)).toEqual(task);
    await expect(store.get('no-such-task')).rejects.toThrow(NotFoundError);
    expect(await store.countQueued()).toBe(1);
  });

  it('hands a task to one of two workers claiming at once', async () => {
    const { id } = await store.create(newTask('web'));
    const [a, b] = await Promise.all([
      store.claim('replica-a', LEASE),
      store.claim('replica-b', LEASE),
    ]);
    const won = [a, b].filter((t): t is Task => !!t);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ id, status: 'running', attempts: 1 });
    expect(won[0].startedAt).toBeDefined();
    expect(await store.countQueued()).toBe(0);
    expect(await store.claim('replica-c', LEASE)).toBeUndefined();
  });

  it('claims the oldest runnable task, and keeps a task waiting while another holds its app', async () => {
    const first = await store.create(newTask('web'));
    const second = await store.create(newTask('web'));
    const other = await store.create(newTask('api'));
    expect((await store.claim('w1', LEASE))?.id).toBe(first.id);
    // web is locked by the first task: the api task runs, the second web task waits.
    expect((await store.claim('w1', LEASE))?.id).toBe(other.id);
    expect(await store.claim('w1', LEASE)).toBeUndefined();
    expect((await store.get(second.id)).status).toBe('pending');
    await store.complete(first.id, 'w1', { status: 'succeeded', steps: [] });
    expect((await store.claim('w1', LEASE))?.id).toBe(second.id);
  });

  it('lets only the lease holder heartbeat, save steps and end the task', async () => {
    const { id } = await store.create(newTask('web'));
    const claimed = (await store.claim('w1', LEASE))!;
    const steps = claimed.steps.map(s => ({ ...s }));
    steps[0] = { ...steps[0], status: 'succeeded', result: { sha: 'abc' } };
    await expect(store.heartbeat(id, 'w2', LEASE)).rejects.toThrow(
      ConflictError,
    );
    await expect(store.saveSteps(id, 'w2', steps)).rejects.toThrow(
      ConflictError,
    );
    await expect(
      store.complete(id, 'w2', { status: 'succeeded', steps }),
    ).rejects.toThrow(ConflictError);
    expect(await store.heartbeat(id, 'w1', LEASE)).toEqual({
      cancelRequested: false,
    });
    await store.saveSteps(id, 'w1', steps);
    expect((await store.get(id)).steps[0]).toMatchObject({
      status: 'succeeded',
      result: { sha: 'abc' },
    });
    await store.complete(id, 'w1', {
      status: 'succeeded',
      steps,
      result: { revision: 'abc' },
    });
    const done = await store.get(id);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { revision: 'abc' },
    });
    expect(done.finishedAt).toBeDefined();
    // A finished task holds no lease any more.
    await expect(store.heartbeat(id, 'w1', LEASE)).rejects.toThrow(
      ConflictError,
    );
  });

  it('gives a task whose lease ran out to another worker, which keeps its app locked', async () => {
    const { id } = await store.create(newTask('web'));
    await store.claim('dead', RUN_OUT);
    const waiting = await store.create(newTask('web'));
    const resumed = await store.claim('rescuer', LEASE);
    expect(resumed).toMatchObject({ id, status: 'running', attempts: 2 });
    // The dead attempt can change nothing more.
    await expect(store.heartbeat(id, 'dead', LEASE)).rejects.toThrow(
      ConflictError,
    );
    await expect(store.saveSteps(id, 'dead', [])).rejects.toThrow(
      ConflictError,
    );
    // The app stays locked for the resumed task.
    expect(await store.claim('other', LEASE)).toBeUndefined();
    expect((await store.get(waiting.id)).status).toBe('pending');
  });

  it('makes a handed-back task claimable at once', async () => {
    const { id } = await store.create(newTask('web'));
    await store.claim('stopping', LEASE);
    expect(await store.claim('other', LEASE)).toBeUndefined();
    await store.releaseLease(id, 'stopping');
    expect(await store.claim('other', LEASE)).toMatchObject({
      id,
      attempts: 2,
    });
  });

  it('cancels a pending task at once, asks a running one to stop, and refuses a finished one', async () => {
    const runningTask = await store.create(newTask('web'));
    const pendingTask = await store.create(newTask('api'));
    await store.claim('w1', LEASE); // the web task
    expect((await store.get(runningTask.id)).status).toBe('running');
    const cancelled = await store.cancel(pendingTask.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps.every(s => s.status === 'cancelled')).toBe(true);
    expect(cancelled.finishedAt).toBeDefined();
    const asked = await store.cancel(runningTask.id);
    expect(asked).toMatchObject({ status: 'running', cancelRequested: true });
    expect(await store.heartbeat(runningTask.id, 'w1', LEASE)).toEqual({
      cancelRequested: true,
    });
    await expect(store.cancel(pendingTask.id)).rejects.toThrow(
      /already been cancelled/,
    );
    await store.complete(runningTask.id, 'w1', { status: 'failed', steps: [] });
    await expect(store.cancel(runningTask.id)).rejects.toThrow(
      /has already failed/,
    );
    await expect(store.cancel('no-such-task')).rejects.toThrow(NotFoundError);
  });

  it('deletes finished tasks older than the cutoff, never unfinished ones', async () => {
    const done = await store.create(newTask('web'));
    const open = await store.create(newTask('api'));
    await store.claim('w1', LEASE);
    await store.complete(done.id, 'w1', { status: 'succeeded', steps: [] });
    const finishedAt = Date.parse((await store.get(done.id)).finishedAt!);
    expect(await store.deleteFinishedBefore(new Date(finishedAt))).toBe(0);
    expect(await store.deleteFinishedBefore(new Date(finishedAt + 1))).toBe(1);
    await expect(store.get(done.id)).rejects.toThrow(NotFoundError);
    expect((await store.get(open.id)).status).toBe('pending');
  });

  it('lists tasks newest first, by project, environment and app', async () => {
    const a = await store.create(newTask('web'));
    const b = await store.create(newTask('web-admin'));
    const c = await store.create(newTask('api', { environment: 'prod' }));
    const idsOf = (ts: Task[]) => ts.map(t => t.id);
    expect(idsOf(await store.list({ project: 'shop' }))).toEqual(
      expect.arrayContaining([a.id, b.id, c.id]),
    );
    expect(idsOf(await store.list({ project: 'shop', app: 'web' }))).toEqual([
      a.id,
    ]);
    expect(
      idsOf(await store.list({ project: 'shop', environment: 'prod' })),
    ).toEqual([c.id]);
    expect(idsOf(await store.list({ project: 'shop', limit: 1 }))).toHaveLength(
      1,
    );
  });

  it('lists tasks asked for in the same millisecond in the order they were asked for', async () => {
    // The clock stands still: only Date is faked, the database's own timers run.
    jest.useFakeTimers({
      now: Date.parse('2026-11-30T04:00:00Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const first = await store.create(newTask('web'));
      const second = await store.create(newTask('api'));
      const third = await store.create(newTask('worker'));
      expect((await store.list({ project: 'shop' })).map(t => t.id)).toEqual([
        third.id,
        second.id,
        first.id,
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('finds the newest task of each app for the environment lists', async () => {
    const tick = () => new Promise(r => setTimeout(r, 5)); // distinct creation times
    await store.create(newTask('web'));
    await tick();
    const newer = await store.create(newTask('web'));
    await tick();
    const batch = await store.create(
      newTask('api', {
        apps: ['api', 'worker'],
        lockKeys: ['shop/dev/api', 'shop/dev/worker'],
      }),
    );
    const prod = await store.create(
      newTask('web', { environment: 'prod', lockKeys: ['shop/prod/web'] }),
    );
    const latest = await store.latestPerApp('shop', 'dev');
    expect([...latest.keys()].sort()).toEqual([
      'dev/api',
      'dev/web',
      'dev/worker',
    ]);
    expect(latest.get('dev/web')).toMatchObject({
      id: newer.id,
      kind: 'test',
      status: 'pending',
    });
    expect(latest.get('dev/worker')!.id).toBe(batch.id);
    expect((await store.latestPerApp('shop')).get('prod/web')!.id).toBe(
      prod.id,
    );
  });
});
