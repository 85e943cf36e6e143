import http from 'node:http';
import { RegistryHostConfig } from '../config';
import { parseRegistryImage } from '../image';
import { OciRegistryClient } from '../OciRegistryClient';
import { json, startFakeServer } from './fakeServer';

export type Fake = Awaited<ReturnType<typeof startFakeServer>>;

export const TAGS = Array.from({ length: 7 }, (_, i) => `v${i + 1}`);

/** A tags/list that pages with `n` and `last` and a relative `Link`, as distribution v3 does. */
export function tagsPage(
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

export const unauthorized = (res: http.ServerResponse, challenge: string) =>
  json(
    res,
    401,
    { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
    { 'WWW-Authenticate': challenge },
  );

export const client = (
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

export const image = (fake: Fake, path = 'team/web') =>
  parseRegistryImage(`${fake.host}/${path}:1.0`);

/** Starts fake registries for the enclosing describe block and closes them after each test. */
export function useFakeServers() {
  const fakes: Fake[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map(f => f.close()));
  });
  return async (handler: Parameters<typeof startFakeServer>[0]) => {
    const fake = await startFakeServer(handler);
    fakes.push(fake);
    return fake;
  };
}
