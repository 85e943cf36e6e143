import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { GitIdentity } from './types';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 1000;

/** A name safe for a commit header: no angle brackets or line breaks, not empty. */
function cleanName(name: string | undefined): string | undefined {
  const clean = name?.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
  return clean || undefined;
}

function cleanEmail(email: string | undefined): string | undefined {
  const clean = email?.trim();
  return clean && /^[^\s<>@]+@[^\s<>@]+$/.test(clean) ? clean : undefined;
}

/** The author of a user the catalog does not know: the ref's name and a no-reply address. */
export const AuthorFallback = {
  of(userEntityRef: string): GitIdentity {
    let name = userEntityRef;
    let namespace = 'default';
    try {
      const ref = parseEntityRef(userEntityRef);
      name = ref.name;
      namespace = ref.namespace;
    } catch {
      // keep the raw ref
    }
    const local = `${namespace === 'default' ? '' : `${namespace}.`}${name}`
      .toLocaleLowerCase('en-US')
      .replace(/[^a-z0-9._-]/g, '-');
    return {
      name: cleanName(name) ?? 'unknown',
      email: `${local || 'unknown'}@users.noreply.invalid`,
    };
  },
};

/**
 * The commit author for a Backstage user: name and e-mail from the catalog User entity
 * (`spec.profile.displayName` / `metadata.title` / `metadata.name`, `spec.profile.email`), read with the
 * caller's own credentials (the service's when those are refused). A user without a catalog entity, or
 * an unreachable catalog, falls back to the ref's name and a no-reply address: a write never fails
 * because of the author. Answers are cached for a few minutes.
 */
export class CommitAuthors {
  private readonly cache = new Map<
    string,
    { identity: GitIdentity; expires: number }
  >();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger?: LoggerService;
      now?: () => number;
    },
  ) {}

  async authorOf(
    userEntityRef: string,
    credentials: BackstageCredentials,
  ): Promise<GitIdentity> {
    const now = this.deps.now?.() ?? Date.now();
    const hit = this.cache.get(userEntityRef);
    if (hit && hit.expires > now) return hit.identity;
    const identity = await this.lookup(userEntityRef, credentials);
    this.cache.delete(userEntityRef);
    this.cache.set(userEntityRef, { identity, expires: now + TTL_MS });
    if (this.cache.size > MAX_ENTRIES)
      this.cache.delete(this.cache.keys().next().value!);
    return identity;
  }

  private async lookup(
    userEntityRef: string,
    credentials: BackstageCredentials,
  ): Promise<GitIdentity> {
    const fallback = AuthorFallback.of(userEntityRef);
    let entity;
    try {
      entity = await this.deps.catalog
        .getEntityByRef(userEntityRef, { credentials })
        .catch(async () =>
          this.deps.catalog.getEntityByRef(userEntityRef, {
            credentials: await this.deps.auth.getOwnServiceCredentials(),
          }),
        );
    } catch (error) {
      this.deps.logger?.warn(
        `could not read ${userEntityRef} from the catalog for a commit author, using ${fallback.email}: ${error}`,
      );
      return fallback;
    }
    if (!entity) return fallback;
    const profile = (entity.spec?.profile ?? {}) as {
      displayName?: string;
      email?: string;
    };
    return {
      name:
        cleanName(profile.displayName) ??
        cleanName(entity.metadata.title) ??
        fallback.name,
      email: cleanEmail(profile.email) ?? fallback.email,
    };
  }
}
