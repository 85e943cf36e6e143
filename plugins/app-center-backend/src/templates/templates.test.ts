import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { diffLines } from 'diff';
import { GitTestEnv } from '../git/__testUtils__/gitTestEnv';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import type { ProjectRepository } from '../git';
import { TemplateStore } from './TemplateStore';
import { TemplateSummaryCache } from './TemplateSummaryCache';
import { ManifestValidationError } from '../git/yaml/ManifestValidationError';
import {
  author,
  dev,
  prod,
  templatesOverGit,
} from './__testUtils__/templatesOverGit';

// Real git processes over HTTP on a shared machine: allow more than jest's default 5 s.
jest.setTimeout(60_000);

describe('templates and environment apps over a real git server', () => {
  const fixture = templatesOverGit();
  let env: GitTestEnv;
  let repo: ProjectRepository;
  let templates: TemplateStore;
  let apps: EnvironmentAppStore;
  let summaries: TemplateSummaryCache;
  let bare: string;
  beforeEach(() => {
    ({ env, repo, templates, apps, summaries, bare } = fixture);
  });
  const show = (p: string) => fixture.show(p);
  const tree = (dir: string) => fixture.tree(dir);

  it('creates a template from a starter and lists it with a cached summary', async () => {
    await templates.create(
      repo,
      {
        name: 'web',
        description: 'Web shop',
        starter: { image: 'reg:5000/shop/web:1.0', port: 8080, replicas: 2 },
      },
      { author, taskId: 't1' },
    );
    expect(await tree('apps/shop/templates/web')).toEqual([
      'apps/shop/templates/web/.app-center.yaml',
      'apps/shop/templates/web/deployment.yaml',
      'apps/shop/templates/web/service.yaml',
    ]);
    const deployment = await show('apps/shop/templates/web/deployment.yaml');
    expect(deployment).toContain('app.kubernetes.io/name: web');
    expect(deployment).toContain('readinessProbe:');
    expect(deployment).toContain('replicas: 2');
    expect(deployment).not.toContain('namespace:');
    expect(
      await env.git(['--git-dir', bare, 'log', '-1', '--format=%s', 'main']),
    ).toBe(
      'app-center: create-template shop/templates/web: new app from reg:5000/shop/web:1.0\n',
    );
    await templates.create(
      repo,
      {
        name: 'worker',
        files: [
          {
            path: 'job.yaml',
            content:
              'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: worker\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: w\n              image: busybox:1\n',
          },
        ],
      },
      { author },
    );
    const list = await templates.list(repo);
    expect(
      list.items.map(i => [i.name, i.description, i.kinds, i.images]),
    ).toEqual([
      ['web', 'Web shop', ['Deployment', 'Service'], ['reg:5000/shop/web:1.0']],
      ['worker', undefined, ['CronJob'], ['busybox:1']],
    ]);
    const misses = summaries.misses;
    // Changing one template re-parses that one only.
    const { revision } = await templates.readFiles(repo, 'worker');
    await templates.writeFiles(
      repo,
      'worker',
      {
        files: [
          {
            path: 'cm.yaml',
            content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
          },
        ],
        baseRevision: revision,
      },
      { author },
    );
    const again = await templates.list(repo);
    expect(summaries.misses).toBe(misses + 1);
    expect(again.items[1].kinds).toEqual(['ConfigMap', 'CronJob']);
    await expect(
      templates.create(
        repo,
        { name: 'web', starter: { image: 'x:1' } },
        { author },
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(templates.get(repo, 'nope')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('writes template files with baseRevision: a stale edit of the same file is a 409, bad input changes nothing', async () => {
    await templates.create(
      repo,
      { name: 'web', starter: { image: 'web:1' } },
      { author },
    );
    const first = await templates.readFiles(repo, 'web');
    expect(first.files.map(f => f.path)).toEqual([
      'deployment.yaml',
      'service.yaml',
    ]);
    const edited = first.files[1].content.replace('port: 80', 'port: 81');
    await templates.writeFiles(
      repo,
      'web',
      {
        files: [{ path: 'service.yaml', content: edited }],
        baseRevision: first.revision,
      },
      { author, message: 'use port 81' },
    );
    expect(
      await env.git(['--git-dir', bare, 'log', '-1', '--format=%s', 'main']),
    ).toBe('app-center: edit shop/templates/web: use port 81\n');
    const stale = await templates
      .writeFiles(
        repo,
        'web',
        {
          files: [{ path: 'service.yaml', content: first.files[1].content }],
          baseRevision: first.revision,
        },
        { author },
      )
      .catch(e => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toContain(first.revision);
    const head = (
      await env.git(['--git-dir', bare, 'rev-parse', 'main'])
    ).trim();
    for (const bad of [
      { files: [{ path: '../escape.yaml', content: 'a: 1' }] },
      { files: [{ path: '/abs.yaml', content: 'a: 1' }] },
      { files: [{ path: 'a\\b.yaml', content: 'a: 1' }] },
      { files: [{ path: 'x\0.yaml', content: 'a: 1' }] },
      { files: [{ path: 'script.sh', content: 'a: 1' }] },
      { files: [{ path: '.app-center.yaml', content: 'a: 1' }] },
      {
        files: [
          {
            path: 'bad.yaml',
            content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n',
          },
        ],
      },
      { deleted: ['missing.yaml'] },
    ]) {
      await expect(
        templates.writeFiles(repo, 'web', bad, { author }),
      ).rejects.toBeInstanceOf(InputError);
    }
    const invalid = await templates
      .writeFiles(
        repo,
        'web',
        {
          files: [
            {
              path: 'svc.yaml',
              content:
                'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  name: y\n',
            },
          ],
        },
        { author },
      )
      .catch(e => e);
    expect(invalid).toBeInstanceOf(ManifestValidationError);
    expect(invalid.issues[0]).toMatchObject({
      path: 'svc.yaml',
      line: 5,
      column: 3,
    });
    expect(
      (await env.git(['--git-dir', bare, 'rev-parse', 'main'])).trim(),
    ).toBe(head);
  });

  it('associates a template with provenance, refuses a second copy, overwrites without stale files and never touches a sibling app (KubeGems 6)', async () => {
    await templates.create(
      repo,
      { name: 'web', starter: { image: 'web:1' } },
      { author },
    );
    await templates.create(
      repo,
      { name: 'web-admin', starter: { image: 'web-admin:1' } },
      { author },
    );
    await apps.associate(repo, dev, 'web-admin', { author });
    const a = await apps.associate(repo, dev, 'web', {
      author,
      taskId: 'task-7',
    });
    expect(a.provenance.templateCommit).toBe(a.parent);
    expect(await show('apps/shop/envs/dev/web/.app-center.yaml')).toContain(
      `templateCommit: ${a.parent}`,
    );
    expect(
      await env.git(['--git-dir', bare, 'log', '-1', '--format=%B', 'main']),
    ).toBe(
      'app-center: associate shop/dev/web: copy template web\n\nApp-Center-Task: task-7\n\n',
    );
    await expect(apps.associate(repo, dev, 'web', { author })).rejects.toThrow(
      /already associated.*overwrite/,
    );
    // An env-only file in web, then the template loses service.yaml; overwrite leaves neither behind.
    const files = await apps.readFiles(repo, dev, 'web');
    await apps.writeFiles(
      repo,
      dev,
      'web',
      {
        files: [
          {
            path: 'extra.yaml',
            content:
              'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: shop-dev\n',
          },
        ],
        baseRevision: files.revision,
      },
      { author },
    );
    await templates.writeFiles(
      repo,
      'web',
      { deleted: ['service.yaml'] },
      { author },
    );
    const adminBefore = await tree('apps/shop/envs/dev/web-admin');
    await apps.associate(repo, dev, 'web', { author, overwrite: true });
    expect(await tree('apps/shop/envs/dev/web')).toEqual([
      'apps/shop/envs/dev/web/.app-center.yaml',
      'apps/shop/envs/dev/web/deployment.yaml',
    ]);
    expect(await tree('apps/shop/envs/dev/web-admin')).toEqual(adminBefore);
    expect(adminBefore).toContain('apps/shop/envs/dev/web-admin/service.yaml');
    // The environment's namespace is enforced on environment files.
    await expect(
      apps.writeFiles(
        repo,
        dev,
        'web',
        {
          files: [
            {
              path: 'x.yaml',
              content:
                'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: shop-prod\n',
            },
          ],
        },
        { author },
      ),
    ).rejects.toThrow(/not this environment's namespace "shop-dev"/);
    // Disassociating web leaves web-admin alone.
    await apps.disassociate(repo, dev, 'web', { author });
    expect(await tree('apps/shop/envs/dev/web')).toEqual([]);
    expect(await tree('apps/shop/envs/dev/web-admin')).toEqual(adminBefore);
  });

  it('keeps names apart: environments called base or templates and dashed names never collide (KubeGems 10)', async () => {
    await templates.create(
      repo,
      { name: 'a-b', starter: { image: 'ab:1' } },
      { author },
    );
    await templates.create(
      repo,
      { name: 'b', starter: { image: 'b:1' } },
      { author },
    );
    await apps.associate(
      repo,
      { name: 'base', namespace: 'shop-base' },
      'a-b',
      { author },
    );
    await apps.associate(
      repo,
      { name: 'templates', namespace: 'shop-t' },
      'a-b',
      { author },
    );
    await apps.associate(repo, { name: 'x-a', namespace: 'shop-xa' }, 'b', {
      author,
    });
    await apps.associate(repo, { name: 'x', namespace: 'shop-x' }, 'a-b', {
      author,
    });
    expect(await tree('apps/shop/envs/x-a/b')).toContain(
      'apps/shop/envs/x-a/b/deployment.yaml',
    );
    expect(await tree('apps/shop/envs/x/a-b')).toContain(
      'apps/shop/envs/x/a-b/deployment.yaml',
    );
    expect(await tree('apps/shop/templates')).toEqual([
      'apps/shop/templates/a-b/deployment.yaml',
      'apps/shop/templates/a-b/service.yaml',
      'apps/shop/templates/b/deployment.yaml',
      'apps/shop/templates/b/service.yaml',
    ]);
    expect(await tree('apps/shop/envs/base/a-b')).toContain(
      'apps/shop/envs/base/a-b/.app-center.yaml',
    );
    expect(await tree('apps/shop/envs/templates/a-b')).toContain(
      'apps/shop/envs/templates/a-b/.app-center.yaml',
    );
    await expect(
      apps.associate(repo, { name: 'Bad_Env', namespace: 'n' }, 'b', {
        author,
      }),
    ).rejects.toThrow(/DNS label/);
    await expect(templates.readFiles(repo, '..')).rejects.toThrow(/DNS label/);
  });

  it('sets an image tag in an environment as a one-line commit diff, exact match only', async () => {
    await templates.create(
      repo,
      {
        name: 'web',
        files: [
          {
            path: 'deploy.yaml',
            content: [
              'apiVersion: apps/v1',
              'kind: Deployment',
              'metadata:',
              '  name: web',
              'spec:',
              '  replicas: 1',
              '  template:',
              '    spec:',
              '      initContainers:',
              '        - name: init',
              '          image: reg:5000/shop/web-migrate:1 # migrations',
              '      containers:',
              '        - name: web',
              '          image: reg:5000/shop/web:1',
              '',
            ].join('\n'),
          },
        ],
      },
      { author },
    );
    await apps.associate(repo, prod, 'web', { author });
    const before = await show('apps/shop/envs/prod/web/deploy.yaml');
    const r = await apps.setImages(
      repo,
      prod,
      'web',
      [{ image: 'reg:5000/shop/web', tag: '2' }],
      { author, taskId: 'd1' },
    );
    expect(r.changes.map(c => `${c.container}:${c.to}`)).toEqual([
      'web:reg:5000/shop/web:2',
    ]);
    const after = await show('apps/shop/envs/prod/web/deploy.yaml');
    const changed = diffLines(before, after).filter(p => p.added || p.removed);
    expect(changed.map(p => p.value)).toEqual([
      '          image: reg:5000/shop/web:1\n',
      '          image: reg:5000/shop/web:2\n',
    ]);
    expect(
      await env.git(['--git-dir', bare, 'log', '-1', '--format=%s', 'main']),
    ).toBe('app-center: deploy shop/prod/web: reg:5000/shop/web:2\n');
    await expect(
      apps.setImages(
        repo,
        prod,
        'web',
        [{ image: 'reg:5000/shop/other', tag: '2' }],
        { author },
      ),
    ).rejects.toThrow(/no container of web in prod uses reg:5000\/shop\/other/);
    await apps.setReplicas(repo, prod, 'web', 4, { author });
    expect(await show('apps/shop/envs/prod/web/deploy.yaml')).toBe(
      after.replace('replicas: 1', 'replicas: 4'),
    );
    // The template is untouched.
    expect(await show('apps/shop/templates/web/deploy.yaml')).toBe(before);
  });

  it('refuses app folders holding symlinks', async () => {
    await templates.create(
      repo,
      { name: 'web', starter: { image: 'web:1' } },
      { author },
    );
    const cli = await env.cliClone(repo.url);
    await env.git(['-C', cli, 'config', 'core.symlinks', 'true']);
    await fs.symlink(
      '/etc/passwd',
      path.join(cli, 'apps/shop/templates/web/passwd.yaml'),
    );
    await env.git(['add', '.'], cli);
    await env.git(['commit', '-q', '-m', 'link'], cli);
    await env.git(['push', '-q', 'origin', 'HEAD:main'], cli);
    await expect(templates.readFiles(repo, 'web')).rejects.toThrow(
      /passwd.yaml is a symlink/,
    );
    await expect(apps.associate(repo, dev, 'web', { author })).rejects.toThrow(
      /is a symlink/,
    );
  });
});
