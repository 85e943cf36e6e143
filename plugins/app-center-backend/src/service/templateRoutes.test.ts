import { promises as fs } from 'node:fs';
import path from 'node:path';
import { as } from '../__testUtils__/apiUnderTest';
import { people } from '../__testUtils__/testBackend';
import {
  base,
  configMap,
  templates,
  describeTemplateRoutes,
} from '../__testUtils__/templateRoutesUnderTest';

// Creating templates, refused creations and unknown names; the other template route tests are in
// templateRoutes.<behaviour>.test.ts, on the fixture in __testUtils__/templateRoutesUnderTest.ts.
describeTemplateRoutes('template routes', {}, t => {
  const { api, head, show, lastCommit, events, git } = t;

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
      .send(templates.web);
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
      .send(templates.worker);
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
    expect((await fs.readdir(path.join(git.tmp, 'backend-work'))).length).toBe(
      1,
    );

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

  it('answers 404 for unknown templates, projects and environments', async () => {
    expect((await api().get(`${base}/nope`).set(as(people.alice))).status).toBe(
      404,
    );
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
});
