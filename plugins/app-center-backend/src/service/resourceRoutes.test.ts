import { mockCredentials } from '@backstage/backend-test-utils';
import { CRASH_LINE } from '@internal/argocd-sandbox';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people, startAppCenterBackend } from '../__testUtils__/testBackend';
import {
  DeploySandbox,
  REGISTRY,
  startDeploySandbox,
  waitFor,
} from '../deploy/__testUtils__/deploySandbox';

jest.setTimeout(240_000);

const { databases, ids } = appCenterTestDatabases();
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

/** The events of a server-sent events body. */
function sseEvents(text: string) {
  return text
    .split('\n\n')
    .filter(frame => frame.includes('event: '))
    .map(frame => {
      const field = (name: string) =>
        frame
          .split('\n')
          .find(l => l.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      return {
        event: field('event'),
        id: field('id'),
        data: JSON.parse(field('data') ?? 'null'),
      };
    });
}

type Node = {
  kind: string;
  name: string;
  uid?: string;
  health?: string;
  sync?: string;
  images?: string[];
  info?: Array<{ name: string; value: string }>;
  children: Node[];
};
const all = (n: Node): Node[] => [n, ...n.children.flatMap(all)];

describe.each(ids)('resource status routes on %s', databaseId => {
  let sb: DeploySandbox;
  let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
  let stop: () => Promise<void>;
  const api = () => request(server);
  const base = '/api/app-center/projects/shop/environments/dev/apps/web';
  const finished = (id: string) =>
    waitFor(async () => {
      const res = await api()
        .get(`/api/app-center/tasks/${id}`)
        .set(as(people.alice));
      return ['succeeded', 'failed', 'cancelled'].includes(res.body.status)
        ? res.body
        : undefined;
    }, `task ${id}`);
  const tree = async (): Promise<Node> => {
    const res = await api().get(`${base}/resource-tree`).set(as(people.alice));
    expect(res.status).toBe(200);
    return res.body.root;
  };
  const deploy = async (tag: string) => {
    const res = await api()
      .post('/api/app-center/projects/shop/environments/dev/deployments')
      .set(as(people.alice))
      .send({
        apps: [
          { app: 'web', images: [{ image: `${REGISTRY}/shop/web`, tag }] },
        ],
      });
    expect(res.status).toBe(202);
    return finished(res.body.id);
  };
  const scale = async (replicas: number) => {
    const res = await api()
      .post(`${base}/scale`)
      .set(as(people.alice))
      .send({ replicas });
    expect(res.status).toBe(202);
    return finished(res.body.id);
  };
  const podsOf = (root: Node) => all(root).filter(n => n.kind === 'Pod');
  /** Every body the backend answered, to check that no upstream token leaks. */
  const bodies: string[] = [];
  const logs = async (query: string) => {
    const res = await api()
      .get(`${base}/logs?${query}`)
      .set(as(people.alice))
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', c => {
          text += c;
        });
        r.on('end', () => done(null, text));
      });
    bodies.push(String(res.body));
    return res;
  };

  beforeAll(async () => {
    sb = await startDeploySandbox({ crashAfterMs: 300, logIntervalMs: 100 });
    const knex = await databases.init(databaseId);
    const started = await startAppCenterBackend({ knex, config: sb.config });
    server = started.server;
    stop = () => started.backend.stop();
    const deployed = await deploy('1.1.0');
    const scaled = await scale(3);
    if (deployed.status !== 'succeeded' || scaled.status !== 'succeeded')
      throw new Error('web did not deploy with 3 replicas');
  });
  afterAll(async () => {
    await stop?.();
    await sb?.cleanup();
  });

  it('answers the tree rooted at the Application: the Deployment, its ReplicaSet and 3 healthy Pods with their images', async () => {
    const root = await waitFor(async () => {
      const t = await tree();
      return podsOf(t).length === 3 ? t : undefined;
    }, '3 pods');
    expect(root).toMatchObject({
      kind: 'Application',
      name: 'shop.dev.web',
      health: 'Healthy',
      sync: 'Synced',
    });
    const deployment = root.children.find(n => n.kind === 'Deployment')!;
    expect(deployment).toMatchObject({ name: 'web', sync: 'Synced' });
    expect(root.children.find(n => n.kind === 'Service')).toBeDefined();
    const [replicaSet] = deployment.children;
    expect(replicaSet.kind).toBe('ReplicaSet');
    expect(replicaSet.sync).toBeUndefined();
    expect(replicaSet.children).toHaveLength(3);
    for (const pod of replicaSet.children) {
      expect(pod).toMatchObject({ kind: 'Pod', health: 'Healthy' });
      expect(pod.images).toEqual([`${REGISTRY}/shop/web:1.1.0`]);
    }
  });

  it("answers a resource's live manifest, and its diff: empty when in sync, the change after a commit behind Argo CD's back", async () => {
    const live = await api()
      .get(
        `${base}/resource?group=apps&version=v1&kind=Deployment&name=web&namespace=shop-dev`,
      )
      .set(as(people.alice));
    expect(live.status).toBe(200);
    expect(live.body.manifest).toMatchObject({
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 3 },
    });
    expect(live.body.yaml).toContain('kind: Deployment');
    const diffUrl = `${base}/resource/diff?group=apps&kind=Deployment&name=web&namespace=shop-dev`;
    const synced = await api().get(diffUrl).set(as(people.alice));
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ modified: false, diff: '' });
    expect(synced.body.live).toContain('replicas: 3');

    const file = await sb.show('shop/envs/dev/web/deployment.yaml');
    await sb.commitBehind(
      {
        'shop/envs/dev/web/deployment.yaml': file.replace(
          'replicas: 3',
          'replicas: 4',
        ),
      },
      'more replicas, not synced',
    );
    await sb.argocd.getApplication('shop.dev.web', {
      project: 'default',
      refresh: 'normal',
    });
    const changed = await api().get(diffUrl).set(as(people.alice));
    expect(changed.body.modified).toBe(true);
    expect(changed.body.diff).toContain('-  replicas: 3');
    expect(changed.body.diff).toContain('+  replicas: 4');
    // only what differs: not the one-line copy of the whole manifest kubectl keeps
    expect(changed.body.diff).not.toContain('last-applied-configuration');
    expect(
      (await tree()).children.find(n => n.kind === 'Deployment')?.sync,
    ).toBe('OutOfSync');

    const missing = await api()
      .get(`${base}/resource/diff?group=apps&kind=Deployment&name=nope`)
      .set(as(people.alice));
    expect(missing.status).toBe(404);
    bodies.push(JSON.stringify([live.body, synced.body, changed.body]));
  });

  it('lists the events of the app, and of one resource by its uid', async () => {
    const app = await api()
      .get(`${base}/resource/events`)
      .set(as(people.alice));
    expect(app.status).toBe(200);
    expect(app.body.items.length).toBeGreaterThan(0);
    const root = await tree();
    const deployment = root.children.find(n => n.kind === 'Deployment')!;
    const one = await api()
      .get(
        `${base}/resource/events?namespace=shop-dev&name=web&uid=${deployment.uid}`,
      )
      .set(as(people.alice));
    expect(one.status).toBe(200);
    expect(one.body.items.length).toBeGreaterThan(0);
    for (const e of one.body.items)
      expect(e.involvedObject).toMatchObject({
        kind: 'Deployment',
        name: 'web',
      });
    const partial = await api()
      .get(`${base}/resource/events?uid=${deployment.uid}`)
      .set(as(people.alice));
    expect(partial.status).toBe(400);
    bodies.push(JSON.stringify([app.body, one.body]));
  });

  it("streams one pod's logs and a workload's pods merged with the pod's name, downloads them, and resumes without repeating a line", async () => {
    const [pod] = podsOf(await tree());
    const one = await logs(`pod=${pod.name}&tailLines=5`);
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toMatch(/text\/event-stream/);
    const lines = sseEvents(one.body).filter(e => e.event === 'line');
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(l.data.pod).toBe(pod.name);
    expect(sseEvents(one.body).at(-1)?.event).toBe('end');

    const merged = await logs(
      'group=apps&kind=Deployment&name=web&tailLines=2',
    );
    const pods = new Set(
      sseEvents(merged.body)
        .filter(e => e.event === 'line')
        .map(e => e.data.pod),
    );
    expect(pods.size).toBe(3);

    const resumed = await api()
      .get(`${base}/logs?pod=${pod.name}&tailLines=5`)
      .set(as(people.alice))
      .set('Last-Event-ID', lines[2].id!)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', c => {
          text += c;
        });
        r.on('end', () => done(null, text));
      });
    const again = sseEvents(String(resumed.body)).filter(
      e => e.event === 'line',
    );
    expect(again.length).toBeGreaterThanOrEqual(2);
    for (const l of again) expect(l.id! > lines[2].id!).toBe(true);

    const file = await logs(`pod=${pod.name}&tailLines=3&download=true`);
    expect(file.headers['content-disposition']).toContain(
      `attachment; filename="web-${pod.name}.log"`,
    );
    expect(file.body.trim().split('\n')).toHaveLength(3);
  });

  it('follows the logs until the client leaves', async () => {
    const [pod] = podsOf(await tree());
    const { port } = server.address() as AddressInfo;
    const abort = new AbortController();
    const res = await fetch(
      `http://127.0.0.1:${port}${base}/logs?pod=${pod.name}&tailLines=1&follow=true`,
      { headers: as(people.alice), signal: abort.signal },
    );
    const reader = res.body!.getReader();
    let text = '';
    while (sseEvents(text).filter(e => e.event === 'line').length < 3) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    const stamps = sseEvents(text).map(e => e.id);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('says so when the container does not exist, no pod matches or no pod is named', async () => {
    const [pod] = podsOf(await tree());
    const container = await logs(`pod=${pod.name}&container=sidecar`);
    expect(container.status).toBe(400);
    expect(container.body).toContain('has no container \\"sidecar\\"');
    expect(container.body).toContain('its containers: web');
    const nobody = await logs('kind=Deployment&group=apps&name=nope');
    expect(nobody.status).toBe(404);
    const unsaid = await logs('follow=true');
    expect(unsaid.status).toBe(400);
  });

  it('shows the previous container after a crash', async () => {
    // the deploy may end before or after the first crash: the restart count says when it came
    await deploy('1.2.1-crash');
    const pod = await waitFor(async () => {
      const p = podsOf(await tree()).find(n =>
        n.info?.some(i => i.name === 'Restart Count' && Number(i.value) > 0),
      );
      return p;
    }, 'a restarted pod');
    const previous = await logs(`pod=${pod.name}&previous=true`);
    const lines = sseEvents(previous.body).filter(e => e.event === 'line');
    expect(lines.at(-1)?.data.content).toBe(CRASH_LINE);
    expect((await deploy('1.1.0')).status).toBe('succeeded');
  });

  it('deletes a pod as a task; its ReplicaSet brings a new one', async () => {
    const before = podsOf(await tree());
    const victim = before[0];
    const res = await api()
      .delete(
        `${base}/resource?version=v1&kind=Pod&name=${victim.name}&namespace=shop-dev`,
      )
      .set(as(people.alice));
    expect(res.status).toBe(202);
    expect(res.body.kind).toBe('resource-delete');
    expect((await finished(res.body.id)).status).toBe('succeeded');
    await waitFor(async () => {
      const pods = podsOf(await tree());
      return pods.length === before.length &&
        !pods.some(p => p.name === victim.name)
        ? true
        : undefined;
    }, 'a new pod in place of the deleted one');
  });

  it('refuses a delete in a protected environment to a member who is not a deployer, and reads to strangers', async () => {
    const prod = '/api/app-center/projects/shop/environments/prod/apps/web';
    const refused = await api()
      .delete(`${prod}/resource?version=v1&kind=Pod&name=x&namespace=shop-prod`)
      .set(as(people.alice));
    expect(refused.status).toBe(403);
    const stranger = await api()
      .get(`${base}/resource-tree`)
      .set(as(people.mallory));
    expect(stranger.status).toBe(403);
  });

  it('streams the tree as server-sent events', async () => {
    const { port } = server.address() as AddressInfo;
    const abort = new AbortController();
    const res = await fetch(
      `http://127.0.0.1:${port}${base}/resource-tree/stream`,
      { headers: as(people.alice), signal: abort.signal },
    );
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!sseEvents(text).some(e => e.event === 'tree')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    const first = sseEvents(text).find(e => e.event === 'tree')!;
    expect(first.data.root.kind).toBe('Application');
    expect(first.data.nodeCount).toBeGreaterThan(3);
    bodies.push(text);
  });

  it('says how many pods match when there are too many to merge', async () => {
    expect((await scale(11)).status).toBe('succeeded');
    const res = await logs('group=apps&kind=Deployment&name=web');
    expect(res.status).toBe(400);
    expect(res.body).toContain(
      '11 pods match Deployment/web; logs of at most 10 pods can be merged: pick one pod',
    );
  });

  it('never answers an Argo CD or git token', () => {
    const tokens = [sb.stack.argocd.token, sb.stack.gitToken!];
    for (const body of bodies)
      for (const token of tokens) expect(body).not.toContain(token);
  });
});
