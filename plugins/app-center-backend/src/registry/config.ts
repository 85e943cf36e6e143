import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { normalizeRegistryHost } from './image';

/** Credentials and transport of one registry host (`appCenter.registries[]`). */
export interface RegistryHostConfig {
  /** Normalised host (see normalizeRegistryHost), with the port when not the default. */
  host: string;
  username?: string;
  password?: string;
  token?: string;
  /** Plain http instead of https (and an http token realm is then accepted). */
  insecure: boolean;
}

/** Tuning of tag listing (`appCenter.registryTags`). */
export interface RegistryTagsConfig {
  /** How long a tag list (and an ordered listing) is reused, ms. Default 30 s. */
  cacheTtlMs: number;
  /** Timeout of one registry request, ms. Default 10 s. */
  timeoutMs: number;
  /** `n` asked of the registry per tags/list page. Default 1000. */
  registryPageSize: number;
  /** At most this many tags get their creation time looked up per listing (the first page). Default 100. */
  maxCreatedLookups: number;
  /** Manifest/config requests in flight at once per listing. Default 4. */
  lookupConcurrency: number;
  /** Only registries listed in appCenter.registries (or handled by a provider) may be queried. Default false. */
  onlyConfiguredRegistries: boolean;
}

export interface RegistryConfig {
  registries: RegistryHostConfig[];
  tags: RegistryTagsConfig;
}

export const defaultRegistryTagsConfig: RegistryTagsConfig = {
  cacheTtlMs: 30_000,
  timeoutMs: 10_000,
  registryPageSize: 1000,
  maxCreatedLookups: 100,
  lookupConcurrency: 4,
  onlyConfiguredRegistries: false,
};

function positive(
  config: Config | undefined,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new InputError(
      `appCenter.registryTags.${key} must be a number above 0 and at most ${max}`,
    );
  }
  return value;
}

/** Reads `appCenter.registries` and `appCenter.registryTags`; throws on a bad entry (at start-up). */
export function readRegistryConfig(config: Config): RegistryConfig {
  const seen = new Set<string>();
  const registries = (
    config.getOptionalConfigArray('appCenter.registries') ?? []
  ).map(entry => {
    const host = normalizeRegistryHost(entry.getString('host'));
    if (!host || /[/\s@]/.test(host)) {
      throw new InputError(
        `appCenter.registries: host "${host}" must be a host with an optional port, without scheme or path`,
      );
    }
    if (seen.has(host))
      throw new InputError(
        `appCenter.registries: host ${host} is listed twice`,
      );
    seen.add(host);
    const username = entry.getOptionalString('username');
    const password = entry.getOptionalString('password');
    const token = entry.getOptionalString('token');
    if (password !== undefined && token !== undefined) {
      throw new InputError(
        `appCenter.registries: ${host} has both a password and a token; give one`,
      );
    }
    if (password !== undefined && !username) {
      throw new InputError(
        `appCenter.registries: ${host} has a password but no username`,
      );
    }
    return {
      host,
      username,
      password,
      token,
      insecure: entry.getOptionalBoolean('insecure') ?? false,
    };
  });
  const tags = config.getOptionalConfig('appCenter.registryTags');
  const d = defaultRegistryTagsConfig;
  return {
    registries,
    tags: {
      cacheTtlMs: Math.round(
        positive(tags, 'cacheSeconds', d.cacheTtlMs / 1000, 3600) * 1000,
      ),
      timeoutMs: Math.round(
        positive(tags, 'timeoutSeconds', d.timeoutMs / 1000, 300) * 1000,
      ),
      registryPageSize: Math.floor(
        positive(tags, 'registryPageSize', d.registryPageSize, 10_000),
      ),
      maxCreatedLookups: Math.floor(
        positive(tags, 'maxCreatedLookups', d.maxCreatedLookups, 1000),
      ),
      lookupConcurrency: Math.floor(
        positive(tags, 'lookupConcurrency', d.lookupConcurrency, 32),
      ),
      onlyConfiguredRegistries:
        tags?.getOptionalBoolean('onlyConfiguredRegistries') ?? false,
    },
  };
}
