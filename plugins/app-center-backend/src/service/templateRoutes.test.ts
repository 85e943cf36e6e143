import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  randomGitSecret,
  startGitHttpServer,
} from '@internal/argocd-sandbox/src/git';
import request from 'supertest';
import { createGitTestEnv, GitTestEnv } from '../git/__testUtils__/gitTestEnv';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import {
  defaultPolicy,
  people,
  PolicyStub,
  startAppCenterBackend,
} from '../__testUtils__/testBackend';

// Real git processes over HTTP and a backend per database on a shared machine.
jest.setTimeout(120_000);

const { databases, ids } = appCenterTestDatabases();
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const base = '/api/app-center/projects/shop/templates';

const users = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'bob', namespace: 'default' },
    spec: {
      profile: { displayName: 'Bob Builder', email: 'bob@example.com' },
      memberOf: ['shop-leads'],
    },
  },
];

const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  key: value\n`;

describe.each(ids)(
  'template routes on %s against a real git server',
  databaseId => {
    let git: GitTestEnv;
    let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
    let events: Awaited<ReturnType<typeof startAppCenterBackend>>['events'];
    let stop: () => Promise<void>;
    let bare: string;
    let repoUrl: string;
    let wrongPassword: string;
    let otherServer: Awaited<ReturnType<typeof startGitHttpServer>>;
    const policy: { current: PolicyStub } = { current: defaultPolicy };

    beforeAll(async () => {
      git = await createGitTestEnv();
      repoUrl = await git.server.createBareRepo('gitops.git', {
        initialFiles: { 'README.md': 'GitOps\n' },
      });
      bare = path.join(git.server.root, 'gitops.git');
      // A second git host whose credentials in config are wrong.
      otherServer = await startGitHttpServer({
        root: path.join(git.tmp, 'other'),
        auth: { username: 'bot', password: randomGitSecret() },
      });
      const otherUrl = await otherServer.createBareRepo('gitops.git', {
        initialFiles: { 'README.md': 'x\n' },
      });
      wrongPassword = `wrong-${randomGitSecret()}`;
      const project = (
        name: string,
        url: string,
        environments: object[] = [],
      ) => ({
        name,
        repo: { url, branch: 'main', dir: 'apps' },
        argocd: { instance: 'main' },
        environments,
      });
      const config: JsonObject = {
        appCenter: {
          argocd: {
            instances: [
              { name: 'main', url: 'http://argocd.invalid', token: 'unused' },
            ],
          },
          git: {
            workingDirectory: path.join(git.tmp, 'backend-work'),
            committer: { name: 'App Center Bot', email: 'bot@example.com' },
            credentials: [
              {
                host: new URL(repoUrl).host,
                username: git.username,
                password: git.password,
              },
              {
                host: new URL(otherUrl).host,
                username: 'bot',
                password: wrongPassword,
              },
            ],
          },
          tenants: [
            {
              name: 'shop-team',
              groups: ['group:default/shop-devs'],
              adminGroups: ['group:default/shop-leads'],
              projects: [
                project('shop', repoUrl, [
                  {
                    name: 'dev',
                    kind: 'dev',
                    destination: { name: 'in-cluster', namespace: 'shop-dev' },
                  },
                  {
                    name: 'prod',
                    kind: 'prod',
                    destination: { name: 'in-cluster', namespace: 'shop-prod' },
                  },
                  {
                    name: 'qa',
                    kind: 'test',
                    destination: { name: 'in-cluster', namespace: 'shop-qa' },
                  },
                ]),
                project('locked', otherUrl),
                project('offline', 'http://127.0.0.1:9/gitops.git'),
              ],
            },
            {
              name: 'data-team',
              groups: ['group:default/data-devs'],
              adminGroups: [],
            },
          ],
        },
      };
      const knex = await databases.init(databaseId);
      const started = await startAppCenterBackend({
        knex,
        config,
        policy,
        entities: users,
      });
      server = started.server;
      events = started.events;
      stop = () => started.backend.stop();
    });
    afterAll(async () => {
      await stop?.();
      await otherServer?.close();
      await git?.cleanup();
    });
    afterEach(() => {
      policy.current = defaultPolicy;
    });

    const api = () => request(server);
    const head = async () =>
      (await git.git(['--git-dir', bare, 'rev-parse', 'main'])).trim();
    const show = (p: string) =>
      git.git(['--git-dir', bare, 'show', `main:${p}`]);
    const lastCommit = async () =>
      (
        await git.git([
          '--git-dir',
          bare,
          'log',
          '-1',
          '--format=%an <%ae>|%cn <%ce>|%s',
          'main',
        ])
      ).trim();
    /** A store on its own cache, for what the routes of this issue do not do (associating environments). */
    const envApps = () =>
      new EnvironmentAppStore({ cache: git.cache({ freshnessMs: 0 }) });
    const repo = () => ({
      project: 'shop',
      url: repoUrl,
      branch: 'main',
      dir: 'apps',
    });
    /** The backend's reads trust their last look at the branch head for a second: let it pass after writes made elsewhere. */
    const afterExternalWrites = () =>
      new Promise(resolve => setTimeout(resolve, 1100));

    it('lists nothing at first, then creates templates from a starter and from files, authored by the user', async () => {
      const empty = await api().get(base).set(as(people.alice));
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        revision: await head(),
        items: [],
        // A member reads; editing is the tenant admins', and the UI shows why.
        capabilities: expect.objectContaining({
          read: { allowed: true },
          editTemplates: {
            allowed: false,
            reason:
              'only admins of tenant "shop-team" may edit the templates of project "shop" (admin groups: group:default/shop-leads)',
          },
        }),
      });

      const created = await api()
        .post(base)
        .set(as(people.bob))
        .send({
          name: 'web',
          description: 'Web shop',
          starter: {
            image: 'registry.example.com:5000/shop/web:1.0',
            port: 8080,
            replicas: 2,
          },
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'web',
        description: 'Web shop',
        files: ['deployment.yaml', 'service.yaml'],
        kinds: ['Deployment', 'Service'],
        images: ['registry.example.com:5000/shop/web:1.0'],
        invalidFiles: [],
        revision: await head(),
      });
      expect(created.body.treeOid).toBeUndefined();
      expect(await lastCommit()).toBe(
        'Bob Builder <bob@example.com>|App Center Bot <bot@example.com>|app-center: create-template shop/templates/web: new app from registry.example.com:5000/shop/web:1.0',
      );
      expect(await show('apps/shop/templates/web/deployment.yaml')).toContain(
        'replicas: 2',
      );

      const fromFiles = await api()
        .post(base)
        .set(as(people.admin))
        .send({
          name: 'worker',
          files: [{ path: 'config/cm.yaml', content: configMap('worker') }],
          message: 'worker config',
        });
      expect(fromFiles.status).toBe(201);
      expect(fromFiles.body).toMatchObject({
        name: 'worker',
        files: ['config/cm.yaml'],
        kinds: ['ConfigMap'],
        images: [],
      });
      // The portal admin has no catalog entity: the ref's name and a no-reply address.
      expect(await lastCommit()).toBe(
        'admin <admin@users.noreply.invalid>|App Center Bot <bot@example.com>|app-center: create-template shop/templates/worker: worker config',
      );

      const list = await api().get(base).set(as(people.alice));
      expect(list.status).toBe(200);
      expect(
        list.body.items.map((i: any) => [i.name, i.kinds, i.images]),
      ).toEqual([
        [
          'web',
          ['Deployment', 'Service'],
          ['registry.example.com:5000/shop/web:1.0'],
        ],
        ['worker', ['ConfigMap'], []],
      ]);
      expect(
        events
          .filter(e => e.eventId === 'template-create')
          .map(e => [(e.meta as any).app, e.outcome]),
      ).toEqual([
        ['web', 'success'],
        ['worker', 'success'],
      ]);

      // The clone lives under appCenter.git.workingDirectory.
      expect(
        (await fs.readdir(path.join(git.tmp, 'backend-work'))).length,
      ).toBe(1);

      const dup = await api()
        .post(base)
        .set(as(people.bob))
        .send({ name: 'web', starter: { image: 'web:2' } });
      expect(dup.status).toBe(409);
      expect(dup.body.error.message).toMatch(/already exists/);
    });

    it('refuses bad creations with 400 and writes nothing', async () => {
      const before = await head();
      const bad: Array<[object, RegExp]> = [
        [{ name: 'Bad_Name', starter: { image: 'x:1' } }, /DNS label/],
        [
          {
            name: 'both',
            starter: { image: 'x:1' },
            files: [{ path: 'a.yaml', content: configMap('a') }],
          },
          /either files or a starter/,
        ],
        [{ name: 'neither' }, /either files or a starter/],
        [{ name: 'port', starter: { image: 'x:1', port: 70000 } }, /port/],
        [
          { name: 'regport', starter: { image: 'registry:99999/x:1' } },
          /registry "registry:99999" has port 99999; a port is 1 to 65535/,
        ],
        [
          { name: 'typo', starter: { image: 'x:1' }, colour: 'red' },
          /colour|additional/i,
        ],
        [
          {
            name: 'escape',
            files: [{ path: '../escape.yaml', content: configMap('a') }],
          },
          /must not contain "\.\."/,
        ],
        [
          { name: 'script', files: [{ path: 'run.sh', content: 'echo' }] },
          /\.yaml or \.yml/,
        ],
      ];
      for (const [body, message] of bad) {
        const res = await api().post(base).set(as(people.bob)).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.error.message).toMatch(message);
      }
      expect(await head()).toBe(before);
    });

    it('keeps members to reading: 403 for every write, nothing written; other tenants and strangers get 403', async () => {
      const before = await head();
      const files = await api().get(`${base}/web/files`).set(as(people.alice));
      expect(files.status).toBe(200);
      const writes = [
        api()
          .post(base)
          .set(as(people.alice))
          .send({ name: 'sneaky', starter: { image: 'x:1' } }),
        api()
          .put(`${base}/web/files`)
          .set(as(people.alice))
          .send({ files: [{ path: 'x.yaml', content: configMap('x') }] }),
        api().delete(`${base}/web`).set(as(people.alice)),
        api()
          .post(`${base}/web/drift/dev/apply`)
          .set(as(people.alice))
          .send({}),
      ];
      for (const res of await Promise.all(writes)) {
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(
          /only admins of tenant "shop-team"/,
        );
      }
      for (const user of [people.carol, people.mallory]) {
        expect((await api().get(base).set(as(user))).status).toBe(403);
        expect(
          (await api().get(`${base}/web/files`).set(as(user))).status,
        ).toBe(403);
      }
      // The portal's policy narrows tenant admins too.
      policy.current = (p, _u, ref) =>
        !(p === 'app-center.project.manage' && ref === 'shop');
      const narrowed = await api()
        .put(`${base}/web/files`)
        .set(as(people.bob))
        .send({ files: [{ path: 'x.yaml', content: configMap('x') }] });
      expect(narrowed.status).toBe(403);
      expect(narrowed.body.error.message).toMatch(/permission policy/);
      policy.current = (p, _u, ref) =>
        !(p === 'app-center.project.read' && ref === 'shop');
      expect((await api().get(base).set(as(people.alice))).status).toBe(403);
      expect(await head()).toBe(before);
      expect(
        events
          .filter(e => e.eventId === 'template-files-write')
          .every(e => e.outcome === 'fail'),
      ).toBe(true);
    });

    it('answers 404 for unknown templates, projects and environments', async () => {
      expect(
        (await api().get(`${base}/nope`).set(as(people.alice))).status,
      ).toBe(404);
      expect(
        (await api().get(`${base}/nope/files`).set(as(people.alice))).status,
      ).toBe(404);
      expect(
        (await api().get(`${base}/nope/drift`).set(as(people.alice))).status,
      ).toBe(404);
      expect(
        (
          await api()
            .put(`${base}/nope/files`)
            .set(as(people.bob))
            .send({ files: [{ path: 'a.yaml', content: configMap('a') }] })
        ).status,
      ).toBe(404);
      expect(
        (await api().delete(`${base}/nope`).set(as(people.bob))).status,
      ).toBe(404);
      expect(
        (
          await api()
            .get('/api/app-center/projects/ghost/templates')
            .set(as(people.admin))
        ).status,
      ).toBe(404);
      expect(
        (
          await api()
            .post(`${base}/web/drift/nowhere/apply`)
            .set(as(people.bob))
            .send({})
        ).status,
      ).toBe(404);
      const bad = await api()
        .get(`${base}/Not_A_Label/files`)
        .set(as(people.alice));
      expect(bad.status).toBe(400);
    });

    it('reads and writes files with baseRevision: 409 names both revisions and the file, the edit can be re-applied', async () => {
      const first = await api().get(`${base}/web/files`).set(as(people.alice));
      expect(first.status).toBe(200);
      expect(first.body.revision).toBe(await head());
      expect(first.body.files.map((f: any) => f.path)).toEqual([
        'deployment.yaml',
        'service.yaml',
      ]);
      const service = first.body.files[1].content as string;

      const saved = await api()
        .put(`${base}/web/files`)
        .set(as(people.bob))
        .send({
          files: [
            {
              path: 'service.yaml',
              content: service.replace('port: 80', 'port: 81'),
            },
          ],
          baseRevision: first.body.revision,
          message: 'use port 81',
        });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        committed: true,
        parent: first.body.revision,
        files: ['service.yaml'],
      });
      expect(saved.body.revision).toBe(await head());
      expect(await lastCommit()).toMatch(
        /^Bob Builder <bob@example.com>\|.*\|app-center: edit shop\/templates\/web: use port 81$/,
      );

      // Someone else edited the same file from the same revision: 409 with both revisions.
      const stale = await api()
        .put(`${base}/web/files`)
        .set(as(people.admin))
        .send({
          files: [
            {
              path: 'service.yaml',
              content: service.replace('port: 80', 'port: 82'),
            },
          ],
          baseRevision: first.body.revision,
        });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({
        name: 'ConflictError',
        baseRevision: first.body.revision,
        headRevision: saved.body.revision,
        files: ['service.yaml'],
      });
      expect(stale.body.error.message).toContain(first.body.revision);
      expect(stale.body.error.message).toContain(saved.body.revision);
      expect(await show('apps/shop/templates/web/service.yaml')).toContain(
        'port: 81',
      );

      // Another file from the same old revision is not a conflict.
      const other = await api()
        .put(`${base}/web/files`)
        .set(as(people.admin))
        .send({
          files: [{ path: 'extra.yaml', content: configMap('extra') }],
          baseRevision: first.body.revision,
        });
      expect(other.status).toBe(200);

      // Reload and re-apply: lands on the new head.
      const reloaded = await api()
        .get(`${base}/web/files`)
        .set(as(people.admin));
      const again = await api()
        .put(`${base}/web/files`)
        .set(as(people.admin))
        .send({
          files: [
            {
              path: 'service.yaml',
              content: service.replace('port: 80', 'port: 82'),
            },
          ],
          deleted: ['extra.yaml'],
          baseRevision: reloaded.body.revision,
        });
      expect(again.status).toBe(200);
      expect(again.body.files.sort()).toEqual(['extra.yaml', 'service.yaml']);
      expect(await show('apps/shop/templates/web/service.yaml')).toContain(
        'port: 82',
      );

      // Writing the same content again commits nothing.
      const same = await api()
        .put(`${base}/web/files`)
        .set(as(people.admin))
        .send({
          files: [
            {
              path: 'service.yaml',
              content: service.replace('port: 80', 'port: 82'),
            },
          ],
        });
      expect(same.status).toBe(200);
      expect(same.body.committed).toBe(false);
    });

    it('answers invalid manifests with 400 and their issues at line and column, and bad paths with 400; nothing written', async () => {
      const before = await head();
      const invalid = await api()
        .put(`${base}/web/files`)
        .set(as(people.bob))
        .send({
          files: [
            {
              path: 'broken.yaml',
              content:
                'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n',
            },
            {
              path: 'bad.yaml',
              content:
                'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\ndata: [unclosed\n',
            },
          ],
        });
      expect(invalid.status).toBe(400);
      expect(invalid.body.response).toEqual({ statusCode: 400 });
      expect(invalid.body.error.message).toMatch(/^invalid manifests: /);
      const issues = invalid.body.error.issues as Array<{
        path: string;
        line: number;
        column: number;
        message: string;
      }>;
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'broken.yaml', line: 5, column: 3 }),
        ]),
      );
      expect(issues.find(i => i.path === 'bad.yaml')).toMatchObject({
        line: expect.any(Number),
        column: expect.any(Number),
      });
      expect(issues.every(i => i.line >= 1 && i.column >= 1 && i.message)).toBe(
        true,
      );

      const namespaced = await api()
        .put(`${base}/web/files`)
        .set(as(people.bob))
        .send({
          files: [
            {
              path: 'ns.yaml',
              content:
                'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop-dev\n',
            },
          ],
        });
      expect(namespaced.status).toBe(400);
      expect(namespaced.body.error.issues[0]).toMatchObject({
        path: 'ns.yaml',
        line: 5,
      });

      // Language tags would build objects in a YAML loader that honours them: refused at their line.
      const tagged = await api()
        .put(`${base}/web/files`)
        .set(as(people.bob))
        .send({
          files: [
            {
              path: 'tags.yaml',
              content:
                'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n  a: !!js/function "function () {}"\n  b: !!python/object:os.system x\n',
            },
          ],
        });
      expect(tagged.status).toBe(400);
      expect(tagged.body.error.issues).toEqual([
        expect.objectContaining({
          path: 'tags.yaml',
          line: 6,
          message: expect.stringMatching(
            /YAML tag !!js\/function is not allowed/,
          ),
        }),
        expect.objectContaining({
          path: 'tags.yaml',
          line: 7,
          message: expect.stringMatching(
            /YAML tag !!python\/object:os.system is not allowed/,
          ),
        }),
      ]);

      for (const bad of [
        { files: [{ path: '../../../escape.yaml', content: configMap('a') }] },
        { files: [{ path: '/etc/passwd.yaml', content: configMap('a') }] },
        { files: [{ path: 'a\\b.yaml', content: configMap('a') }] },
        { files: [{ path: '.app-center.yaml', content: configMap('a') }] },
        { files: [{ path: 'x.json', content: '{}' }] },
        { deleted: ['../../other/deployment.yaml'] },
        { deleted: ['missing.yaml'] },
        { deleted: ['deployment.yaml', 'service.yaml'] },
        {},
        { files: [{ path: 'a.yaml' }] },
        {
          baseRevision: 'not-a-sha',
          files: [{ path: 'a.yaml', content: configMap('a') }],
        },
      ]) {
        const res = await api()
          .put(`${base}/web/files`)
          .set(as(people.bob))
          .send(bad);
        expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      }
      expect(await head()).toBe(before);
    });

    it('shows drift per environment as unified diffs and applies it cleanly', async () => {
      const store = envApps();
      const author = { name: 'Jane', email: 'jane@example.com' };
      await store.associate(
        repo(),
        { name: 'dev', namespace: 'shop-dev' },
        'web',
        { author },
      );
      await store.associate(
        repo(),
        { name: 'prod', namespace: 'shop-prod' },
        'web',
        { author },
      );
      await store.setReplicas(
        repo(),
        { name: 'prod', namespace: 'shop-prod' },
        'web',
        3,
        { author },
      );
      await afterExternalWrites();

      const none = await api().get(`${base}/web/drift`).set(as(people.alice));
      expect(none.status).toBe(200);
      expect(
        none.body.environments.map((e: any) => [e.environment, e.drifted]),
      ).toEqual([
        ['dev', false],
        ['prod', false],
      ]);
      expect(none.body.notAssociated).toEqual(['qa']);

      const files = await api().get(`${base}/web/files`).set(as(people.bob));
      const deployment = files.body.files.find(
        (f: any) => f.path === 'deployment.yaml',
      ).content as string;
      const edit = await api()
        .put(`${base}/web/files`)
        .set(as(people.bob))
        .send({
          baseRevision: files.body.revision,
          files: [
            {
              path: 'deployment.yaml',
              content: deployment.replace('memory: 256Mi', 'memory: 512Mi'),
            },
            { path: 'config.yaml', content: configMap('web-config') },
          ],
        });
      expect(edit.status).toBe(200);

      const drift = await api().get(`${base}/web/drift`).set(as(people.alice));
      expect(drift.status).toBe(200);
      expect(drift.body.revision).toBe(await head());
      const prod = drift.body.environments.find(
        (e: any) => e.environment === 'prod',
      );
      expect(prod.drifted).toBe(true);
      expect(prod.files.map((f: any) => `${f.status} ${f.path}`)).toEqual([
        'added config.yaml',
        'modified deployment.yaml',
      ]);
      expect(prod.files[1].diff).toContain('-              memory: 256Mi');
      expect(prod.files[1].diff).toContain('+              memory: 512Mi');

      const applied = await api()
        .post(`${base}/web/drift/prod/apply`)
        .set(as(people.bob))
        .send({ message: 'take the new memory limit' });
      expect(applied.status).toBe(200);
      expect(applied.body.merged.sort()).toEqual([
        'config.yaml',
        'deployment.yaml',
      ]);
      expect(applied.body.committed).toBe(true);
      expect(applied.body.files).not.toContain('.app-center.yaml');
      const merged = await show('apps/shop/envs/prod/web/deployment.yaml');
      expect(merged).toContain('replicas: 3');
      expect(merged).toContain('memory: 512Mi');
      expect(await lastCommit()).toMatch(
        /^Bob Builder <bob@example.com>\|.*\|app-center: apply-template shop\/prod\/web: /,
      );

      const after = await api().get(`${base}/web/drift`).set(as(people.alice));
      expect(
        after.body.environments.map((e: any) => [e.environment, e.drifted]),
      ).toEqual([
        ['dev', true],
        ['prod', false],
      ]);
      expect(
        events
          .filter(e => e.eventId === 'template-drift-apply')
          .map(e => e.outcome),
      ).toContain('success');
    });

    it('refuses drift that conflicts with 409 naming the files, and writes nothing', async () => {
      const store = envApps();
      const author = { name: 'Jane', email: 'jane@example.com' };
      await store.setReplicas(
        repo(),
        { name: 'dev', namespace: 'shop-dev' },
        'web',
        5,
        { author },
      );
      await afterExternalWrites();
      const files = await api().get(`${base}/web/files`).set(as(people.bob));
      const deployment = files.body.files.find(
        (f: any) => f.path === 'deployment.yaml',
      ).content as string;
      expect(
        (
          await api()
            .put(`${base}/web/files`)
            .set(as(people.bob))
            .send({
              files: [
                {
                  path: 'deployment.yaml',
                  content: deployment.replace('replicas: 2', 'replicas: 4'),
                },
              ],
            })
        ).status,
      ).toBe(200);
      const before = await head();
      const res = await api()
        .post(`${base}/web/drift/dev/apply`)
        .set(as(people.bob))
        .send({});
      expect(res.status).toBe(409);
      expect(res.body.error.files).toEqual(['deployment.yaml']);
      expect(res.body.error.message).toMatch(
        /deployment\.yaml.*nothing was written/,
      );
      expect(res.body.error.conflicts).toEqual([
        {
          file: 'deployment.yaml',
          document: 'Deployment/web',
          path: 'spec.replicas',
          base: '2',
          template: '4',
          environment: '5',
        },
      ]);
      expect(await head()).toBe(before);
      // A choice that names no conflict is refused before anything is read.
      expect(
        (
          await api()
            .post(`${base}/web/drift/dev/apply`)
            .set(as(people.bob))
            .send({ resolutions: [{ file: 'deployment.yaml', take: 'mine' }] })
        ).status,
      ).toBe(400);
      // Keeping the environment's value resolves it: the rest merges and the drift is gone.
      const conflict = res.body.error.conflicts[0];
      const kept = await api()
        .post(`${base}/web/drift/dev/apply`)
        .set(as(people.bob))
        .send({
          resolutions: [
            {
              file: conflict.file,
              document: conflict.document,
              path: conflict.path,
              take: 'environment',
            },
          ],
        });
      expect(kept.status).toBe(200);
      expect(await head()).not.toBe(before);
      // An environment without a copy has nothing to apply.
      expect(
        (
          await api()
            .post(`${base}/web/drift/qa/apply`)
            .set(as(people.bob))
            .send({})
        ).status,
      ).toBe(404);
    });

    it('answers 502 when the git host refuses the credentials or is unreachable, without secrets', async () => {
      const locked = await api()
        .get('/api/app-center/projects/locked/templates')
        .set(as(people.alice));
      expect(locked.status).toBe(502);
      expect(locked.body.error.message).toMatch(
        /rejected the credentials.*HTTP 401/,
      );
      expect(JSON.stringify(locked.body)).not.toContain(wrongPassword);
      expect(JSON.stringify(locked.body)).not.toContain(
        Buffer.from(`bot:${wrongPassword}`).toString('base64'),
      );

      const offline = await api()
        .post('/api/app-center/projects/offline/templates')
        .set(as(people.bob))
        .send({ name: 'web', starter: { image: 'web:1' } });
      expect(offline.status).toBe(502);
      expect(offline.body.error.message).toMatch(/unreachable/);
      expect(JSON.stringify(offline.body)).not.toContain(git.password);
    });

    it('deletes a template for admins only; environment copies stay', async () => {
      const stale = await api()
        .delete(`${base}/worker?baseRevision=${'0'.repeat(40)}`)
        .set(as(people.bob));
      expect(stale.status).toBe(404);
      const del = await api().delete(`${base}/worker`).set(as(people.bob));
      expect(del.status).toBe(204);
      expect(
        (await api().get(`${base}/worker`).set(as(people.alice))).status,
      ).toBe(404);
      expect(
        await git.git([
          '--git-dir',
          bare,
          'ls-tree',
          '-r',
          '--name-only',
          'main',
          'apps/shop/templates/worker',
        ]),
      ).toBe('');
      const names = (
        await api().get(base).set(as(people.alice))
      ).body.items.map((i: any) => i.name);
      expect(names).toEqual(['web']);
      expect(await show('apps/shop/envs/dev/web/deployment.yaml')).toContain(
        'kind: Deployment',
      );
    });
  },
);
