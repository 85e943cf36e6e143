import { timeUpstream } from '../metrics';
import { mapRegistryNetworkError, RegistryUpstreamError } from './errors';
import type { RegistryHostConfig } from './config';

const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** Where a registry's API is. */
export interface Endpoint {
  /** Normalised registry host, as configured and shown in messages. */
  host: string;
  /** `https://host[:port]` (http when insecure): where the /v2 API is. */
  base: string;
  credentials?: RegistryHostConfig;
}

/**
 * HTTP to a registry: each request with a timeout, redirects followed by hand (the Authorization header only to
 * the same origin, never downgraded to http unless the registry is configured insecure), and bodies read with
 * a size limit. Network failures become messages naming the registry and the operation.
 */
export class RegistryHttp {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  /**
   * fetch with a timeout, following redirects by hand: Authorization only to the same origin. Counted as a
   * failed upstream call when it throws or answers 4xx/5xx other than 401 (the authentication challenge).
   */
  async send(
    endpoint: Endpoint,
    url: string,
    method: 'GET' | 'HEAD',
    accept: string[],
    authorization: string | undefined,
    operation: string,
  ): Promise<Response> {
    return timeUpstream(
      'registry',
      endpoint.host,
      () =>
        this.sendFollowingRedirects(
          endpoint,
          url,
          method,
          accept,
          authorization,
          operation,
        ),
      res => res.status >= 400 && res.status !== 401,
    );
  }

  private async sendFollowingRedirects(
    ...[endpoint, url, method, accept, authorization, operation]: Parameters<
      RegistryHttp['send']
    >
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
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        throw mapRegistryNetworkError(
          endpoint.host,
          error,
          this.timeoutMs,
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

  async readBytes(
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
        this.timeoutMs,
        operation,
      );
    }
  }

  async readJson(
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
}
