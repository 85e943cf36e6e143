import { as } from '../__testUtils__/apiUnderTest';
import { people } from '../__testUtils__/testBackend';
import {
  base,
  configMap,
  describeTemplateRoutes,
} from '../__testUtils__/templateRoutesUnderTest';

// Who may read and write templates, and what a git host that refuses or is away answers.
describeTemplateRoutes('template route access', { withTemplates: true }, t => {
  const { api, head, policy, events, git, wrongPassword } = t;

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
      api().post(`${base}/web/drift/dev/apply`).set(as(people.alice)).send({}),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /only admins of tenant "shop-team"/,
      );
    }
    for (const user of [people.carol, people.mallory]) {
      expect((await api().get(base).set(as(user))).status).toBe(403);
      expect((await api().get(`${base}/web/files`).set(as(user))).status).toBe(
        403,
      );
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
});
