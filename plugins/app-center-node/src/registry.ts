import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * The repository of an image, as App Center hands it to a registry provider.
 * @public
 */
export interface RegistryImage {
  /**
   * The registry host, lower-case, with its port when one was written, Docker Hub's aliases folded to
   * `docker.io` (an image without a registry is on `docker.io`). E.g. `registry.example.com:5000`.
   */
  host: string;
  /** The repository path inside the registry, e.g. `team/web` (`library/nginx` for Docker Hub's `nginx`). */
  repository: string;
  /** The reference as the caller wrote it, e.g. `registry.example.com/team/web:1.2`. */
  reference: string;
}

/**
 * Whether a tag may be deployed, and the labels the registry keeps for it.
 * @public
 */
export interface TagLabels {
  /** False when the tag must not be deployed (e.g. a Harbor label `unpublishable`). */
  publishable: boolean;
  /** Why the tag may not be deployed, in words a developer can act on. */
  reason?: string;
  /** Labels the registry shows for the tag (Harbor labels, for instance). */
  labels?: string[];
}

/**
 * One tag of a repository as a provider lists it.
 * @public
 */
export interface RegistryTag {
  tag: string;
  /** Digest of the manifest the tag points at, when known. */
  digest?: string;
  /** When the image was created or pushed (ISO 8601), when known: the listing is ordered by it. */
  createdAt?: string;
  labels?: string[];
  /** Set by providers that know it from the listing itself; otherwise {@link RegistryProvider.tagLabels} is asked. */
  publishable?: boolean;
  reason?: string;
}

/**
 * Options of a provider call.
 * @public
 */
export interface RegistryProviderCallOptions {
  /** Aborted when the request that asked is abandoned or times out. */
  signal?: AbortSignal;
}

/**
 * A registry provider replaces or decorates App Center's default client (the OCI distribution API) for
 * the registry hosts it {@link RegistryProvider.matches}:
 *  - with `listTags`, it lists the tags of those hosts instead of the OCI client (the first matching
 *    provider that has `listTags` wins; providers are asked in the order they were added);
 *  - with `tagLabels`, it decorates tags (whoever listed them) with labels and publishability. Every
 *    matching provider with `tagLabels` is asked; a tag is publishable only when none says otherwise.
 *
 * Errors a provider throws reach the caller: throw Backstage errors (`NotFoundError`, or an error with a
 * `statusCode` of 502/504 for upstream failures) with messages free of credentials.
 * @public
 */
export interface RegistryProvider {
  /** A short name for logs and responses, e.g. `harbor`. */
  readonly id: string;
  /** Whether this provider handles the registry host (normalised as in {@link RegistryImage.host}). */
  matches(host: string): boolean;
  /** Every tag of the repository (App Center orders, filters and pages them). */
  listTags?(
    image: RegistryImage,
    options?: RegistryProviderCallOptions,
  ): Promise<RegistryTag[]>;
  /** Labels and publishability of one tag; undefined when the provider has no opinion. */
  tagLabels?(
    image: RegistryImage,
    tag: string,
    options?: RegistryProviderCallOptions,
  ): Promise<TagLabels | undefined>;
}

/**
 * What backend modules use to add registry providers to App Center.
 * @public
 */
export interface AppCenterRegistryExtensionPoint {
  addRegistryProvider(provider: RegistryProvider): void;
}

/**
 * Extension point of the `app-center` backend plugin for registry providers.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'app-center',
 *   moduleId: 'my-registry',
 *   register(env) {
 *     env.registerInit({
 *       deps: { registry: appCenterRegistryExtensionPoint },
 *       async init({ registry }) {
 *         registry.addRegistryProvider({ id: 'mine', matches: host => host === 'registry.example.com', ... });
 *       },
 *     });
 *   },
 * });
 * ```
 * @public
 */
export const appCenterRegistryExtensionPoint =
  createExtensionPoint<AppCenterRegistryExtensionPoint>({
    id: 'app-center.registry',
  });
