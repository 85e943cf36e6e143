import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people, startAppCenterBackend } from '../__testUtils__/testBackend';
import { DatabaseTaskStore } from '../tasks/DatabaseTaskStore';
import { NewTask } from '../tasks/types';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

const deployTask = (
  app: string,
  requestedBy: string,
  environment = 'dev',
): NewTask => ({
  kind: 'no-such-kind',
  project: 'shop',
  environment,
  apps: [app],
  input: {},
  steps: [{ id: `deploy:${app}`, title: `Deploy ${app}`, app }],
  requestedBy,
  lockKeys: [`shop/${environment}/${app}`],
});

describe.each(ids)('task routes on %s', databaseId => {
  let server: any;
  let store: DatabaseTaskStore;
  let knex: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    const started = await startAppCenterBackend({ knex });
    server = started.server;
    stop = () => started.backend.stop();
    store = new DatabaseTaskStore(knex);
  });
  afterAll(() => stop());

  const finished = async (id: string) => {
    for (let i = 0; i < 400; i++) {
      const t = await store.get(id);
      if (['succeeded', 'failed', 'cancelled'].includes(t.status)) return t;
      await new Promise(r => setTimeout(r, 25));
    }
    throw new Error(`task ${id} did not finish`);
  };

  it('runs queued tasks in the backend and shows them to the tenant, newest first', async () => {
    const first = await store.create(deployTask('web', people.alice));
    const second = await store.create(deployTask('api', people.bob));
    // Nobody handles this kind: the backend's worker picks it up and fails it, saying why.
    expect(await finished(first.id)).toMatchObject({
      status: 'failed',
      error: 'no handler for tasks of kind "no-such-kind"',
    });

    const list = await request(server)
      .get('/api/app-center/tasks?project=shop')
      .set(as(people.alice));
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: any) => t.id).slice(0, 2)).toEqual([
      second.id,
      first.id,
    ]);

    const byApp = await request(server)
      .get('/api/app-center/tasks?app=web')
      .set(as(people.alice));
    expect(byApp.body.items.map((t: any) => t.id)).toContain(first.id);
    expect(byApp.body.items.map((t: any) => t.id)).not.toContain(second.id);

    const one = await request(server)
      .get(`/api/app-center/tasks/${first.id}`)
      .set(as(people.bob));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: first.id,
      kind: 'no-such-kind',
      requestedBy: people.alice,
    });
    expect(one.body.steps).toEqual([
      expect.objectContaining({
        id: 'deploy:web',
        app: 'web',
        status: 'skipped',
      }),
    ]);
  });

  it('keeps tasks from people outside the tenant', async () => {
    const task = await store.create(deployTask('web', people.alice));
    expect(
      (
        await request(server)
          .get(`/api/app-center/tasks/${task.id}`)
          .set(as(people.carol))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .get('/api/app-center/tasks?project=shop')
          .set(as(people.carol))
      ).status,
    ).toBe(403);
    const all = await request(server)
      .get('/api/app-center/tasks')
      .set(as(people.mallory));
    expect(all.body.items).toEqual([]);
    expect(
      (
        await request(server)
          .get('/api/app-center/tasks/nope')
          .set(as(people.admin))
      ).status,
    ).toBe(404);
    expect(
      (
        await request(server)
          .get('/api/app-center/tasks?limit=0')
          .set(as(people.admin))
      ).status,
    ).toBe(400);
  });

  it('lets the requester, tenant admins and deployers cancel; others get 403; finished tasks 409', async () => {
    // A task held by another (imaginary) replica owns prod/web, so the two below wait in the queue.
    const now = new Date();
    const holder = { id: 'held-by-another-replica' };
    await knex('tasks').insert({
      id: holder.id,
      kind: 'deploy',
      status: 'running',
      project: 'shop',
      environment: 'prod',
      apps: JSON.stringify(['web']),
      input: JSON.stringify({ lockKeys: ['shop/prod/web'] }),
      steps: '[]',
      requested_by: people.bob,
      cancel_requested: false,
      lease_owner: 'another-replica',
      lease_expires_at: new Date(now.getTime() + 600_000),
      attempts: 1,
      created_at: now,
      updated_at: now,
    });
    await knex('task_locks').insert({
      lock_key: 'shop/prod/web',
      task_id: holder.id,
    });
    const mine = await store.create(deployTask('web', people.alice, 'prod'));
    const bobs = await store.create(deployTask('web', people.bob, 'prod'));

    // alice may not deploy to the protected prod environment and did not ask for bob's task
    const refused = await request(server)
      .post(`/api/app-center/tasks/${bobs.id}/cancel`)
      .set(as(people.alice));
    expect(refused.status).toBe(403);
    const own = await request(server)
      .post(`/api/app-center/tasks/${mine.id}/cancel`)
      .set(as(people.alice));
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('cancelled');
    const byAdmin = await request(server)
      .post(`/api/app-center/tasks/${bobs.id}/cancel`)
      .set(as(people.bob));
    expect(byAdmin.body.status).toBe('cancelled');
    const again = await request(server)
      .post(`/api/app-center/tasks/${mine.id}/cancel`)
      .set(as(people.bob));
    expect(again.status).toBe(409);
    // the running one is asked to stop; the other replica sees it at its next heartbeat
    const running = await request(server)
      .post(`/api/app-center/tasks/${holder.id}/cancel`)
      .set(as(people.bob));
    expect(running.body).toMatchObject({
      status: 'running',
      cancelRequested: true,
    });
  });
});
