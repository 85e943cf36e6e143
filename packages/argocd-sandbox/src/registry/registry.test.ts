import { createHash } from 'node:crypto';
import { exampleRepoFiles } from '../example.ts';
import type { Harness } from '../testing/harness.ts';
import { startHarness } from '../testing/harness.ts';
import { EXAMPLE_IMAGES } from './catalog.ts';

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

describe('OCI distribution API of the sandbox', () => {
  let h: Harness;
  const get = (p: string, init: RequestInit = {}) =>
    fetch(`${h.sandbox.url}${p}`, init);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers the version check and lists the example tags, a -bad one among them, anonymously', async () => {
    const base = await get('/v2/');
    expect(base.status).toBe(200);
    expect(base.headers.get('docker-distribution-api-version')).toBe(
      'registry/2.0',
    );
    const list = await get('/v2/shop/web/tags/list');
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.name).toBe('shop/web');
    expect(body.tags).toEqual([...EXAMPLE_IMAGES['shop/web']].sort());
    expect(body.tags.some((t: string) => t.includes('bad'))).toBe(true);
  });

  it('pages tags with n and last, linking the next page', async () => {
    const first = await get('/v2/shop/web/tags/list?n=2');
    expect((await first.json()).tags).toEqual(['1.0.0', '1.1.0']);
    const link = first.headers.get('link')!;
    expect(link).toBe('</v2/shop/web/tags/list?n=2&last=1.1.0>; rel="next"');
    const next = await get(/<([^>]+)>/.exec(link)![1]);
    expect((await next.json()).tags).toEqual(['1.2.0', '1.2.1-crash']);
    const lastPage = await get('/v2/shop/web/tags/list?n=2&last=1.2.1-crash');
    expect(lastPage.headers.get('link')).toBeNull();
    expect((await lastPage.json()).tags).toEqual(['1.3.0-bad']);
  });

  it('serves manifests by tag and digest (GET and HEAD) and config blobs with creation times', async () => {
    const head = await get('/v2/shop/api/manifests/1.1.0', { method: 'HEAD' });
    expect(head.status).toBe(200);
    const digest = head.headers.get('docker-content-digest')!;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    const byTag = await get('/v2/shop/api/manifests/1.1.0', {
      headers: { Accept: MANIFEST },
    });
    expect(byTag.headers.get('content-type')).toBe(MANIFEST);
    const bytes = Buffer.from(await byTag.arrayBuffer());
    expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(
      digest,
    );
    const byDigest = await get(`/v2/shop/api/manifests/${digest}`);
    expect(Buffer.from(await byDigest.arrayBuffer())).toEqual(bytes);
    const manifest = JSON.parse(bytes.toString('utf8'));
    const config = await (
      await get(`/v2/shop/api/blobs/${manifest.config.digest}`)
    ).json();
    expect(config.created).toBe('2026-09-08T09:30:00.000Z');
    const older = await (
      await get(
        `/v2/shop/api/blobs/${
          (
            await (await get('/v2/shop/api/manifests/1.0.0')).json()
          ).config.digest
        }`,
      )
    ).json();
    expect(Date.parse(older.created)).toBeLessThan(Date.parse(config.created));
  });

  it('answers unknown names, tags and blobs with the distribution error codes', async () => {
    const name = await get('/v2/shop/nothing/tags/list');
    expect(name.status).toBe(404);
    expect((await name.json()).errors[0].code).toBe('NAME_UNKNOWN');
    const tag = await get('/v2/shop/web/manifests/9.9.9');
    expect((await tag.json()).errors[0].code).toBe('MANIFEST_UNKNOWN');
    const blob = await get(`/v2/shop/web/blobs/sha256:${'0'.repeat(64)}`);
    expect((await blob.json()).errors[0].code).toBe('BLOB_UNKNOWN');
  });

  it('is where the example repository’s images are', () => {
    const files = exampleRepoFiles(h.sandbox.registryHost);
    expect(files['shop/envs/dev/web/deployment.yaml']).toContain(
      `image: ${h.sandbox.registryHost}/shop/web:1.0.0`,
    );
    expect(h.sandbox.registryHost).toBe(new URL(h.sandbox.url).host);
  });
});
