import type { RegistryImage } from '@internal/plugin-app-center-node';
import { RegistryHostConfig } from './config';
import { CreationTimes, MANIFEST_TYPES } from './creationTimes';
import { normalizeRegistryHost } from './image';
import { RegistryAuth } from './registryAuth';
import { Endpoint, RegistryHttp } from './registryHttp';
import { fetchAllTags } from './tagPaging';
import { TtlCache } from './TtlCache';

export { parseChallenge } from './registryAuth';
export { parseNextLink } from './tagPaging';

/** Docker Hub's API host: images without a registry, or on `docker.io`, are served from there. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

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

/**
 * A client of the OCI distribution API (`/v2/...`) for tag listing: tags with pagination through `Link`
 * (`tagPaging.ts`), and the manifest and config of a tag for its digest and creation time
 * (`creationTimes.ts`). Authentication follows the registry's challenge (`registryAuth.ts`); HTTP, redirects
 * and body limits are `registryHttp.ts`'s.
 */
export class OciRegistryClient {
  private readonly credentials = new Map<string, RegistryHostConfig>();
  private readonly tagLists: TtlCache<Promise<string[]>>;
  private readonly http: RegistryHttp;
  private readonly auth: RegistryAuth;
  private readonly created: CreationTimes;

  constructor(private readonly options: OciRegistryClientOptions) {
    for (const r of options.registries) this.credentials.set(r.host, r);
    this.tagLists = new TtlCache(options.cacheTtlMs, 2000);
    this.http = new RegistryHttp(options.fetch ?? fetch, options.timeoutMs);
    this.auth = new RegistryAuth(this.http);
    this.created = new CreationTimes(this.auth, this.http);
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
      fetchAllTags(
        this.auth,
        this.http,
        endpoint,
        image.repository,
        this.options.pageSize,
      ),
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
   * The digest of the manifest a tag points at, and the image's creation time (see `creationTimes.ts`).
   * A HEAD request first: a digest seen before costs nothing more.
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
    const head = await this.auth.request(
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
      const info = await this.created.ofDigest(
        endpoint,
        image.repository,
        digest,
      );
      return { digest, ...info };
    }
    // No digest header: read the manifest by tag and hash it.
    return this.created.ofTag(endpoint, image.repository, tag);
  }
}
