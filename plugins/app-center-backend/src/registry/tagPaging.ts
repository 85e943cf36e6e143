import { RegistryUpstreamError } from './errors';
import type { RegistryAuth } from './registryAuth';
import type { Endpoint, RegistryHttp } from './registryHttp';

const MAX_TAG_PAGES = 1000;

/** The `rel="next"` target of a `Link` header, e.g. `</v2/team/app/tags/list?last=x&n=50>; rel="next"`. */
export function parseNextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/s.exec(part);
    if (
      m &&
      /(?:^|;)\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(
        m[2],
      )
    )
      return m[1];
  }
  return undefined;
}

/**
 * Every tag of a repository, through every `tags/list` page the registry links with `rel="next"` (same origin
 * only; a page seen twice ends the list).
 */
export async function fetchAllTags(
  auth: RegistryAuth,
  http: RegistryHttp,
  endpoint: Endpoint,
  repository: string,
  pageSize: number,
): Promise<string[]> {
  const tags = new Set<string>();
  let url = `${endpoint.base}/v2/${repository}/tags/list?n=${pageSize}`;
  const seen = new Set<string>();
  for (let page = 0; page < MAX_TAG_PAGES; page++) {
    seen.add(url);
    const what = { repository, operation: `GET tags/list of ${repository}` };
    const res = await auth.request(
      endpoint,
      repository,
      url,
      'GET',
      ['application/json'],
      what,
    );
    const body = await http.readJson(res, endpoint, what.operation);
    const list = (body as { tags?: unknown })?.tags;
    if (list !== null && list !== undefined && !Array.isArray(list)) {
      throw new RegistryUpstreamError(
        `registry ${endpoint.host} answered ${what.operation} without a tags array`,
        { registry: endpoint.host },
      );
    }
    for (const t of (list ?? []) as unknown[])
      if (typeof t === 'string') tags.add(t);
    const next = parseNextLink(res.headers.get('link'));
    if (!next) return [...tags];
    const nextUrl = new URL(next, url);
    if (nextUrl.origin !== new URL(endpoint.base).origin) {
      throw new RegistryUpstreamError(
        `registry ${endpoint.host} pointed the next tags page at another origin (${nextUrl.origin}); not followed`,
        { registry: endpoint.host },
      );
    }
    url = nextUrl.toString();
    if (seen.has(url)) return [...tags];
  }
  throw new RegistryUpstreamError(
    `registry ${endpoint.host} returned more than ${MAX_TAG_PAGES} pages of tags for ${repository}`,
    { registry: endpoint.host },
  );
}
