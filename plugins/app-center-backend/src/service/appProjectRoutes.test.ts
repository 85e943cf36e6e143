import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people, startAppCenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

const bob = { Authorization: mockCredentials.user.header(people.bob) };
const REPO = 'https://git.example.com/org/gitops.git';
const IN_CLUSTER = 'https://kubernetes.default.svc';

// The check does not depend on the database: one is enough (the route suites run on every database).
describe.each(ids.slice(0, 1))(
  'projects and environments checked against their AppProject on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
    let argocd: NonNullable<
      Awaited<ReturnType<typeof startAppCenterBackend>>['argocd']
    >;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      const started = await startAppCenterBackend({
        knex: await databases.init(databaseId),
      });
      server = started.server;
      argocd = started.argocd!;
      stop = () => started.backend.stop();
    });
    afterAll(() => stop());
    afterEach(() => argocd.hooks.clearFaults());

    /** Creates (or replaces) an AppProject through the Argo CD API, as a platform team would. */
    async function appProject(
      name: string,
      spec: { sourceRepos?: string[]; destinations?: object[] },
    ) {
      const res = await fetch(`${argocd.url}/api/v1/projects`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${argocd.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          project: { metadata: { name }, spec },
          upsert: true,
        }),
      });
      expect(res.status).toBe(200);
    }

    const api = () => request(server);
    const projectBody = (
      name: string,
      argoProject: string,
      repo = REPO,
      instance = 'main',
    ) => ({
      name,
      tenant: 'shop-team',
      repo: { url: repo },
      argocd: { instance, project: argoProject },
    });
    const createProject = (body: object) =>
      api().post('/api/app-center/projects').set(bob).send(body);
    const projectNames = async () =>
      (await api().get('/api/app-center/projects').set(bob)).body.items.map(
        (p: { name: string }) => p.name,
      );
    const environment = (name: string, destination: object) => ({
      name,
      kind: 'dev',
      destination,
    });
    const createEnvironment = (project: string, body: object) =>
      api()
        .post(`/api/app-center/projects/${project}/environments`)
        .set(bob)
        .send(body);
    const environmentNames = async (project: string) =>
      (
        await api()
          .get(`/api/app-center/projects/${project}/environments`)
          .set(bob)
      ).body.items.map((e: { name: string }) => e.name);

    it('refuses a project whose AppProject does not exist, saying to create it', async () => {
      const res = await createProject(projectBody('ghost', 'nowhere'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'create AppProject "nowhere" on Argo CD "main"',
      );
      expect(await projectNames()).not.toContain('ghost');
    });

    it('refuses a repository the AppProject does not allow, naming what to add to sourceRepos', async () => {
      await appProject('strict', {
        sourceRepos: ['https://git.example.com/other/*'],
        destinations: [{ server: '*', namespace: '*' }],
      });
      const res = await createProject(projectBody('strict-app', 'strict'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        `add "${REPO}" to sourceRepos of AppProject "strict" on Argo CD "main"`,
      );
      expect(await projectNames()).not.toContain('strict-app');

      // Once the platform team adds it, the same request succeeds.
      await appProject('strict', {
        sourceRepos: ['https://git.example.com/other/*', REPO],
        destinations: [{ server: '*', namespace: '*' }],
      });
      expect(
        (await createProject(projectBody('strict-app', 'strict'))).status,
      ).toBe(201);
    });

    it('matches sourceRepos with Argo CD globs: * stays within a path segment, ** crosses them', async () => {
      await appProject('globs', {
        sourceRepos: ['https://git.example.com/*.git'],
        destinations: [{ server: '*', namespace: '*' }],
      });
      const nested = await createProject(projectBody('globs-nested', 'globs'));
      expect(nested.status).toBe(400);
      expect(nested.body.error.message).toContain(
        `add "${REPO}" to sourceRepos`,
      );

      await appProject('globs', {
        sourceRepos: ['https://git.example.com/**'],
        destinations: [{ server: '*', namespace: '*' }],
      });
      expect(
        (await createProject(projectBody('globs-nested', 'globs'))).status,
      ).toBe(201);
    });

    it('refuses a repository a deny entry excludes, saying which entry to remove', async () => {
      await appProject('deny-repo', {
        sourceRepos: ['*', '!https://git.example.com/org/*'],
        destinations: [{ server: '*', namespace: '*' }],
      });
      const res = await createProject(projectBody('denied-repo', 'deny-repo'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'remove "!https://git.example.com/org/*" from sourceRepos of AppProject "deny-repo"',
      );
      expect(await projectNames()).not.toContain('denied-repo');
    });

    describe('environments', () => {
      beforeAll(async () => {
        await appProject('shop-envs', {
          sourceRepos: [REPO],
          destinations: [
            { name: 'in-cluster', namespace: 'shop-*' },
            { server: '*', namespace: '!kube-*' },
          ],
        });
        const created = await createProject(projectBody('envs', 'shop-envs'));
        if (created.status !== 201)
          throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
      });

      it('accepts destinations the AppProject allows by name or server, with globs', async () => {
        // `in-cluster` and its server address are the same cluster to Argo CD.
        const byServer = await createEnvironment(
          'envs',
          environment('dev', { server: IN_CLUSTER, namespace: 'shop-dev' }),
        );
        expect(byServer.status).toBe(201);
        const byName = await createEnvironment(
          'envs',
          environment('test', { name: 'in-cluster', namespace: 'shop-test' }),
        );
        expect(byName.status).toBe(201);
      });

      it('refuses a destination no entry allows, naming what to add to destinations', async () => {
        await appProject('narrow', {
          sourceRepos: [REPO],
          destinations: [{ name: 'in-cluster', namespace: 'shop-*' }],
        });
        expect(
          (await createProject(projectBody('narrow-app', 'narrow'))).status,
        ).toBe(201);
        const res = await createEnvironment(
          'narrow-app',
          environment('ops', { name: 'in-cluster', namespace: 'ops' }),
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(
          'add {"name":"in-cluster","namespace":"ops"} to destinations of AppProject "narrow" on Argo CD "main" (for environment "ops")',
        );
        expect(await environmentNames('narrow-app')).not.toContain('ops');
      });

      it('refuses a destination a deny entry excludes, on create and on update', async () => {
        const res = await createEnvironment(
          'envs',
          environment('system', {
            server: IN_CLUSTER,
            namespace: 'kube-system',
          }),
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(
          'remove {"server":"*","namespace":"!kube-*"} from destinations of AppProject "shop-envs"',
        );
        expect(await environmentNames('envs')).not.toContain('system');

        const update = await api()
          .put('/api/app-center/projects/envs/environments/dev')
          .set(bob)
          .send({
            ...environment('dev', {
              server: IN_CLUSTER,
              namespace: 'kube-public',
            }),
            name: undefined,
          });
        expect(update.status).toBe(400);
        expect(update.body.error.message).toContain(
          'remove {"server":"*","namespace":"!kube-*"} from destinations',
        );
        const dev = await api()
          .get('/api/app-center/projects/envs/environments/dev')
          .set(bob);
        expect(dev.body.destination.namespace).toBe('shop-dev');
      });

      it("re-checks every environment's destination when the project moves to another AppProject", async () => {
        await appProject('repo-only', {
          sourceRepos: [REPO],
          destinations: [{ name: 'in-cluster', namespace: 'shop-test' }],
        });
        const res = await api()
          .put('/api/app-center/projects/envs')
          .set(bob)
          .send({ ...projectBody('envs', 'repo-only'), name: undefined });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('(for environment "dev")');
        expect(res.body.error.message).not.toContain(
          '(for environment "test")',
        );
        const stored = await api()
          .get('/api/app-center/projects/envs')
          .set(bob);
        expect(stored.body.argocd.project).toBe('shop-envs');
      });
    });

    it('answers 502 with the upstream message when Argo CD fails, storing nothing', async () => {
      argocd.hooks.fail(
        'GET /api/v1/projects/*',
        503,
        'argocd-server is restarting',
      );
      const res = await createProject(projectBody('down', 'default'));
      expect(res.status).toBe(502);
      expect(res.body.error.message).toContain('argocd-server is restarting');
      expect(await projectNames()).not.toContain('down');
    });

    it('answers 502 when Argo CD drops the connection, storing nothing', async () => {
      argocd.hooks.drop('GET /api/v1/projects/*');
      const res = await createProject(projectBody('dropped', 'default'));
      expect(res.status).toBe(502);
      expect(res.body.error.message).toContain('Argo CD "main"');
      expect(await projectNames()).not.toContain('dropped');
    });
  },
);
