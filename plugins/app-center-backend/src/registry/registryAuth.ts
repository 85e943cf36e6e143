import {
  mapRegistryStatus,
  registryMessage,
  RegistryUpstreamError,
} from './errors';
import type { Endpoint, RegistryHttp } from './registryHttp';
import { TtlCache } from './TtlCache';

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

const basic = (username: string, secret: string) =>
  `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;

/**
 * Registry authentication following the registry's `WWW-Authenticate` challenge: anonymous first (or the
 * credentials already known to work for the host), then Basic with the configured credentials, or a Bearer
 * token fetched from the challenge's realm (with the configured credentials as Basic when there are some,
 * anonymously otherwise) and cached until its `expires_in`. A configured `token` without a username is sent as
 * a Bearer token as is. Credentials go only to their own host and its token realm.
 */
export class RegistryAuth {
  /** Bearer tokens by host, realm, service and scope, each until its expiry. */
  private readonly tokens = new TtlCache<string>(60_000, 5000);
  /** The last challenge seen per host, to authenticate up front the next time. */
  private readonly challenges = new Map<string, Challenge>();

  constructor(private readonly http: RegistryHttp) {}

  /**
   * One registry request with authentication: the known authorization first, then one retry per
   * challenge (a fresh Bearer token, or Basic). A 401 that persists is a 502 naming the registry.
   */
  async request(
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
      const res = await this.http.send(
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
    const res = await this.http.send(
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
}
