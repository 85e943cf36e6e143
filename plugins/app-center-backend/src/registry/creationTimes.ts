import { createHash } from 'node:crypto';
import { RegistryUpstreamError } from './errors';
import type { RegistryAuth } from './registryAuth';
import type { Endpoint, RegistryHttp } from './registryHttp';
import { TtlCache } from './TtlCache';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const INDEX_TYPES = new Set(MANIFEST_TYPES.slice(0, 2));
const CREATED_ANNOTATION = 'org.opencontainers.image.created';

/**
 * When an image was created: the manifest's `org.opencontainers.image.created` annotation, else the config's
 * `created` (for an index, of its linux/amd64 image or its first; for a schema 1 manifest, its history).
 * Cached by manifest digest: a digest's content never changes.
 */
export class CreationTimes {
  private readonly manifests = new TtlCache<Promise<{ createdAt?: string }>>(
    24 * 3600_000,
    20_000,
  );

  constructor(
    private readonly auth: RegistryAuth,
    private readonly http: RegistryHttp,
  ) {}

  /** The creation time of the manifest with this digest. */
  ofDigest(
    endpoint: Endpoint,
    repository: string,
    digest: string,
  ): Promise<{ createdAt?: string }> {
    return this.manifests.getOrLoad(digest, () =>
      this.manifestCreated(endpoint, repository, digest, 0),
    );
  }

  /** Reads the manifest a tag points at and hashes it for its digest (a registry that sent no digest header). */
  async ofTag(
    endpoint: Endpoint,
    repository: string,
    tag: string,
  ): Promise<{ digest: string; createdAt?: string }> {
    const got = await this.getDocument(
      endpoint,
      repository,
      'manifests',
      tag,
      MANIFEST_TYPES,
    );
    const digest = `sha256:${createHash('sha256')
      .update(got.bytes)
      .digest('hex')}`;
    const info = await this.manifests.getOrLoad(digest, () =>
      this.createdFromManifest(
        endpoint,
        repository,
        got.json,
        got.contentType,
        0,
      ),
    );
    return { digest, ...info };
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
    const res = await this.auth.request(
      endpoint,
      repository,
      url,
      'GET',
      accept,
      {
        repository,
        tag,
        operation,
      },
    );
    const bytes = await this.http.readBytes(res, endpoint, operation);
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
}

function validTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const time = Date.parse(value);
  // Reproducible builds often set the epoch: no information about order.
  if (!Number.isFinite(time) || time <= 0) return undefined;
  return new Date(time).toISOString();
}
