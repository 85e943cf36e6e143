import { ConflictError } from '@backstage/errors';
import { GitTestEnv } from '../git/__testUtils__/gitTestEnv';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import { TemplateDrift } from './TemplateDrift';
import type { ProjectRepository } from '../git';
import { TemplateStore } from './TemplateStore';
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
  let drift: TemplateDrift;
  let bare: string;
  beforeEach(() => {
    ({ env, repo, templates, apps, drift, bare } = fixture);
  });
  const show = (p: string) => fixture.show(p);

  it('shows drift per environment with unified diffs and applies it by three-way merge', async () => {
    await templates.create(
      repo,
      { name: 'web', starter: { image: 'web:1', replicas: 1 } },
      { author },
    );
    await apps.associate(repo, dev, 'web', { author });
    await apps.associate(repo, prod, 'web', { author });
    // prod changes its replicas; the template changes the memory limit and adds a ConfigMap.
    await apps.setReplicas(repo, prod, 'web', 3, { author });
    const t = await templates.readFiles(repo, 'web');
    const dep = t.files.find(f => f.path === 'deployment.yaml')!.content;
    await templates.writeFiles(
      repo,
      'web',
      {
        baseRevision: t.revision,
        files: [
          {
            path: 'deployment.yaml',
            content: dep.replace('memory: 256Mi', 'memory: 512Mi'),
          },
          {
            path: 'config.yaml',
            content:
              'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
          },
        ],
      },
      { author },
    );
    const d = await drift.drift(repo, 'web');
    expect(
      d.environments.map(e => [
        e.environment,
        e.drifted,
        e.files.map(f => `${f.status} ${f.path}`),
      ]),
    ).toEqual([
      ['dev', true, ['added config.yaml', 'modified deployment.yaml']],
      ['prod', true, ['added config.yaml', 'modified deployment.yaml']],
    ]);
    const patch = d.environments[0].files[1].diff;
    expect(patch).toContain('--- a/deployment.yaml');
    expect(patch).toContain('-              memory: 256Mi');
    expect(patch).toContain('+              memory: 512Mi');

    const applied = await drift.apply(repo, prod, 'web', { author });
    expect(applied.merged.sort()).toEqual(['config.yaml', 'deployment.yaml']);
    const merged = await show('apps/shop/envs/prod/web/deployment.yaml');
    expect(merged).toContain('replicas: 3');
    expect(merged).toContain('memory: 512Mi');
    expect(await show('apps/shop/envs/prod/web/.app-center.yaml')).toContain(
      `templateCommit: ${applied.parent}`,
    );
    const after = await drift.drift(repo, 'web');
    expect(after.environments.map(e => [e.environment, e.drifted])).toEqual([
      ['dev', true],
      ['prod', false],
    ]);
  });

  it('refuses to apply drift that conflicts, naming the files, and writes nothing', async () => {
    await templates.create(
      repo,
      { name: 'web', starter: { image: 'web:1' } },
      { author },
    );
    await apps.associate(repo, dev, 'web', { author });
    await apps.setReplicas(repo, dev, 'web', 5, { author });
    const t = await templates.readFiles(repo, 'web');
    await templates.writeFiles(
      repo,
      'web',
      {
        files: [
          {
            path: 'deployment.yaml',
            content: t.files[0].content.replace('replicas: 1', 'replicas: 2'),
          },
          {
            path: 'service.yaml',
            content: t.files[1].content.replace('port: 80', 'port: 8080'),
          },
        ],
      },
      { author },
    );
    const head = (
      await env.git(['--git-dir', bare, 'rev-parse', 'main'])
    ).trim();
    const err = await drift.apply(repo, dev, 'web', { author }).catch(e => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toContain('deployment.yaml');
    expect(err.message).not.toContain('service.yaml');
    expect(err.message).toContain('nothing was written');
    expect(
      (await env.git(['--git-dir', bare, 'rev-parse', 'main'])).trim(),
    ).toBe(head);
  });

  it('merges a template adding env next to image into an environment that changed its tag, keeping its comments', async () => {
    await templates.create(
      repo,
      { name: 'web', starter: { image: 'reg:5000/shop/web:1.0' } },
      { author },
    );
    await apps.associate(repo, dev, 'web', { author });
    const envFiles = await apps.readFiles(repo, dev, 'web');
    const envDep = envFiles.files.find(f => f.path === 'deployment.yaml')!;
    await apps.writeFiles(
      repo,
      dev,
      'web',
      {
        files: [
          {
            path: 'deployment.yaml',
            content: `# owned by the dev team\n${envDep.content}`,
          },
        ],
      },
      { author },
    );
    await apps.setImages(
      repo,
      dev,
      'web',
      [{ image: 'reg:5000/shop/web', tag: '1.1' }],
      { author },
    );
    const t = await templates.readFiles(repo, 'web');
    const dep = t.files.find(f => f.path === 'deployment.yaml')!.content;
    await templates.writeFiles(
      repo,
      'web',
      {
        files: [
          {
            path: 'deployment.yaml',
            content: dep.replace(
              '          ports:\n',
              '          env:\n            - name: MODE\n              value: prod\n          ports:\n',
            ),
          },
        ],
      },
      { author },
    );
    const applied = await drift.apply(repo, dev, 'web', { author });
    expect(applied.merged).toEqual(['deployment.yaml']);
    const merged = await show('apps/shop/envs/dev/web/deployment.yaml');
    expect(merged).toMatch(/^# owned by the dev team\n/);
    expect(merged).toContain(
      '          image: reg:5000/shop/web:1.1\n          env:\n            - name: MODE\n              value: prod\n          ports:\n',
    );
  });

  it('resolves conflicts one by one: each takes the template or keeps the environment', async () => {
    await templates.create(
      repo,
      { name: 'web', starter: { image: 'web:1' } },
      { author },
    );
    await apps.associate(repo, dev, 'web', { author });
    await apps.setReplicas(repo, dev, 'web', 5, { author });
    await apps.setImages(repo, dev, 'web', [{ image: 'web', tag: '3' }], {
      author,
    });
    const t = await templates.readFiles(repo, 'web');
    const dep = t.files.find(f => f.path === 'deployment.yaml')!.content;
    await templates.writeFiles(
      repo,
      'web',
      {
        files: [
          {
            path: 'deployment.yaml',
            content: dep
              .replace('replicas: 1', 'replicas: 2')
              .replace('image: web:1', 'image: web:2'),
          },
        ],
      },
      { author },
    );
    const err = await drift.apply(repo, dev, 'web', { author }).catch(e => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.conflicts).toEqual([
      {
        file: 'deployment.yaml',
        document: 'Deployment/web',
        path: 'spec.replicas',
        base: '1',
        template: '2',
        environment: '5',
      },
      {
        file: 'deployment.yaml',
        document: 'Deployment/web',
        path: 'spec.template.spec.containers[web].image',
        base: 'web:1',
        template: 'web:2',
        environment: 'web:3',
      },
    ]);
    const [replicas, image] = err.conflicts;
    const half = await drift
      .apply(repo, dev, 'web', {
        author,
        resolutions: [{ ...replicas, take: 'template' }],
      })
      .catch(e => e);
    expect(half.conflicts).toEqual([image]);
    await drift.apply(repo, dev, 'web', {
      author,
      resolutions: [
        { ...replicas, take: 'template' },
        { ...image, take: 'environment' },
      ],
    });
    const merged = await show('apps/shop/envs/dev/web/deployment.yaml');
    expect(merged).toContain('replicas: 2');
    expect(merged).toContain('image: web:3');
  });
});
