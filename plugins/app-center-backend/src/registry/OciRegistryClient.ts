import { createHash } from 'node:crypto';
import type { RegistryImage } from '@internal/plugin-app-center-node';
import { RegistryHostConfig } from './config';
import {
  mapRegistryNetworkError,
  mapRegistryStatus,
  registryMessage,
  RegistryUpstreamError,
} from './errors';
import { normalizeRegistryHost } from './image';
import { TtlCache } from './TtlCache';

/** Docker Hub's API host: images without a registry, or on `docker.io`, are served from there. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const INDEX_TYPES = new Set(MANIFEST_TYPES.slice(0, 2));
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
const MAX_TAG_PAGES = 1000;
const MAX_REDIRECTS = 5;

export interface OciRegistryClientOptions {
  /** Credentials per registry host (normalised hosts). */
  registries: RegistryHostConfig[];
  /** Timeout of each registry request, ms. */
  timeoutMs: number;
  /** How long a tag list is reused, ms (0: not cached). */
  cacheTtlMs: number;
  /** `n` asked per tags/list page. */
  pageSize: number;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

/** What a tag points at: the manifest digest, and when the image was created when the registry says. */
export interface OciTagInfo {
  digest: string;
  createdAt?: string;
}

interface Endpoint {
  /** Normalised registry host, as configured and shown in messages. */
  host: string;
  /** `https://host[:port]` (http when insecure): where the /v2 API is. */
  base: string;
  credentials?: RegistryHostConfig;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses the first challenge of a `WWW-Authenticate` header: `Bearer realm="...",service="...",scope="..."`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (let m = re.exec(match[2]); m; m = re.exec(match[2])) {
    params[m[1].toLowerCase()] =
      m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return { scheme: match[1].toLowerCase(), params };
}

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

const basic = (username: string, secret: string) =>
  `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;

/**
 * A client of the OCI distribution API (`/v2/...`) for tag listing: tags with pagination through `Link`,
 * and the manifest and config of a tag for its digest and creation time.
 *
 * Authentication follows the registry's `WWW-Authenticate` challenge: anonymous first (or the credentials
 * already known to work for the host), then Basic with the configured credentials, or a Bearer token fetched
 * from the challenge's realm (with the configured credentials as Basic when there are some, anonymously
 * otherwise) and cached until its `expires_in`. A configured `token` without a username is sent as a Bearer
 * token as is. Credentials go only to their own host and its token realm; redirects to other origins are
 * followed without them.
 */
export class OciRegistryClient {
  private readonly credentials = new Map<string, RegistryHostConfig>();
  private readonly tagLists: TtlCache<Promise<string[]>>;
  /** Bearer tokens by host, realm, service and scope, each until its expiry. */
  private readonly tokens = new TtlCache<string>(60_000, 5000);
  /** The last challenge seen per host, to authenticate up front the next time. */
  private readonly challenges = new Map<string, Challenge>();
  /** Creation times by manifest digest: a digest's content never changes. */
  private readonly manifests = new TtlCache<Promise<{ createdAt?: string }>>(
    24 * 3600_000,
    20_000,
  );
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: OciRegistryClientOptions) {
    for (const r of options.registries) this.credentials.set(r.host, r);
    this.tagLists = new TtlCache(options.cacheTtlMs, 2000);
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Where the API of a (normalised) registry host is, and its credentials. */
  endpoint(host: string): Endpoint {
    const normalized = normalizeRegistryHost(host);
    const credentials = this.credentials.get(normalized);
    const apiHost =
      normalized === 'docker.io' ? DOCKER_HUB_API_HOST : normalized;
    return {
      host: normalized,
      base: `${credentials?.insecure ? 'http' : 'https'}://${apiHost}`,
      credentials,
    };
  }

  /** Every tag of the repository, through every page; cached for the configured time. */
  listTags(image: RegistryImage): Promise<string[]> {
    const endpoint = this.endpoint(image.host);
    const key = `${endpoint.host}/${image.repository}`;
    return this.tagLists.getOrLoad(key, () =>
      this.fetchAllTags(endpoint, image.repository),
    );
  }

  /** Drops cached tag lists (all, or one repository's). */
  invalidate(image?: RegistryImage) {
    if (!image) this.tagLists.clear();
    else
      this.tagLists.delete(
        `${this.endpoint(image.host).host}/${image.repository}`,
      );
  }

  /**
   * The digest of the manifest a tag points at, and the image's creation time: the manifest's
   * `org.opencontainers.image.created` annotation, else the config's `created` (for an index, of its
   * linux/amd64 image or its first). A HEAD request first: a digest seen before costs nothing more.
   */
  async tagInfo(image: RegistryImage, tag: string): Promise<OciTagInfo> {
    const endpoint = this.endpoint(image.host);
    const url = `${endpoint.base}/v2/${
      image.repository
    }/manifests/${encodeURIComponent(tag)}`;
    const what = {
      repository: image.repository,
      tag,
      operation: `HEAD manifest ${tag}`,
    };
    const head = await this.request(
      endpoint,
      image.repository,
      url,
      'HEAD',
      MANIFEST_TYPES,
      what,
    );
    await head.arrayBuffer().catch(() => undefined);
    const digest = head.headers.get('docker-content-digest') ?? undefined;
    if (digest && /^sha256:[a-f0-9]{64}$/.test(digest)) {
      const info = await this.manifests.getOrLoad(digest, () =>
        this.manifestCreated(endpoint, image.repository, digest, 0),
      );
      return { digest, ...info };
    }
    // No digest header: read the manifest by tag and hash it.
    const got = await this.getDocument(
      endpoint,
      image.repository,
      'manifests',
      tag,
      MANIFEST_TYPES,
    );
    const computed = `sha256:${createHash('sha256')
      .update(got.bytes)
      .digest('hex')}`;
    const info = await this.manifests.getOrLoad(computed, () =>
      this.createdFromManifest(
        endpoint,
        image.repository,
        got.json,
        got.contentType,
        0,
      ),
    );
    return { digest: computed, ...info };
  }

  private async fetchAllTags(
    endpoint: Endpoint,
    repository: string,
  ): Promise<string[]> {
    const tags = new Set<string>();
    let url = `${endpoint.base}/v2/${repository}/tags/list?n=${this.options.pageSize}`;
    const seen = new Set<string>();
    for (let page = 0; page < MAX_TAG_PAGES; page++) {
      seen.add(url);
      const what = { repository, operation: `GET tags/list of ${repository}` };
      const res = await this.request(
        endpoint,
        repository,
        url,
        'GET',
        ['application/json'],
        what,
      );
      const body = await this.readJson(res, endpoint, what.operation);
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

  private async manifestCreated(
    endpoint: Endpoint,
    repository: string,
    digest: string,
    depth: number,
  ): Promise<{ createdAt?: string }> {
    const got = await this.getDocument(
      endpoint,
      repository,
      'manifests',
      digest,
      MANIFEST_TYPES,
    );
    return this.createdFromManifest(
      endpoint,
      repository,
      got.json,
      got.contentType,
      depth,
    );
  }

  private async createdFromManifest(
    endpoint: Endpoint,
    repository: string,
    manifest: any,
    contentType: string,
    depth: number,
  ): Promise<{ createdAt?: string }> {
    const annotated = validTime(manifest?.annotations?.[CREATED_ANNOTATION]);
    if (annotated) return { createdAt: annotated };
    const mediaType =
      (manifest?.mediaType as string | undefined) ?? contentType;
    if (INDEX_TYPES.has(mediaType) || Array.isArray(manifest?.manifests)) {
      if (depth > 0) return {};
      const children: any[] = Array.isArray(manifest?.manifests)
        ? manifest.manifests
        : [];
      const child =
        children.find(
          m =>
            m?.platform?.os === 'linux' &&
            m?.platform?.architecture === 'amd64',
        ) ??
        children.find(m => m?.platform?.os && m.platform.os !== 'unknown') ??
        children[0];
      if (typeof child?.digest !== 'string') return {};
      const childDigest: string = child.digest;
      return this.manifests.getOrLoad(childDigest, () =>
        this.manifestCreated(endpoint, repository, childDigest, depth + 1),
      );
    }
    if (manifest?.schemaVersion === 1 && Array.isArray(manifest?.history)) {
      try {
        return {
          createdAt: validTime(
            JSON.parse(manifest.history[0]?.v1Compatibility)?.created,
          ),
        };
      } catch {
        return {};
      }
    }
    const configDigest = manifest?.config?.digest;
    if (typeof configDigest !== 'string') return {};
    const config = await this.getDocument(
      endpoint,
      repository,
      'blobs',
      configDigest,
      [
        'application/vnd.oci.image.config.v1+json',
        'application/vnd.docker.container.image.v1+json',
        'application/json',
        '*/*',
      ],
    );
    return { createdAt: validTime(config.json?.created) };
  }

  private async getDocument(
    endpoint: Endpoint,
    repository: string,
    kind: 'manifests' | 'blobs',
    reference: string,
    accept: string[],
  ): Promise<{ json: any; bytes: Buffer; contentType: string }> {
    const url = `${endpoint.base}/v2/${repository}/${kind}/${encodeURIComponent(
      reference,
    )}`;
    const tag =
      kind === 'manifests' && !reference.includes(':') ? reference : undefined;
    const operation = `GET ${
      kind === 'blobs' ? 'config blob' : 'manifest'
    } ${reference}`;
    const res = await this.request(endpoint, repository, url, 'GET', accept, {
      repository,
      tag,
      operation,
    });
    const bytes = await this.readBytes(res, endpoint, operation);
    let json: any;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new RegistryUpstreamError(
        `registry ${endpoint.host} answered ${operation} with invalid JSON`,
        {
          registry: endpoint.host,
        },
      );
    }
    const contentType = (res.headers.get('content-type') ?? '')
      .split(';')[0]
      .trim();
    return { json, bytes, contentType };
  }

  private async readBytes(
    res: Response,
    endpoint: Endpoint,
    operation: string,
  ): Promise<Buffer> {
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_DOCUMENT_BYTES) {
      await res.body?.cancel().catch(() => undefined);
      throw new RegistryUpstreamError(
        `registry ${endpoint.host} answered ${operation} with ${length} bytes, more than App Center reads`,
        { registry: endpoint.host },
      );
    }
    try {
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.length > MAX_DOCUMENT_BYTES) {
        throw new RegistryUpstreamError(
          `registry ${endpoint.host} answered ${operation} with more than ${MAX_DOCUMENT_BYTES} bytes`,
          { registry: endpoint.host },
        );
      }
      return bytes;
    } catch (error) {
      if (error instanceof RegistryUpstreamError) throw error;
      throw mapRegistryNetworkError(
        endpoint.host,
        error,
        this.options.timeoutMs,
        operation,
      );
    }
  }

  private async readJson(
    res: Response,
    endpoint: Endpoint,
    operation: string,
  ): Promise<unknown> {
    const bytes = await this.readBytes(res, endpoint, operation);
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new RegistryUpstreamError(
        `registry ${endpoint.host} answered ${operation} with invalid JSON`,
        {
          registry: endpoint.host,
        },
      );
    }
  }

  /**
   * One registry request with authentication: the known authorization first, then one retry per
   * challenge (a fresh Bearer token, or Basic). A 401 that persists is a 502 naming the registry.
   */
  private async request(
    endpoint: Endpoint,
    repository: string,
    url: string,
    method: 'GET' | 'HEAD',
    accept: string[],
    what: { repository: string; operation: string; tag?: string },
  ): Promise<Response> {
    const scope = `repository:${repository}:pull`;
    const creds = endpoint.credentials;
    const hasCredentials = !!(creds?.username || creds?.token);
    let authorization = this.knownAuthorization(endpoint, scope);
    let refreshedToken = false;
    let triedBasic = authorization?.startsWith('Basic ') ?? false;
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await this.send(
        endpoint,
        url,
        method,
        accept,
        authorization,
        what.operation,
      );
      if (res.status !== 401) {
        if (res.ok) return res;
        const text = await res.text().catch(() => '');
        throw mapRegistryStatus(endpoint.host, res.status, text, what);
      }
      const text = await res.text().catch(() => '');
      const challenge = parseChallenge(res.headers.get('www-authenticate'));
      if (challenge) this.challenges.set(endpoint.host, challenge);
      if (
        challenge?.scheme === 'bearer' &&
        challenge.params.realm &&
        !refreshedToken &&
        !(creds?.token && !creds.username)
      ) {
        refreshedToken = true;
        // The token sent (if any) was refused or missing: never reuse it.
        this.tokens.delete(this.tokenKey(endpoint, challenge, scope));
        authorization = `Bearer ${await this.fetchToken(
          endpoint,
          challenge,
          scope,
        )}`;
        continue;
      }
      if (challenge?.scheme === 'basic' && hasCredentials && !triedBasic) {
        triedBasic = true;
        authorization = basic(
          creds!.username ?? '',
          creds!.password ?? creds!.token ?? '',
        );
        continue;
      }
      throw this.unauthorized(endpoint, what, text, hasCredentials);
    }
    throw this.unauthorized(endpoint, what, '', hasCredentials);
  }

  private unauthorized(
    endpoint: Endpoint,
    what: { repository: string; operation: string },
    text: string,
    hasCredentials: boolean,
  ): Error {
    const message = text ? registryMessage(text) : 'unauthorized';
    if (!hasCredentials) {
      return new RegistryUpstreamError(
        `registry ${endpoint.host} requires authentication for ${what.repository} (HTTP 401: ${message}) and App Center has no credentials for it; add them under appCenter.registries (host ${endpoint.host})`,
        { registry: endpoint.host, upstreamStatus: 401 },
      );
    }
    return new RegistryUpstreamError(
      `registry ${endpoint.host} refused App Center's credentials for ${what.repository} (HTTP 401: ${message}); check the credentials of host ${endpoint.host} in appCenter.registries`,
      { registry: endpoint.host, upstreamStatus: 401 },
    );
  }

  /** The authorization to send up front: a static token, a cached Bearer token, or Basic once the host asked for it. */
  private knownAuthorization(
    endpoint: Endpoint,
    scope: string,
  ): string | undefined {
    const creds = endpoint.credentials;
    if (creds?.token && !creds.username) return `Bearer ${creds.token}`;
    const challenge = this.challenges.get(endpoint.host);
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      const token = this.tokens.get(this.tokenKey(endpoint, challenge, scope));
      return token ? `Bearer ${token}` : undefined;
    }
    if (challenge?.scheme === 'basic' && creds?.username) {
      return basic(creds.username, creds.password ?? creds.token ?? '');
    }
    return undefined;
  }

  private tokenKey(endpoint: Endpoint, challenge: Challenge, scope: string) {
    return [
      endpoint.host,
      challenge.params.realm,
      challenge.params.service ?? '',
      scope,
    ].join('|');
  }

  /** A Bearer token from the challenge's realm, with the host's credentials as Basic when configured. */
  private async fetchToken(
    endpoint: Endpoint,
    challenge: Challenge,
    scope: string,
  ): Promise<string> {
    const key = this.tokenKey(endpoint, challenge, scope);
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const operation = 'a token request';
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      throw new RegistryUpstreamError(
        `registry ${endpoint.host} sent a token realm that is not a URL`,
        { registry: endpoint.host },
      );
    }
    if (
      realm.protocol !== 'https:' &&
      !(realm.protocol === 'http:' && endpoint.credentials?.insecure)
    ) {
      throw new RegistryUpstreamError(
        `registry ${
          endpoint.host
        } sent a token realm over ${realm.protocol.replace(':', '')} (${
          realm.origin
        }); App Center only uses https realms unless the registry is configured insecure`,
        { registry: endpoint.host },
      );
    }
    if (challenge.params.service)
      realm.searchParams.set('service', challenge.params.service);
    realm.searchParams.set('scope', challenge.params.scope ?? scope);
    const creds = endpoint.credentials;
    const authorization = creds?.username
      ? basic(creds.username, creds.password ?? creds.token ?? '')
      : undefined;
    const res = await this.send(
      endpoint,
      realm.toString(),
      'GET',
      ['application/json'],
      authorization,
      operation,
    );
    const text = await res.text().catch(() => '');
    if (res.status === 401 || res.status === 403) {
      throw new RegistryUpstreamError(
        authorization
          ? `the token service of registry ${endpoint.host} (${
              realm.host
            }) refused App Center's credentials (HTTP ${
              res.status
            }: ${registryMessage(text)}); check the credentials of host ${
              endpoint.host
            } in appCenter.registries`
          : `the token service of registry ${endpoint.host} (${
              realm.host
            }) refused anonymous access (HTTP ${res.status}: ${registryMessage(
              text,
            )}); add credentials under appCenter.registries (host ${
              endpoint.host
            })`,
        { registry: endpoint.host, upstreamStatus: res.status },
      );
    }
    if (!res.ok) {
      throw mapRegistryStatus(
        endpoint.host,
        res.status === 404 ? 502 : res.status,
        text,
        {
          repository: scope,
          operation: `the token request to ${realm.host}`,
        },
      );
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      body = {};
    }
    const token =
      typeof body.token === 'string' && body.token
        ? body.token
        : body.access_token;
    if (typeof token !== 'string' || !token) {
      throw new RegistryUpstreamError(
        `the token service of registry ${endpoint.host} (${realm.host}) answered without a token`,
        { registry: endpoint.host },
      );
    }
    // The distribution spec: 60 s when absent. Reuse until shortly before it expires.
    const expiresIn =
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in
        : 60;
    this.tokens.set(key, token, Math.floor(expiresIn * 1000 * 0.9) - 1000);
    return token;
  }

  /** fetch with a timeout, following redirects by hand: Authorization only to the same origin. */
  private async send(
    endpoint: Endpoint,
    url: string,
    method: 'GET' | 'HEAD',
    accept: string[],
    authorization: string | undefined,
    operation: string,
  ): Promise<Response> {
    let current = url;
    const origin = new URL(url).origin;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers: Record<string, string> = { Accept: accept.join(', ') };
      if (authorization && new URL(current).origin === origin)
        headers.Authorization = authorization;
      let res: Response;
      try {
        res = await this.fetchImpl(current, {
          method,
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        throw mapRegistryNetworkError(
          endpoint.host,
          error,
          this.options.timeoutMs,
          operation,
        );
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => undefined);
        const next = new URL(location, current);
        const downgrade =
          next.protocol === 'http:' && !endpoint.credentials?.insecure;
        if (
          next.protocol !== 'https:' &&
          (next.protocol !== 'http:' || downgrade)
        ) {
          throw new RegistryUpstreamError(
            `registry ${
              endpoint.host
            } redirected ${operation} to ${next.protocol.replace(':', '')}://${
              next.host
            }; not followed`,
            { registry: endpoint.host },
          );
        }
        current = next.toString();
        continue;
      }
      return res;
    }
    throw new RegistryUpstreamError(
      `registry ${endpoint.host} redirected ${operation} too many times`,
      {
        registry: endpoint.host,
      },
    );
  }
}

function validTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const time = Date.parse(value);
  // Reproducible builds often set the epoch: no information about order.
  if (!Number.isFinite(time) || time <= 0) return undefined;
  return new Date(time).toISOString();
}
