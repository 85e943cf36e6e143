import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  appCenterTaskKindsExtensionPoint,
  createTaskKind,
  TaskKind,
} from '@internal/plugin-app-center-node';
import request from 'supertest';
import { z } from 'zod';
import { people, startAppCenterBackend } from '../__testUtils__/testBackend';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

/** A kind a backend module adds: it greets an app in two steps and remembers who ran each step. */
function greetKind(ran: string[]) {
  return createTaskKind({
    kind: 'greet',
    description: 'Greets an app',
    schema: z.object({
      app: z.string(),
      greeting: z.string().min(1, { error: 'say something' }),
      times: z.number().int().min(1).max(3).optional(),
    }),
    async plan({ input }) {
      if (input.app === 'nobody')
        throw new InputError('nobody cannot be greeted');
      return {
        apps: [input.app],
        steps: [
          { id: 'compose', title: 'Compose the greeting', app: input.app },
          { id: 'send', title: 'Send it', app: input.app },
        ],
      };
    },
    async run(ctx) {
      const { text } = await ctx.step('compose', async step => {
        ran.push('compose');
        await step.progress('composing');
        return {
          text: Array(ctx.input.times ?? 1)
            .fill(`${ctx.input.greeting}, ${ctx.input.app}`)
            .join('! '),
        };
      });
      await ctx.step('send', async () => {
        ran.push('send');
        return { sentBy: ctx.task.requestedBy };
      });
      return { text: String(text) };
    },
  });
}

const moduleAdding = (...kinds: TaskKind<any>[]) =>
  createBackendModule({
    pluginId: 'app-center',
    moduleId: 'test-task-kinds',
    register(env) {
      env.registerInit({
        deps: { taskKinds: appCenterTaskKindsExtensionPoint },
        async init({ taskKinds }) {
          taskKinds.addTaskKinds(...kinds);
        },
      });
    },
  });

describe.each(ids)(
  'a task kind added by a backend module, on %s',
  databaseId => {
    let server: any;
    let stop: () => Promise<void>;
    const ran: string[] = [];

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const started = await startAppCenterBackend({
        knex,
        features: [moduleAdding(greetKind(ran))],
      });
      server = started.server;
      stop = () => started.backend.stop();
    });
    afterAll(() => stop());

    const start = (user: string, body: object) =>
      request(server).post('/api/app-center/tasks').set(as(user)).send(body);
    const finished = async (id: string) => {
      for (;;) {
        const res = await request(server)
          .get(`/api/app-center/tasks/${id}`)
          .set(as(people.alice));
        if (['succeeded', 'failed', 'cancelled'].includes(res.body.status))
          return res.body;
        await new Promise(r => setTimeout(r, 25));
      }
    };
    const greeting = (input: object, environment = 'dev') => ({
      kind: 'greet',
      project: 'shop',
      environment,
      input,
    });

    it('queues it with its planned steps and runs it through the queue', async () => {
      const res = await start(
        people.alice,
        greeting({ app: 'web', greeting: 'hello', times: 2 }),
      );
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        kind: 'greet',
        project: 'shop',
        environment: 'dev',
        apps: ['web'],
        requestedBy: people.alice,
        steps: [
          { id: 'compose', title: 'Compose the greeting', status: 'pending' },
          { id: 'send', title: 'Send it', status: 'pending' },
        ],
      });
      const task = await finished(res.body.id);
      expect(task).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        result: { text: 'hello, web! hello, web' },
      });
      expect(task.steps.map((s: any) => [s.id, s.status, s.result])).toEqual([
        ['compose', 'succeeded', { text: 'hello, web! hello, web' }],
        ['send', 'succeeded', { sentBy: people.alice }],
      ]);
      expect(task.steps[0].message).toBe('composing');
      expect(ran).toEqual(['compose', 'send']);
    });

    it('refuses input its schema or its plan rejects, queueing nothing', async () => {
      const before = await request(server)
        .get('/api/app-center/tasks?project=shop')
        .set(as(people.alice));
      const empty = await start(
        people.alice,
        greeting({ app: 'web', greeting: '' }),
      );
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toBe('greeting: say something');
      const typed = await start(
        people.alice,
        greeting({ app: 'web', greeting: 'hi', times: 'twice' }),
      );
      expect(typed.status).toBe(400);
      expect(typed.body.error.message).toMatch(/^times: /);
      const planned = await start(
        people.alice,
        greeting({ app: 'nobody', greeting: 'hi' }),
      );
      expect(planned.status).toBe(400);
      expect(planned.body.error.message).toBe('nobody cannot be greeted');
      const unknown = await start(people.alice, {
        ...greeting({ app: 'web' }),
        kind: 'shout',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(
        /^unknown task kind "shout"; this backend runs .*greet/,
      );
      const after = await request(server)
        .get('/api/app-center/tasks?project=shop')
        .set(as(people.alice));
      expect(after.body.items).toEqual(before.body.items);
    });

    it('needs the right to deploy to the environment', async () => {
      const outsider = await start(
        people.mallory,
        greeting({ app: 'web', greeting: 'hi' }),
      );
      expect(outsider.status).toBe(403);
      const otherTenant = await start(
        people.carol,
        greeting({ app: 'web', greeting: 'hi' }),
      );
      expect(otherTenant.status).toBe(403);
      // prod is protected: only its deployer group (shop-leads) may start tasks there.
      const protectedEnv = await start(
        people.alice,
        greeting({ app: 'web', greeting: 'hi' }, 'prod'),
      );
      expect(protectedEnv.status).toBe(403);
      const deployer = await start(
        people.bob,
        greeting({ app: 'web', greeting: 'hi' }, 'prod'),
      );
      expect(deployer.status).toBe(202);
      expect((await finished(deployer.body.id)).status).toBe('succeeded');
    });
  },
);

describe('task kind names', () => {
  it('are taken once: a module adding a kind App Center has fails the start', async () => {
    const knex = await databases.init('SQLITE_3');
    const scale = createTaskKind({
      ...greetKind([]),
      kind: 'scale',
    });
    await expect(
      startAppCenterBackend({ knex, features: [moduleAdding(scale)] }),
    ).rejects.toThrow(/the task kind "scale" is registered twice/);
  });
});
