import { createHash } from 'node:crypto';
import http from 'node:http';
import { NotFoundError } from '@backstage/errors';
import { RegistryHostConfig } from './config';
import { RegistryUpstreamError } from './errors';
import { parseRegistryImage } from './image';
import {
  OciRegistryClient,
  parseChallenge,
  parseNextLink,
} from './OciRegistryClient';
import { basicOf, json, startFakeServer } from './__testUtils__/fakeServer';

type Fake = Awaited<ReturnType<typeof startFakeServer>>;

const TAGS = Array.from({ length: 7 }, (_, i) => `v${i + 1}`);

/** A tags/list that pages with `n` and `last` and a relative `Link`, as distribution v3 does. */
function tagsPage(
  res: http.ServerResponse,
  url: URL,
  name: string,
  tags: string[],
) {
  const n = Number(url.searchParams.get('n') ?? tags.length);
  const last = url.searchParams.get('last');
  const start = last ? tags.indexOf(last) + 1 : 0;
  const page = tags.slice(start, start + n);
  const headers: Record<string, string> = {};
  if (start + n < tags.length) {
    headers.Link = `</v2/${name}/tags/list?last=${encodeURIComponent(
      page[page.length - 1],
    )}&n=${n}>; rel="next"`;
  }
  json(res, 200, { name, tags: page }, headers);
}

