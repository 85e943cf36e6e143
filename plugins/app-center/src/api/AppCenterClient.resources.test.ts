import { AppCenterClient } from './AppCenterClient';

const baseUrl = 'http://backstage.test/api/app-center';
const app = `${baseUrl}/projects/shop/environments/dev/apps/web`;

function setup(
  ...bodies: Array<{ status: number; body: string; type: string }>
) {
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>();
  for (const b of bodies)
    fetch.mockResolvedValueOnce(
      new Response(b.body, {
        status: b.status,
        headers: { 'content-type': b.type },
      }),
    );
  const client = AppCenterClient.create({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const json = (body: unknown) => ({
  status: 200,
  body: JSON.stringify(body),
  type: 'application/json',
});

/** A tree node carries much more than the coordinates of its resource. */
const deployment = {
  id: 'uid-1',
  uid: 'uid-1',
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespace: 'shop-dev',
  name: 'web',
  health: 'Healthy',
  children: [],
};

describe('AppCenterClient resource status', () => {
  it("asks for a node's manifest, diff and delete with its coordinates only", async () => {
    const { client, fetch } = setup(
      json({ manifest: {}, yaml: '' }),
      json({ modified: false, live: '', desired: '', diff: '' }),
      {
        status: 202,
        body: JSON.stringify({ id: 't-1' }),
        type: 'application/json',
      },
    );
    await client.getResource('shop', 'dev', 'web', deployment);
    await client.getResourceDiff('shop', 'dev', 'web', deployment);
    await client.deleteResource('shop', 'dev', 'web', deployment, 'orphan');
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      `${app}/resource?group=apps&version=v1&kind=Deployment&namespace=shop-dev&name=web`,
      `${app}/resource/diff?group=apps&kind=Deployment&namespace=shop-dev&name=web`,
      `${app}/resource?group=apps&version=v1&kind=Deployment&namespace=shop-dev&name=web&cascade=orphan`,
    ]);
  });

  it('reads the log stream event by event, and fails with the stream error', async () => {
    const { client, fetch } = setup({
      status: 200,
      type: 'text/event-stream',
      body:
        ': heartbeat\n\n' +
        'id: t1\nevent: line\ndata: {"pod":"web-a","timestamp":"t1","content":"one"}\n\n' +
        'event: line\ndata: {"pod":"web-b","timestamp":"t2","content":"two"}\n\n' +
        'event: error\ndata: {"message":"upstream went away"}\n\n',
    });
    const lines: string[] = [];
    await expect(
      client.streamLogs(
        'shop',
        'dev',
        'web',
        { kind: 'Deployment', group: 'apps', name: 'web', follow: true },
        l => lines.push(`${l.pod}: ${l.content}`),
        new AbortController().signal,
      ),
    ).rejects.toThrow('upstream went away');
    expect(lines).toEqual(['web-a: one', 'web-b: two']);
    expect(fetch.mock.calls[0][0]).toBe(
      `${app}/logs?kind=Deployment&group=apps&name=web&follow=true`,
    );
  });
});
