import { promises as fs } from 'node:fs';
import path from 'node:path';
import { as } from '../__testUtils__/apiUnderTest';
import { people } from '../__testUtils__/testBackend';
import {
  base,
  LIST,
  waitFor,
  describeEnvironmentApps,
} from '../__testUtils__/environmentAppsUnderTest';

// Applications and folders removed behind App Center's back, and Argo CD failing, slow or gone.
describeEnvironmentApps('environment app faults', t => {
  const { api, argoApp, sandbox, stack, events } = t;

  it('shows an Application deleted behind App Center as no-application, a removed folder as no-folder', async () => {
    await api()
      .post(`${base}/dev/apps`)
      .set(as(people.alice))
      .send({ app: 'web', overwrite: true })
      .expect(201);
    await api()
      .post(`${base}/dev/apps`)
      .set(as(people.alice))
      .send({ app: 'api', overwrite: true })
      .expect(201);
    // behind our back: the Application of web goes (without touching git), the folder of api goes
    const del = await fetch(
      `${stack.argocd.url}/api/v1/applications/shop.dev.web?cascade=false`,
      {
        method: 'DELETE',
        headers: {
          Authorization: `Bearer ${stack.argocd.token}`,
          'Content-Type': 'application/json',
        },
      },
    );
    expect(del.status).toBe(200);
    await sandbox.commitBehind(
      dir => fs.rm(path.join(dir, 'shop/envs/dev/api'), { recursive: true }),
      'remove api',
    );

    const states = await waitFor(async () => {
      const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
      const s = Object.fromEntries(
        res.body.platformApps.map((a: any) => [a.name, a.state]),
      );
      return s.api === 'no-folder' && s.web === 'no-application'
        ? res.body
        : undefined;
    }, 'the list to show both');
    expect(
      states.platformApps.find((a: any) => a.name === 'api'),
    ).toMatchObject({
      state: 'no-folder',
      application: 'shop.dev.api',
      images: { manifest: [] },
    });

    // Recreating the missing Application keeps git as it is: no commit, the environment's files stay.
    const head = await sandbox.head();
    const outsider = await api()
      .post(`${base}/dev/apps/web/recreate`)
      .set(as(people.mallory));
    expect(outsider.status).toBe(403);
    expect(argoApp('shop.dev.web')).toBeUndefined();
    const recreated = await api()
      .post(`${base}/dev/apps/web/recreate`)
      .set(as(people.alice));
    expect(recreated.status).toBe(201);
    expect(recreated.body).toMatchObject({
      name: 'web',
      state: 'associated',
      application: 'shop.dev.web',
    });
    expect(argoApp('shop.dev.web')).toBeDefined();
    expect(await sandbox.head()).toBe(head);
    const again = await api()
      .post(`${base}/dev/apps/web/recreate`)
      .set(as(people.alice));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /exists already; nothing was changed/,
    );
    // Without the folder there is nothing to recreate from.
    const gone = await api()
      .post(`${base}/dev/apps/api/recreate`)
      .set(as(people.alice));
    expect(gone.status).toBe(404);
    expect(
      events.some(
        (e: any) =>
          e.eventId === 'environment-app-recreate' && e.outcome === 'success',
      ),
    ).toBe(true);
    // The tests below expect dev's web without an Application, as the examples leave it.
    const removed = await fetch(
      `${stack.argocd.url}/api/v1/applications/shop.dev.web?cascade=false`,
      {
        method: 'DELETE',
        headers: {
          Authorization: `Bearer ${stack.argocd.token}`,
          'Content-Type': 'application/json',
        },
      },
    );
    expect(removed.status).toBe(200);
    await waitFor(async () => {
      const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
      return res.body.platformApps.some(
        (a: any) => a.name === 'web' && a.state === 'no-application',
      )
        ? true
        : undefined;
    }, 'web to show as no-application again');
  });

  describe('when Argo CD fails', () => {
    it('still lists what git holds, with a warning', async () => {
      stack.argocd.hooks.drop(LIST);
      const res = await api().get(`${base}/dev/apps`).set(as(people.alice));
      expect(res.status).toBe(200);
      expect(res.body.platformApps.map((a: any) => [a.name, a.state])).toEqual([
        ['web', 'unknown'],
      ]);
      expect(res.body.warnings).toEqual([
        expect.stringMatching(
          /^Argo CD could not be read, showing what git holds: Argo CD "main" closed the connection/,
        ),
      ]);
    });

    it('answers 502 to associate when Argo CD is down, and leaves git as it was', async () => {
      stack.argocd.hooks.drop('/api/v1/**');
      const head = await sandbox.head();
      const res = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api' });
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /^nothing was changed: Argo CD "main" closed the connection/,
      );
      expect(await sandbox.head()).toBe(head);
    });

    it('answers 504 when Argo CD is too slow', async () => {
      stack.argocd.hooks.latency('/api/v1/**', 4000);
      const res = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api' });
      expect(res.status).toBe(504);
      expect(res.body.error.message).toMatch(
        /did not answer GET \/applications\/shop\.qa\.api within 3000 ms/,
      );
    });

    it('says what is left when the Application cannot be created after the copy, and overwrite repairs it', async () => {
      stack.argocd.hooks.fail(
        'POST /api/v1/applications',
        500,
        'etcdserver: request timed out',
        1,
      );
      const res = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api' });
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /^the manifests of api are in git \(shop\/envs\/qa\/api at commit [0-9a-f]{12}\), but the Argo CD Application shop\.qa\.api could not be created: .*etcdserver: request timed out.*associate again with overwrite/,
      );
      expect(await sandbox.ls('shop/envs/qa/api')).toEqual([
        '.app-center.yaml',
        'configmap.yaml',
        'deployment.yaml',
        'service.yaml',
      ]);
      const list = await api().get(`${base}/qa/apps`).set(as(people.alice));
      expect(list.body.platformApps.map((a: any) => [a.name, a.state])).toEqual(
        [['api', 'no-application']],
      );

      const repaired = await api()
        .post(`${base}/qa/apps`)
        .set(as(people.alice))
        .send({ app: 'api', overwrite: true });
      expect(repaired.status).toBe(201);
      expect(repaired.body.state).toBe('associated');
    });

    it('says what is left when the Application cannot be deleted', async () => {
      stack.argocd.hooks.fail(
        'DELETE /api/v1/applications/*',
        503,
        'unavailable',
      );
      const res = await api()
        .delete(`${base}/qa/apps/api`)
        .set(as(people.alice));
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /^nothing was changed: the Argo CD Application shop\.qa\.api could not be deleted/,
      );
      expect(argoApp('shop.qa.api')).toBeDefined();
      expect(await sandbox.ls('shop/envs/qa/api')).not.toEqual([]);
    });
  });
});
