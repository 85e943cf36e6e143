import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import {
  HarborRegistryProvider,
  HarborUpstreamError,
  readHarborOptions,
} from './HarborRegistryProvider';

const USER = 'robot$app-center';
const PASSWORD = 'harbor-secret';

const artifact = (n: number, tags: string[], labels: string[] = []) => ({
  id: n,
  digest: `sha256:${String(n).padStart(64, '0')}`,
  push_time: new Date(Date.UTC(2024, 4, n)).toISOString(),
  tags: tags.length
    ? tags.map((name, i) => ({
        name,
        push_time: new Date(Date.UTC(2024, 4, n, i)).toISOString(),
      }))
    : null,
  labels: labels.map((name, i) => ({ id: i, name, scope: 'g' })),
  extra_attrs: { created: '2020-01-01T00:00:00Z' },
});

/** Harbor's artifact API for project `shop`, repository `team/web`, as a small local server. */
async function startFakeHarbor(options: { delayMs?: number } = {}) {
  const artifacts = [
    artifact(1, ['1.0.0']),
    artifact(2, ['1.1.0', 'stable'], ['qa-passed']),
    artifact(3, []), // untagged
    artifact(4, ['1.2.0'], ['Unpublishable']),
    artifact(5, ['1.3.0'], ['security-hold']),
  ];
  const requests: Array<{ url: string; authorization?: string }> = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url!, authorization: req.headers.authorization });
    const send = (
      status: number,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString(
      'base64',
    )}`;
    if (req.headers.authorization !== expected) {
      return send(401, {
        errors: [{ code: 'UNAUTHORIZED', message: 'unauthorized' }],
      });
    }
    const url = new URL(req.url!, 'http://harbor');
    const m =
      /^\/api\/v2\.0\/projects\/([^/]+)\/repositories\/([^/]+)\/artifacts(?:\/([^/]+))?$/.exec(
        url.pathname,
      );
    // Harbor's router needs the repository name encoded twice: team%252Fweb.
    if (!m || m[1] !== 'shop' || m[2] !== 'team%252Fweb') {
      return send(404, {
        errors: [
          {
            code: 'NOT_FOUND',
            message: `repository ${m?.[2] ?? '?'} not found`,
          },
        ],
      });
    }
    const respond = () => {
      if (m[3]) {
        const tag = decodeURIComponent(m[3]);
        const found = artifacts.find(a => a.tags?.some(t => t.name === tag));
        if (!found)
          return send(404, {
            errors: [
              {
                code: 'NOT_FOUND',
                message: `artifact shop/team/web:${tag} not found`,
              },
            ],
          });
        return send(200, {
          ...found,
          labels:
            url.searchParams.get('with_label') === 'true' ? found.labels : null,
        });
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('page_size') ?? 10);
      // Harbor lists newest pushes first.
      const all = [...artifacts].reverse();
      const slice = all.slice((page - 1) * size, page * size);
      const headers: Record<string, string> = {
        'X-Total-Count': String(all.length),
      };
      if (page * size < all.length) {
        headers.Link = `</api/v2.0/projects/shop/repositories/team%252Fweb/artifacts?page=${
          page + 1
        }&page_size=${size}>; rel="next"`;
      }
      return send(200, slice, headers);
    };
    if (options.delayMs) setTimeout(respond, options.delayMs);
    else respond();
    return undefined;
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const provider = (
  host: string,
  extra: { password?: string; labels?: string[]; timeoutMs?: number } = {},
) =>
  new HarborRegistryProvider({
    instances: [
      {
        host,
        username: USER,
        password: extra.password ?? PASSWORD,
        insecure: true,
      },
    ],
    unpublishableLabels: extra.labels ?? ['unpublishable'],
    timeoutMs: extra.timeoutMs ?? 2000,
    pageSize: 2,
  });

const image = (host: string, repository = 'shop/team/web') => ({
  host,
  repository,
  reference: `${host}/${repository}:1.0.0`,
});

describe('HarborRegistryProvider', () => {
  let harbor: Awaited<ReturnType<typeof startFakeHarbor>>;
  beforeEach(async () => {
    harbor = await startFakeHarbor();
  });
  afterEach(() => harbor.close());

  it('matches its instances only', () => {
    const p = provider(harbor.host);
    expect(p.matches(harbor.host)).toBe(true);
    expect(p.matches('registry.example.com')).toBe(false);
  });

  it('lists every tag with its push time and labels through the pages, unpublishable ones marked', async () => {
    const tags = await provider(harbor.host).listTags(image(harbor.host));
    expect(harbor.requests.map(r => r.url)).toEqual(
      [1, 2, 3].map(
        page =>
          `/api/v2.0/projects/shop/repositories/team%252Fweb/artifacts?with_tag=true&with_label=true&page=${page}&page_size=2`,
      ),
    );
    expect(tags).toEqual([
      {
        tag: '1.3.0',
        digest: `sha256:${'5'.padStart(64, '0')}`,
        createdAt: '2024-05-05T00:00:00.000Z',
        labels: ['security-hold'],
        publishable: true,
      },
      {
        tag: '1.2.0',
        digest: `sha256:${'4'.padStart(64, '0')}`,
        createdAt: '2024-05-04T00:00:00.000Z',
        labels: ['Unpublishable'],
        publishable: false,
        reason: `labelled "Unpublishable" in Harbor ${harbor.host}`,
      },
      expect.objectContaining({
        tag: '1.1.0',
        createdAt: '2024-05-02T00:00:00.000Z',
        labels: ['qa-passed'],
        publishable: true,
      }),
      expect.objectContaining({
        tag: 'stable',
        createdAt: '2024-05-02T01:00:00.000Z',
        publishable: true,
      }),
      expect.objectContaining({ tag: '1.0.0', labels: [], publishable: true }),
    ]);
  });

  it('uses the configured unpublishable labels', async () => {
    const tags = await provider(harbor.host, {
      labels: ['security-hold'],
    }).listTags(image(harbor.host));
    expect(tags.filter(t => !t.publishable).map(t => t.tag)).toEqual(['1.3.0']);
  });

  it('tells whether one tag is publishable', async () => {
    const p = provider(harbor.host);
    expect(await p.tagLabels(image(harbor.host), '1.2.0')).toEqual({
      publishable: false,
      reason: `labelled "Unpublishable" in Harbor ${harbor.host}`,
      labels: ['Unpublishable'],
    });
    expect(await p.tagLabels(image(harbor.host), 'stable')).toEqual({
      publishable: true,
      labels: ['qa-passed'],
    });
    expect(await p.tagLabels(image(harbor.host), '9.9.9')).toEqual({
      publishable: false,
      reason: `tag "9.9.9" of shop/team/web not found in Harbor ${harbor.host}`,
      labels: [],
    });
    expect(harbor.requests[0].url).toBe(
      '/api/v2.0/projects/shop/repositories/team%252Fweb/artifacts/1.2.0?with_tag=false&with_label=true',
    );
  });

  it('answers 404 for a repository Harbor does not have, or an image outside a project', async () => {
    const missing = await provider(harbor.host)
      .listTags(image(harbor.host, 'shop/nope'))
      .catch(e => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe(
      `repository shop/nope not found in Harbor ${harbor.host} (NOT_FOUND: repository nope not found)`,
    );
    await expect(
      provider(harbor.host).listTags(image(harbor.host, 'web')),
    ).rejects.toThrow('Harbor images are named project/repository');
  });

  it('answers 502 naming Harbor when it refuses the credentials, without them', async () => {
    const error = await provider(harbor.host, { password: 'wrong-password' })
      .listTags(image(harbor.host))
      .catch(e => e);
    expect(error).toBeInstanceOf(HarborUpstreamError);
    expect(error.statusCode).toBe(502);
    expect(error.message).toBe(
      `Harbor ${harbor.host} refused App Center's credentials (HTTP 401: UNAUTHORIZED: unauthorized); check appCenter.harbor.instances (host ${harbor.host})`,
    );
    expect(error.message).not.toContain('wrong-password');
  });

  it('answers 504 when Harbor is too slow, 502 when it is down', async () => {
    const slow = await startFakeHarbor({ delayMs: 1000 });
    try {
      const error = await provider(slow.host, { timeoutMs: 100 })
        .listTags(image(slow.host))
        .catch(e => e);
      expect(error.statusCode).toBe(504);
      expect(error.message).toBe(
        `Harbor ${slow.host} did not answer within 100 ms`,
      );
    } finally {
      await slow.close();
    }
    await harbor.close();
    const down = await provider(harbor.host)
      .listTags(image(harbor.host))
      .catch(e => e);
    expect(down.statusCode).toBe(502);
    expect(down.message).toBe(
      `Harbor ${harbor.host} refused the connection (ECONNREFUSED: connect ECONNREFUSED ${harbor.host})`,
    );
    harbor = await startFakeHarbor();
  });
});

describe('readHarborOptions', () => {
  it('is undefined without instances (the module stays inert)', () => {
    expect(readHarborOptions(new ConfigReader({}))).toBeUndefined();
    expect(
      readHarborOptions(
        new ConfigReader({ appCenter: { harbor: { instances: [] } } }),
      ),
    ).toBeUndefined();
  });

  it('reads instances and defaults the unpublishable labels', () => {
    expect(
      readHarborOptions(
        new ConfigReader({
          appCenter: {
            harbor: {
              instances: [
                { host: 'Harbor.Example.com', username: 'u', password: 'p' },
              ],
            },
          },
        }),
      ),
    ).toEqual({
      instances: [
        {
          host: 'harbor.example.com',
          username: 'u',
          password: 'p',
          insecure: false,
        },
      ],
      unpublishableLabels: ['unpublishable'],
      timeoutMs: 10_000,
    });
  });

  it('refuses a host with a scheme', () => {
    expect(() =>
      readHarborOptions(
        new ConfigReader({
          appCenter: {
            harbor: {
              instances: [
                {
                  host: 'https://harbor.example.com',
                  username: 'u',
                  password: 'p',
                },
              ],
            },
          },
        }),
      ),
    ).toThrow(/without scheme or path/);
  });
});
