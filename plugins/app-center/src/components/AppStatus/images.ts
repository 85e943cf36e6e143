import { parseImageReference } from '@internal/plugin-app-center-common';

/** An image reference split into its repository (host and path), tag and digest. */
export interface ImageParts {
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits `host:port/path/name:tag@sha256:...` by the shared reference rule (the port's colon is not a tag).
 * A reference the rule refuses (the cluster may run anything) is split at its last `@` and `:` for display.
 */
export function parseImage(ref: string): ImageParts {
  const parsed = parseImageReference(ref);
  if (parsed.ok) {
    const { registry, path, tag, digest } = parsed.value;
    return { repository: registry ? `${registry}/${path}` : path, tag, digest };
  }
  const [nameAndTag, digest] = ref.split('@', 2);
  const slash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.lastIndexOf(':');
  if (colon > slash) {
    return {
      repository: nameAndTag.slice(0, colon),
      tag: nameAndTag.slice(colon + 1),
      digest,
    };
  }
  return { repository: nameAndTag, digest };
}

/** What a reference pins: its tag, else a short digest, else "latest" (the registry's default). */
export function versionOf(parts: ImageParts): string {
  if (parts.tag) return parts.tag;
  if (parts.digest) return parts.digest.slice(0, 19);
  return 'latest';
}

/** Per repository, the versions written in git and the versions the pods run. */
export interface ImageComparison {
  repository: string;
  manifest: string[];
  running: string[];
  /** The pods run something else than git says (or nothing yet). */
  differs: boolean;
}

/** Groups the manifest and running images by repository, in manifest order. */
export function compareImages(images: {
  manifest: string[];
  running: string[];
}): ImageComparison[] {
  const byRepo = new Map<
    string,
    { manifest: Set<string>; running: Set<string> }
  >();
  const entry = (repository: string) => {
    let found = byRepo.get(repository);
    if (!found) {
      found = { manifest: new Set(), running: new Set() };
      byRepo.set(repository, found);
    }
    return found;
  };
  for (const ref of images.manifest) {
    const parts = parseImage(ref);
    entry(parts.repository).manifest.add(versionOf(parts));
  }
  for (const ref of images.running) {
    const parts = parseImage(ref);
    entry(parts.repository).running.add(versionOf(parts));
  }
  return [...byRepo.entries()].map(([repository, v]) => {
    const manifest = [...v.manifest];
    const running = [...v.running];
    const differs =
      manifest.length !== running.length ||
      manifest.some(tag => !v.running.has(tag));
    return { repository, manifest, running, differs };
  });
}

/** The last path segment of a repository: `registry:5000/shop/web` -> `web`. */
export function shortName(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}
