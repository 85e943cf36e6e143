import type { RegistryImage } from '@internal/plugin-app-center-node';
import { ImageReference } from '../git/yaml/ImageReference';

/** Folds a registry host as written to the form App Center compares: lower-case, Docker Hub as `docker.io`. */
export function normalizeRegistryHost(host: string): string {
  const h = host.trim().toLowerCase();
  return h === 'index.docker.io' || h === 'registry-1.docker.io'
    ? 'docker.io'
    : h;
}

/**
 * The registry and repository of an image reference (its tag and digest are ignored). Throws InputError
 * for a reference that is not a valid image reference.
 */
export function parseRegistryImage(reference: string): RegistryImage {
  const ref = ImageReference.parse(reference);
  const host = ref.normalizedRegistry;
  return { host, repository: ref.repository.slice(host.length + 1), reference };
}
