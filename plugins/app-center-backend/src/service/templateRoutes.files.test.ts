import { as } from '../__testUtils__/apiUnderTest';
import { people } from '../__testUtils__/testBackend';
import {
  base,
  configMap,
  describeTemplateRoutes,
} from '../__testUtils__/templateRoutesUnderTest';

// Reading and writing the files of a template: conflicts between revisions, invalid manifests and paths.
describeTemplateRoutes('template files', { withTemplates: true }, t => {
  const { api, head, show, lastCommit } = t;

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
    const reloaded = await api().get(`${base}/web/files`).set(as(people.admin));
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
});
