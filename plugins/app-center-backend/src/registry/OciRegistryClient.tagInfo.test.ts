import { createHash } from 'node:crypto';
import { parseRegistryImage } from './image';
import { OciRegistryClient } from './OciRegistryClient';
import { basicOf, json } from './__testUtils__/fakeServer';
import {
  unauthorized,
  client,
  image,
  useFakeServers,
} from './__testUtils__/ociFakes';

describe('OciRegistryClient', () => {
  const start = useFakeServers();

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
