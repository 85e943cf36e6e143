import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  RegistryImage,
  RegistryProvider,
  RegistryTag,
  TagLabels,
} from '@internal/plugin-app-center-node';
import { RegistryConfig } from './config';
import { RegistryUpstreamError } from './errors';
import { AddressLookup, RegistryHostPolicy } from './hostPolicy';
import { parseRegistryImage } from './image';
import { OciRegistryClient } from './OciRegistryClient';
import type { ProjectRegistries } from './projectRegistries';
import type { Caller } from '../domain/Caller';
import { compareNewestLooking } from './tagOrder';
import { mapWithConcurrency, TtlCache } from './TtlCache';

/** One tag as the API answers it. */
export interface ImageTag {
  tag: string;
  digest?: string;
  createdAt?: string;
  labels?: string[];
  publishable: boolean;
  reason?: string;
}

/**
 * How the listing was ordered:
 * - `created`: by creation time for every tag (the provider knows it for all of them);
 * - `created-window`: the `createdResolved` newest-looking tags (by name) got their creation time from the
 *   registry and come first, newest first; the others follow by name, newest-looking first;
 * - `name`: by name only, newest-looking first (no creation time available).
 */
export interface TagOrder {
  by: 'created' | 'created-window' | 'name';
  createdResolved: number;
  description: string;
}

export interface ImageTagPage {
  /** The repository, `host/path` (Docker Hub as docker.io/library/...). */
  repository: string;
  /** Who listed the tags: `oci` (the registry's distribution API) or a provider's id. */
  source: string;
  items: ImageTag[];
  /** Opaque; pass it back as `cursor` for the next page. */
  nextCursor?: string;
  /** Tags in the whole listing (after the filter). */
  total: number;
  order: TagOrder;
}

interface Ordered {
  source: string;
  tags: RegistryTag[];
  order: TagOrder;
}

interface Cursor {
  /** Offset of the next page. */
  o: number;
  /** The creation-time window the listing was ordered with (fixed by the first page). */
  w: number;
  /** The filter of the first page. */
  q: string;
}

const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Number.isInteger(c?.o) &&
      c.o >= 0 &&
      Number.isInteger(c?.w) &&
      c.w >= 0 &&
      typeof c?.q === 'string'
    ) {
      return c;
    }
  } catch {
    // fall through
  }
  throw new InputError(
    'cursor is not one this API returned; start again without it',
  );
}

/**
 * Registry tags for the portal and the deploy engine: providers added through the
 * `appCenterRegistryExtensionPoint` first, the OCI distribution API as the fallback.
 *
 * Listing (`listTags`): every tag of the repository (cached briefly), ordered newest first. The OCI API
 * has no times in its tag list and a creation time costs a manifest and a config request per tag, so only
 * the first page's worth of newest-looking tags (by name, at most `maxCreatedLookups`) get their creation
 * time, with bounded concurrency and cached by digest; they lead the listing in creation order and the
 * response says so (`order`). Providers that list times (Harbor) order everything by time.
 */
export class RegistryService {
  private readonly oci: OciRegistryClient;
  /** Ordered listings by source, repository, filter and window. */
  private readonly listings: TtlCache<Promise<Ordered>>;
  /** Provider decorations by provider, repository and tag. */
  private readonly decorations: TtlCache<Promise<TagLabels | undefined>>;
  private readonly hosts: RegistryHostPolicy;

  constructor(
    private readonly options: {
      config: RegistryConfig;
      providers: RegistryProvider[];
      logger: LoggerService;
      /** For tests: a client to use instead of one built from the config. */
      oci?: OciRegistryClient;
      /** The registries of a caller's images: the hosts beyond the configured ones a caller may look up. */
      projectRegistries?: ProjectRegistries;
      /** For tests: how host names resolve (default: the system resolver). */
      lookup?: AddressLookup;
    },
  ) {
    const { tags, registries } = options.config;
    this.oci =
      options.oci ??
      new OciRegistryClient({
        registries,
        timeoutMs: tags.timeoutMs,
        cacheTtlMs: tags.cacheTtlMs,
        pageSize: tags.registryPageSize,
      });
    this.listings = new TtlCache(tags.cacheTtlMs, 500);
    this.decorations = new TtlCache(tags.cacheTtlMs, 10_000);
    const configured = new Set(registries.map(r => r.host));
    this.hosts = new RegistryHostPolicy({
      isConfigured: host =>
        configured.has(host) || this.matching({ host }).length > 0,
      onlyConfigured: tags.onlyConfiguredRegistries,
      lookup: options.lookup,
    });
  }

