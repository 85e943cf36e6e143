import { as } from '../__testUtils__/apiUnderTest';
import { people } from '../__testUtils__/testBackend';
import {
  base,
  configMap,
  describeTemplateRoutes,
} from '../__testUtils__/templateRoutesUnderTest';

// Drift between a template and its environment copies, applying it, its conflicts; deleting a template
// leaves the copies.
describeTemplateRoutes('template drift', { withTemplates: true }, t => {
  const {
    api,
    head,
    show,
    lastCommit,
    envApps,
    repo,
    afterExternalWrites,
    events,
    git,
  } = t;
  let bare: string;
  beforeAll(() => {
    ({ bare } = t);
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
    const names = (await api().get(base).set(as(people.alice))).body.items.map(
      (i: any) => i.name,
    );
    expect(names).toEqual(['web']);
    expect(await show('apps/shop/envs/dev/web/deployment.yaml')).toContain(
      'kind: Deployment',
    );
  });
});
