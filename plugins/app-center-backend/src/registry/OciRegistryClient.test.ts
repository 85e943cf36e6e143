import { parseRegistryImage } from './image';
import {
  OciRegistryClient,
  parseChallenge,
  parseNextLink,
} from './OciRegistryClient';
import { basicOf, json } from './__testUtils__/fakeServer';
import {
  TAGS,
  tagsPage,
  unauthorized,
  client,
  image,
  useFakeServers,
} from './__testUtils__/ociFakes';

describe('OciRegistryClient', () => {
  const start = useFakeServers();

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