  /**
   * A page of the image repository's tags, newest first. `image` is an image reference (its tag and digest
   * are ignored); `limit` 1..100 (default 50); `cursor` from the previous page; `query` keeps tags that
   * contain it. Bad input throws InputError before any registry is asked. A registry that is not configured is
   * only asked when it is a registry of the caller's images (`projectRegistries`) and public (see
   * {@link RegistryHostPolicy}), and its network failures are answered without their low-level cause.
   */
  async listTags(
    reference: string,
    options: {
      limit?: number;
      cursor?: string;
      query?: string;
      /** Who asks: the registries of their projects' images may be looked up too. */
      caller?: Caller;
    } = {},
  ): Promise<ImageTagPage> {
    const image = parseRegistryImage(reference);
    const limit = options.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new InputError('limit must be an integer from 1 to 100');
    }
    const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
    const query = (options.query ?? '').trim();
    if (cursor && cursor.q !== query) {
      throw new InputError(
        'cursor belongs to a listing with another filter; start again without it',
      );
    }
    const { caller } = options;
    const projectRegistries = this.options.projectRegistries;
    await this.hosts.check(image.host, async () =>
      caller && projectRegistries ? projectRegistries(caller) : [],
    );
    const window = cursor
      ? cursor.w
      : Math.min(limit, this.options.config.tags.maxCreatedLookups);
    const ordered = await this.ordered(image, query, window).catch(error => {
      throw this.hosts.isConfigured(image.host)
        ? error
        : withoutNetworkDetail(image.host, error);
    });
    const offset = cursor?.o ?? 0;
    const slice = ordered.tags.slice(offset, offset + limit);
    const items = await this.decorate(image, slice, ordered.source);
    const end = offset + slice.length;
    return {
      repository: `${image.host}/${image.repository}`,
      source: ordered.source,
      items,
      nextCursor:
        end < ordered.tags.length
          ? encodeCursor({ o: end, w: window, q: query })
          : undefined,
      total: ordered.tags.length,
      order: ordered.order,
    };
  }

  /**
   * Whether a tag of an image may be deployed: every matching provider with `tagLabels` is asked (the
   * OCI default has no such notion: without a provider a tag is publishable). For the deploy engine, which
   * must refuse unpublishable tags in the backend too. Provider failures are thrown (fail closed).
   */
  async isTagPublishable(reference: string, tag: string): Promise<TagLabels> {
    const image = parseRegistryImage(reference);
    if (!/^[\w][\w.-]{0,127}$/.test(tag))
      throw new InputError(`invalid image tag "${tag}"`);
    const decorators = this.matching(image).filter(p => p.tagLabels);
    const results = await Promise.all(
      decorators.map(p => this.providerCall(p, () => p.tagLabels!(image, tag))),
    );
    return combine(results);
  }

  private matching(image: Pick<RegistryImage, 'host'>): RegistryProvider[] {
    return this.options.providers.filter(p => {
      try {
        return p.matches(image.host);
      } catch {
        return false;
      }
    });
  }

  private ordered(
    image: RegistryImage,
    query: string,
    window: number,
  ): Promise<Ordered> {
    const lister = this.matching(image).find(p => p.listTags);
    const source = lister?.id ?? 'oci';
    // A provider's listing does not depend on the window.
    const key = [
      source,
      image.host,
      image.repository,
      query,
      lister ? '' : window,
    ].join('\n');
    return this.listings.getOrLoad(key, async () => {
      if (lister) {
        const tags = await this.providerCall(lister, () =>
          lister.listTags!(image),
        );
        return { source, ...orderByTime(filterTags(tags, query)) };
      }
      return { source, ...(await this.orderOci(image, query, window)) };
    });
  }

  private async orderOci(image: RegistryImage, query: string, window: number) {
    const names = filterTags(
      (await this.oci.listTags(image)).map(tag => ({ tag })),
      query,
    ).sort((a, b) => compareNewestLooking(a.tag, b.tag));
    const head = names.slice(0, window);
    let failed = 0;
    const resolved = await mapWithConcurrency(
      head,
      this.options.config.tags.lookupConcurrency,
      async ({ tag }): Promise<RegistryTag> => {
        try {
          return { tag, ...(await this.oci.tagInfo(image, tag)) };
        } catch (error) {
          // One tag without a time (deleted meanwhile, an unknown manifest) does not fail the listing.
          failed++;
          this.options.logger.warn(
            `app-center registry: no creation time for ${image.host}/${
              image.repository
            }:${tag}: ${(error as Error).message}`,
          );
          return { tag };
        }
      },
    );
    const timed = resolved.filter(t => t.createdAt).length;
    const sortedHead = [...resolved].sort(byTimeThenName);
    const tags = [...sortedHead, ...names.slice(head.length)];
    const unresolved = failed ? `; ${failed} of them could not be read` : '';
    const order: TagOrder =
      timed === 0
        ? {
            by: 'name',
            createdResolved: 0,
            description: `ordered by name, newest-looking first: the registry gave no creation time${
              head.length
                ? ` for the first ${head.length} tags${unresolved}`
                : ''
            }`,
          }
        : {
            by: 'created-window',
            createdResolved: timed,
            description: `the ${
              head.length
            } newest-looking tags (by name) were looked up in the registry and come first, ordered by creation time (known for ${timed}${unresolved}); the remaining ${
              names.length - head.length
            } follow by name, newest-looking first`,
          };
    return { tags, order };
  }

  private async decorate(
    image: RegistryImage,
    tags: RegistryTag[],
    source: string,
  ): Promise<ImageTag[]> {
    const decorators = this.matching(image).filter(p => p.tagLabels);
    return mapWithConcurrency(
      tags,
      this.options.config.tags.lookupConcurrency,
      async t => {
        const listed: TagLabels | undefined =
          t.publishable !== undefined || t.labels
            ? {
                publishable: t.publishable ?? true,
                reason: t.reason,
                labels: t.labels,
              }
            : undefined;
        // The provider that listed the tag with its publishability is not asked again.
        const askers = decorators.filter(
          p => !(p.id === source && t.publishable !== undefined),
        );
        const decorations = await Promise.all(
          askers.map(p =>
            this.decorations.getOrLoad(
              `${p.id}\n${image.host}/${image.repository}\n${t.tag}`,
              () => this.providerCall(p, () => p.tagLabels!(image, t.tag)),
            ),
          ),
        );
        const merged = combine([listed, ...decorations]);
        return {
          tag: t.tag,
          ...(t.digest ? { digest: t.digest } : {}),
          ...(t.createdAt ? { createdAt: t.createdAt } : {}),
          ...(merged.labels?.length ? { labels: merged.labels } : {}),
          publishable: merged.publishable,
          ...(merged.reason ? { reason: merged.reason } : {}),
        };
      },
    );
  }

  /** Runs a provider call; errors without an HTTP status become a 502 naming the provider. */
  private async providerCall<T>(
    provider: RegistryProvider,
    call: () => Promise<T>,
  ): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const e = error as {
        statusCode?: unknown;
        name?: string;
        message?: string;
      };
      const known = [
        'InputError',
        'NotFoundError',
        'NotAllowedError',
        'ConflictError',
      ];
      if (typeof e?.statusCode === 'number' || known.includes(e?.name ?? ''))
        throw error;
      throw new RegistryUpstreamError(
        `registry provider ${provider.id} failed: ${
          e?.message ?? String(error)
        }`,
        { registry: provider.id },
      );
    }
  }
}