const unauthorized = (res: http.ServerResponse, challenge: string) =>
  json(
    res,
    401,
    { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
    { 'WWW-Authenticate': challenge },
  );

const client = (
  registries: Partial<RegistryHostConfig>[],
  extra: { cacheTtlMs?: number; timeoutMs?: number } = {},
) =>
  new OciRegistryClient({
    registries: registries.map(
      r => ({ insecure: true, ...r } as RegistryHostConfig),
    ),
    timeoutMs: extra.timeoutMs ?? 2000,
    cacheTtlMs: extra.cacheTtlMs ?? 30_000,
    pageSize: 3,
  });

const image = (fake: Fake, path = 'team/web') =>
  parseRegistryImage(`${fake.host}/${path}:1.0`);

describe('OciRegistryClient', () => {
  const fakes: Fake[] = [];
  const start = async (handler: Parameters<typeof startFakeServer>[0]) => {
    const fake = await startFakeServer(handler);
    fakes.push(fake);
    return fake;
  };
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map(f => f.close()));
  });

  it('lists every tag anonymously through the Link pages, then answers from its cache', async () => {
    const registry = await start((_req, res, url) =>
      tagsPage(res, url, 'team/web', TAGS),
    );
    const oci = client([{ host: registry.host }]);
    expect(await oci.listTags(image(registry))).toEqual(TAGS);
    expect(registry.requests.map(r => r.url)).toEqual([
      '/v2/team/web/tags/list?n=3',
      '/v2/team/web/tags/list?last=v3&n=3',
      '/v2/team/web/tags/list?last=v6&n=3',
    ]);
    expect(registry.requests.every(r => r.authorization === undefined)).toBe(
      true,
    );
    expect(await oci.listTags(image(registry))).toEqual(TAGS);
    expect(registry.requests).toHaveLength(3);
  });

  it('lists again once the cache time is over', async () => {
    const registry = await start((_req, res, url) =>
      tagsPage(res, url, 'team/web', ['a']),
    );
    const oci = client([{ host: registry.host }], { cacheTtlMs: 50 });
    await oci.listTags(image(registry));
    await new Promise(r => setTimeout(r, 80));
    await oci.listTags(image(registry));
    expect(registry.requests).toHaveLength(2);
  });

  it('answers the Basic challenge with the configured credentials and sends them up front afterwards', async () => {
    const registry = await start((req, res, url) => {
      if (req.headers.authorization !== basicOf('robot', 's3cret')) {
        return unauthorized(res, 'Basic realm="Registry Realm"');
      }
      return tagsPage(
        res,
        url,
        url.pathname.split('/').slice(2, -2).join('/'),
        TAGS,
      );
    });
    const oci = client([
      { host: registry.host, username: 'robot', password: 's3cret' },
    ]);
    expect(await oci.listTags(image(registry))).toEqual(TAGS);
    // One 401, then three pages with Basic; another repository: Basic at once.
    expect(registry.requests.map(r => !!r.authorization)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    await oci.listTags(image(registry, 'team/api'));
    expect(
      registry.requests
        .slice(4)
        .every(r => r.authorization === basicOf('robot', 's3cret')),
    ).toBe(true);
  });

  it('fetches a Bearer token from the realm with the credentials, caches it until it expires', async () => {
    let issued = 0;
    const auth = await start((req, res, url) => {
      if (req.headers.authorization !== basicOf('robot', 's3cret'))
        return json(res, 401, { details: 'bad creds' });
      issued++;
      return json(res, 200, {
        token: `tok-${issued}|${url.searchParams.get(
          'service',
        )}|${url.searchParams.get('scope')}`,
        expires_in: 300,
      });
    });
    const registry = await start((req, res, url) => {
      const name = url.pathname.split('/').slice(2, -2).join('/');
      if (!req.headers.authorization?.startsWith('Bearer tok-')) {
        return unauthorized(
          res,
          `Bearer realm="${auth.url}/token",service="test-registry",scope="repository:${name}:pull"`,
        );
      }
      return tagsPage(res, url, name, TAGS);
    });
    const oci = client(
      [{ host: registry.host, username: 'robot', password: 's3cret' }],
      { cacheTtlMs: 0 },
    );
    expect(await oci.listTags(image(registry))).toEqual(TAGS);
    expect(auth.requests).toHaveLength(1);
    expect(auth.requests[0].url).toBe(
      '/token?service=test-registry&scope=repository%3Ateam%2Fweb%3Apull',
    );
    expect(registry.requests.slice(1).map(r => r.authorization)).toEqual(
      Array(3).fill('Bearer tok-1|test-registry|repository:team/web:pull'),
    );
    // Tag lists are not cached here (cacheTtlMs 0), the token is: no second token request.
    await oci.listTags(image(registry));
    expect(auth.requests).toHaveLength(1);
    expect(registry.requests).toHaveLength(7);
  });

  it('fetches a new token when the cached one has expired', async () => {
    let issued = 0;
    const auth = await start((_req, res) =>
      json(res, 200, { access_token: `t${++issued}`, expires_in: 1 }),
    );
    const registry = await start((req, res, url) =>
      req.headers.authorization === `Bearer t${issued}`
        ? tagsPage(res, url, 'team/web', ['a'])
        : unauthorized(res, `Bearer realm="${auth.url}/token",service="s"`),
    );
    const oci = client([{ host: registry.host }], { cacheTtlMs: 0 });
    await oci.listTags(image(registry));
    await oci.listTags(image(registry));
    // expires_in 1 s is not reused (App Center renews shortly before expiry).
    expect(auth.requests).toHaveLength(2);
  });

  it('gets an anonymous token when no credentials are configured', async () => {
    const auth = await start((req, res) =>
      json(res, 200, { token: req.headers.authorization ? 'x' : 'anon' }),
    );
    const registry = await start((req, res, url) =>
      req.headers.authorization === 'Bearer anon'
        ? tagsPage(res, url, 'library/nginx', ['1.27'])
        : unauthorized(res, `Bearer realm="${auth.url}/token",service="s"`),
    );
    const oci = client([{ host: registry.host }]);
    expect(await oci.listTags(image(registry, 'library/nginx'))).toEqual([
      '1.27',
    ]);
    expect(auth.requests[0].authorization).toBeUndefined();
  });

  it('refuses an http token realm for an https registry', async () => {
    const calls: string[] = [];
    const oci = new OciRegistryClient({
      registries: [],
      timeoutMs: 1000,
      cacheTtlMs: 0,
      pageSize: 10,
      fetch: (async (url: string) => {
        calls.push(url);
        return new Response('{}', {
          status: 401,
          headers: {
            'WWW-Authenticate': 'Bearer realm="http://auth.example.com/token"',
          },
        });
      }) as typeof fetch,
    });
    await expect(
      oci.listTags(parseRegistryImage('registry.example.com/team/web')),
    ).rejects.toThrow(
      /registry registry.example.com sent a token realm over http/,
    );
    expect(calls).toEqual([
      'https://registry.example.com/v2/team/web/tags/list?n=10',
    ]);
  });

  describe('errors', () => {
    it('says when anonymous access is refused and no credentials are configured (502)', async () => {
      const registry = await start((_req, res) =>
        unauthorized(res, 'Basic realm="r"'),
      );
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error).toBeInstanceOf(RegistryUpstreamError);
      expect(error.statusCode).toBe(502);
      expect(error.message).toBe(
        `registry ${registry.host} requires authentication for team/web (HTTP 401: UNAUTHORIZED: authentication required) and App Center has no credentials for it; add them under appCenter.registries (host ${registry.host})`,
      );
    });

    it('says the credentials were refused (502), without them in the message', async () => {
      const registry = await start((_req, res) =>
        unauthorized(res, 'Basic realm="r"'),
      );
      const error = await client([
        { host: registry.host, username: 'robot', password: 'hunter2' },
      ])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${registry.host} refused App Center's credentials for team/web \\(HTTP 401`,
        ),
      );
      expect(error.message).not.toMatch(/hunter2|robot/);
      expect(registry.requests).toHaveLength(2);
    });

    it('says the token service refused the credentials (502)', async () => {
      const auth = await start((_req, res) =>
        json(res, 401, { details: 'incorrect username or password' }),
      );
      const registry = await start((_req, res) =>
        unauthorized(res, `Bearer realm="${auth.url}/token",service="s"`),
      );
      const error = await client([
        { host: registry.host, username: 'robot', password: 'hunter2' },
      ])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        /^the token service of registry 127\.0\.0\.1:\d+ \(127\.0\.0\.1:\d+\) refused App Center's credentials \(HTTP 401/,
      );
      expect(error.message).not.toContain('hunter2');
    });

    it('maps 404 to "repository not found in registry"', async () => {
      const registry = await start((_req, res) =>
        json(res, 404, {
          errors: [
            {
              code: 'NAME_UNKNOWN',
              message: 'repository name not known to registry',
            },
          ],
        }),
      );
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe(
        `repository team/web not found in registry ${registry.host} (NAME_UNKNOWN: repository name not known to registry)`,
      );
    });

    it('maps a server error to 502 with its message', async () => {
      const registry = await start((_req, res) =>
        json(res, 500, { errors: [{ code: 'UNKNOWN', message: 'disk full' }] }),
      );
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        /^registry 127\.0\.0\.1:\d+ failed on GET tags\/list of team\/web \(HTTP 500\): UNKNOWN: disk full$/,
      );
    });

    it('answers 504 when the registry is too slow', async () => {
      const registry = await start(() => new Promise(() => undefined));
      const error = await client([{ host: registry.host }], { timeoutMs: 200 })
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(504);
      expect(error.message).toBe(
        `registry ${registry.host} did not answer GET tags/list of team/web within 200 ms`,
      );
    });

    it('answers 502 when the registry refuses the connection', async () => {
      const registry = await start(() => undefined);
      await registry.close();
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        /^registry 127\.0\.0\.1:\d+ refused the connection during GET tags\/list/,
      );
    });

    it('does not follow a next page on another origin', async () => {
      const registry = await start((_req, res) =>
        json(
          res,
          200,
          { tags: ['a'] },
          {
            Link: '<https://elsewhere.example.com/v2/x/tags/list?last=a>; rel="next"',
          },
        ),
      );
      await expect(
        client([{ host: registry.host }]).listTags(image(registry)),
      ).rejects.toThrow(
        /pointed the next tags page at another origin \(https:\/\/elsewhere\.example\.com\); not followed/,
      );
    });
  });

  describe('Docker Hub', () => {
    it('lists nginx at registry-1.docker.io/library/nginx with the docker.io credentials', async () => {
      const calls: Array<{ url: string; authorization?: string }> = [];
      const oci = new OciRegistryClient({
        registries: [
          { host: 'docker.io', username: 'me', token: 'pat', insecure: false },
        ],
        timeoutMs: 1000,
        cacheTtlMs: 0,
        pageSize: 100,
        fetch: (async (url: string, init: RequestInit) => {
          const authorization = (init.headers as Record<string, string>)
            .Authorization;
          calls.push({ url, authorization });
          if (url.startsWith('https://auth.example.com/')) {
            return Response.json({ token: 'hub-token', expires_in: 300 });
          }
          if (authorization !== 'Bearer hub-token') {
            return new Response('{}', {
              status: 401,
              headers: {
                'WWW-Authenticate':
                  'Bearer realm="https://auth.example.com/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
              },
            });
          }
          return Response.json({
            name: 'library/nginx',
            tags: ['1.27', 'latest'],
          });
        }) as typeof fetch,
      });
      for (const reference of [
        'nginx',
        'docker.io/nginx:1',
        'index.docker.io/library/nginx',
      ]) {
        expect(await oci.listTags(parseRegistryImage(reference))).toEqual([
          '1.27',
          'latest',
        ]);
      }
      expect(calls[0].url).toBe(
        'https://registry-1.docker.io/v2/library/nginx/tags/list?n=100',
      );
      expect(calls[1]).toEqual({
        url: 'https://auth.example.com/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull',
        authorization: basicOf('me', 'pat'),
      });
      // The token is reused for the other spellings of the same repository.
      expect(
        calls.filter(c => c.url.startsWith('https://auth.example.com/')),
      ).toHaveLength(1);
    });
  });

  describe('tagInfo', () => {
    const blob = (content: unknown) => {
      const text = JSON.stringify(content);
      return {
        text,
        digest: `sha256:${createHash('sha256').update(text).digest('hex')}`,
      };
    };

    it('reads the creation time from the config (or an index child), caches it by digest', async () => {
      const config = blob({ created: '2024-03-01T10:00:00Z', os: 'linux' });
      const manifest = blob({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: config.digest,
          size: 1,
        },
        layers: [],
      });
      const index = blob({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            digest: `sha256:${'a'.repeat(64)}`,
            platform: { os: 'unknown', architecture: 'unknown' },
          },
          {
            digest: manifest.digest,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      });
      const byRef: Record<string, { text: string; digest: string }> = {
        '1.0': manifest,
        multi: index,
        [manifest.digest]: manifest,
        [index.digest]: index,
      };
      const registry = await start((req, res, url) => {
        const m = /^\/v2\/team\/web\/(manifests|blobs)\/(.+)$/.exec(
          url.pathname,
        );
        const ref = decodeURIComponent(m?.[2] ?? '');
        if (m?.[1] === 'blobs' && ref === config.digest)
          return json(res, 200, JSON.parse(config.text));
        const doc = byRef[ref];
        if (!doc)
          return json(res, 404, {
            errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }],
          });
        res.writeHead(200, {
          'Content-Type': JSON.parse(doc.text).mediaType,
          'Docker-Content-Digest': doc.digest,
        });
        return res.end(req.method === 'HEAD' ? undefined : doc.text);
      });
      const oci = client([{ host: registry.host }]);
      expect(await oci.tagInfo(image(registry), '1.0')).toEqual({
        digest: manifest.digest,
        createdAt: '2024-03-01T10:00:00.000Z',
      });
      expect(registry.requests.map(r => `${r.method} ${r.url}`)).toEqual([
        'HEAD /v2/team/web/manifests/1.0',
        `GET /v2/team/web/manifests/${encodeURIComponent(manifest.digest)}`,
        `GET /v2/team/web/blobs/${encodeURIComponent(config.digest)}`,
      ]);
      expect(await oci.tagInfo(image(registry), 'multi')).toEqual({
        digest: index.digest,
        createdAt: '2024-03-01T10:00:00.000Z',
      });
      // The index costs its HEAD and GET; its amd64 child was known by digest already.
      expect(registry.requests).toHaveLength(5);
      await oci.tagInfo(image(registry), '1.0');
      expect(registry.requests).toHaveLength(6);
      await expect(oci.tagInfo(image(registry), 'gone')).rejects.toThrow(
        `tag "gone" of repository team/web not found in registry ${registry.host}`,
      );
    });

    it('follows a blob redirect to another origin without the credentials', async () => {
      const storage = await start((_req, res) =>
        json(res, 200, { created: '2023-01-02T03:04:05Z' }),
      );
      const config = `sha256:${'c'.repeat(64)}`;
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: { digest: config },
        layers: [],
      });
      const registry = await start((req, res, url) => {
        if (req.headers.authorization !== basicOf('u', 'p'))
          return unauthorized(res, 'Basic realm="r"');
        if (url.pathname.includes('/blobs/')) {
          res.writeHead(307, {
            Location: `${storage.url}/bucket/config?sig=1`,
          });
          return res.end();
        }
        res.writeHead(200, {
          'Content-Type':
            'application/vnd.docker.distribution.manifest.v2+json',
        });
        return res.end(req.method === 'HEAD' ? undefined : manifest);
      });
      const info = await client([
        { host: registry.host, username: 'u', password: 'p' },
      ]).tagInfo(image(registry), 'x');
      expect(info.createdAt).toBe('2023-01-02T03:04:05.000Z');
      expect(info.digest).toBe(
        `sha256:${createHash('sha256').update(manifest).digest('hex')}`,
      );
      expect(storage.requests).toEqual([
        {
          method: 'GET',
          url: '/bucket/config?sig=1',
          authorization: undefined,
        },
      ]);
    });
  });
});

describe('parseChallenge', () => {
  it('reads the scheme and quoted or bare parameters', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        scope: 'repository:a/b:pull,push',
      },
    });
    expect(parseChallenge('Basic realm=Registry')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry' },
    });
    expect(parseChallenge(null)).toBeUndefined();
  });
});

describe('parseNextLink', () => {
  it('finds rel="next" among links', () => {
    expect(parseNextLink('</v2/a/tags/list?last=x&n=2>; rel="next"')).toBe(
      '/v2/a/tags/list?last=x&n=2',
    );
    expect(
      parseNextLink(
        '<https://r.example.com/p1>; rel="prev", <https://r.example.com/p3>; rel=next',
      ),
    ).toBe('https://r.example.com/p3');
    expect(parseNextLink('</x>; rel="prev"')).toBeUndefined();
    expect(parseNextLink(null)).toBeUndefined();
  });
});
