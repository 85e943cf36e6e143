import type { ServerResponse } from 'node:http';
import type { RequestContext, Router } from '../http/router.ts';
import type { RegistryRepository } from './catalog.ts';

/** An error as the distribution spec writes it: `{errors: [{code, message, detail}]}`. */
function registryError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  head: boolean,
): undefined {
  const body = JSON.stringify({ errors: [{ code, message, detail: {} }] });
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Docker-Distribution-API-Version': 'registry/2.0',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
  return undefined;
}

/** Longest repository name (in path segments) the routes accept, e.g. `team/group/app`. */
const MAX_NAME_SEGMENTS = 4;

function nameTemplates(): string[] {
  const out: string[] = [];
  for (let n = 1; n <= MAX_NAME_SEGMENTS; n++)
    out.push(Array.from({ length: n }, (_, i) => `{n${i}}`).join('/'));
  return out;
}

function repositoryName(params: Record<string, string>): string {
  const parts: string[] = [];
  for (let i = 0; params[`n${i}`] !== undefined; i++)
    parts.push(params[`n${i}`]);
  return parts.join('/');
}

/**
 * The pull side of the OCI distribution API, anonymous, as a registry serves it: `/v2/` (version check),
 * `tags/list` (with `n`/`last` paging and a `Link` header), manifests and blobs by tag or digest, with
 * `Docker-Content-Digest`, GET and HEAD.
 */
export function registerRegistryRoutes(
  r: Router,
  catalog: Map<string, RegistryRepository>,
): void {
  const base = (ctx: RequestContext) => {
    ctx.res.writeHead(200, {
      'Content-Type': 'application/json',
      'Docker-Distribution-API-Version': 'registry/2.0',
    });
    ctx.res.end(ctx.method === 'HEAD' ? undefined : '{}');
    return undefined;
  };
  r.get('/v2', base);
  r.add('HEAD', '/v2', base);

  for (const name of nameTemplates()) {
    r.get(`/v2/${name}/tags/list`, ({ params, query, res }) => {
      const repository = repositoryName(params);
      const repo = catalog.get(repository);
      if (!repo)
        return registryError(
          res,
          404,
          'NAME_UNKNOWN',
          'repository name not known to registry',
          false,
        );
      const all = [...repo.tags.keys()].sort();
      const last = query.get('last');
      const after = last ? all.filter(t => t > last) : all;
      const n = Number(query.get('n') ?? '');
      const page = Number.isInteger(n) && n > 0 ? after.slice(0, n) : after;
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'Docker-Distribution-API-Version': 'registry/2.0',
      };
      if (page.length < after.length)
        headers.Link = `</v2/${repository}/tags/list?n=${n}&last=${encodeURIComponent(
          page[page.length - 1],
        )}>; rel="next"`;
      res.writeHead(200, headers);
      res.end(JSON.stringify({ name: repository, tags: page }));
      return undefined;
    });

    for (const kind of ['manifests', 'blobs'] as const) {
      const serve = (ctx: RequestContext) => {
        const head = ctx.method === 'HEAD';
        const repository = repositoryName(ctx.params);
        const repo = catalog.get(repository);
        if (!repo)
          return registryError(
            ctx.res,
            404,
            'NAME_UNKNOWN',
            'repository name not known to registry',
            head,
          );
        const reference = ctx.params.reference;
        const digest =
          kind === 'manifests' && !reference.startsWith('sha256:')
            ? repo.tags.get(reference)
            : reference;
        const doc = digest ? repo.documents.get(digest) : undefined;
        const isManifest = doc?.mediaType.includes('manifest');
        if (!doc || (kind === 'manifests') !== isManifest)
          return kind === 'manifests'
            ? registryError(
                ctx.res,
                404,
                'MANIFEST_UNKNOWN',
                'manifest unknown',
                head,
              )
            : registryError(
                ctx.res,
                404,
                'BLOB_UNKNOWN',
                'blob unknown to registry',
                head,
              );
        ctx.res.writeHead(200, {
          'Content-Type': doc.mediaType,
          'Content-Length': doc.bytes.length,
          'Docker-Content-Digest': doc.digest,
          'Docker-Distribution-API-Version': 'registry/2.0',
          ETag: `"${doc.digest}"`,
        });
        ctx.res.end(head ? undefined : doc.bytes);
        return undefined;
      };
      r.get(`/v2/${name}/${kind}/{reference}`, serve);
      r.add('HEAD', `/v2/${name}/${kind}/{reference}`, serve);
    }
  }
}