function filterTags<T extends { tag: string }>(tags: T[], query: string): T[] {
  const seen = new Set<string>();
  const q = query.toLowerCase();
  return tags.filter(t => {
    if (typeof t?.tag !== 'string' || seen.has(t.tag)) return false;
    seen.add(t.tag);
    return !q || t.tag.toLowerCase().includes(q);
  });
}

function byTimeThenName(a: RegistryTag, b: RegistryTag): number {
  const ta = a.createdAt ? Date.parse(a.createdAt) : NaN;
  const tb = b.createdAt ? Date.parse(b.createdAt) : NaN;
  const ka = Number.isFinite(ta);
  const kb = Number.isFinite(tb);
  if (ka && kb && ta !== tb) return tb - ta;
  if (ka !== kb) return ka ? -1 : 1;
  return compareNewestLooking(a.tag, b.tag);
}

function orderByTime(tags: RegistryTag[]): {
  tags: RegistryTag[];
  order: TagOrder;
} {
  const sorted = [...tags].sort(byTimeThenName);
  const timed = tags.filter(
    t => t.createdAt && Number.isFinite(Date.parse(t.createdAt)),
  ).length;
  if (timed === tags.length) {
    return {
      tags: sorted,
      order: {
        by: 'created',
        createdResolved: timed,
        description: 'ordered by creation time, newest first',
      },
    };
  }
  return {
    tags: sorted,
    order: {
      by: timed ? 'created-window' : 'name',
      createdResolved: timed,
      description: timed
        ? `the ${timed} tags with a creation time come first, newest first; the other ${
            tags.length - timed
          } follow by name, newest-looking first`
        : 'ordered by name, newest-looking first: the registry gave no creation time',
    },
  };
}

/** Publishable only when no one says otherwise; reasons joined, labels merged. */
function combine(results: Array<TagLabels | undefined>): TagLabels {
  const refusals = results.filter(
    (r): r is TagLabels => !!r && r.publishable === false,
  );
  const labels = [...new Set(results.flatMap(r => r?.labels ?? []))];
  return {
    publishable: refusals.length === 0,
    ...(refusals.length
      ? {
          reason: refusals
            .map(r => r.reason || 'marked unpublishable by the registry')
            .join('; '),
        }
      : {}),
    labels,
  };
}

/**
 * For a host nobody configured, a failure without an HTTP answer (refused, reset, timed out, TLS) says only
 * that the registry could not be reached: its low-level cause would tell open ports from closed ones.
 */
function withoutNetworkDetail(host: string, error: unknown): unknown {
  if (
    error instanceof RegistryUpstreamError &&
    error.upstreamStatus === undefined
  )
    return new RegistryUpstreamError(
      `registry ${host} could not be reached or did not answer as a registry`,
      { registry: host },
    );
  return error;
}
