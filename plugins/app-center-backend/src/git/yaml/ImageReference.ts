import { InputError } from '@backstage/errors';

import {
  checkDigest,
  ImageReferenceParts,
  isImageTag,
  parseImageReference,
} from '@internal/plugin-app-center-common';

/**
 * A container image reference (`[registry[:port]/]path[:tag][@digest]`), parsed by the shared rule
 * (`parseImageReference` in app-center-common), with what the backend does with one: compare repositories
 * and write a new tag or digest.
 */
export class ImageReference {
  /** Registry host as written (with port), or undefined when implied (Docker Hub). */
  readonly registry?: string;
  /** Repository path as written, e.g. `team/web` or `nginx`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;

  private constructor(parts: ImageReferenceParts) {
    this.registry = parts.registry;
    this.path = parts.path;
    this.tag = parts.tag;
    this.digest = parts.digest;
  }

  /** Parses a reference; throws InputError naming what is wrong. */
  static parse(reference: string): ImageReference {
    const parsed = ImageReference.tryParse(reference);
    if (!parsed.ok)
      throw new InputError(
        `invalid image reference "${reference}": ${parsed.reason}`,
      );
    return parsed.value;
  }

  static tryParse(
    reference: string,
  ): { ok: true; value: ImageReference } | { ok: false; reason: string } {
    const parsed = parseImageReference(reference);
    return parsed.ok
      ? { ok: true, value: new ImageReference(parsed.value) }
      : parsed;
  }

  /** Registry with Docker Hub's aliases folded: `docker.io` when none was written. */
  get normalizedRegistry(): string {
    const r = (this.registry ?? 'docker.io').toLowerCase();
    return r === 'index.docker.io' || r === 'registry-1.docker.io'
      ? 'docker.io'
      : r;
  }

  /** Full repository name used for matching: `registry[:port]/path`, with `library/` for Docker Hub official images. */
  get repository(): string {
    const registry = this.normalizedRegistry;
    const path =
      registry === 'docker.io' && !this.path.includes('/')
        ? `library/${this.path}`
        : this.path;
    return `${registry}/${path}`;
  }

  /** The repository part as written (no tag, no digest). */
  get name(): string {
    return this.registry ? `${this.registry}/${this.path}` : this.path;
  }

  /** True when both name the same repository (tag and digest ignored). Never a prefix match. */
  sameRepository(other: ImageReference | string): boolean {
    const o = typeof other === 'string' ? ImageReference.parse(other) : other;
    return this.repository === o.repository;
  }

  /** The same repository, spelled as written, with a new tag and optional digest (an old digest is dropped). */
  withTag(tag?: string, digest?: string): string {
    if (tag !== undefined && !isImageTag(tag))
      throw new InputError(`invalid image tag "${tag}"`);
    const wrongDigest = digest === undefined ? undefined : checkDigest(digest);
    if (wrongDigest) throw new InputError(`invalid image ${wrongDigest}`);
    if (tag === undefined && digest === undefined)
      throw new InputError('an image update needs a tag or a digest');
    return `${this.name}${tag !== undefined ? `:${tag}` : ''}${
      digest !== undefined ? `@${digest}` : ''
    }`;
  }

  toString(): string {
    return `${this.name}${this.tag !== undefined ? `:${this.tag}` : ''}${
      this.digest ? `@${this.digest}` : ''
    }`;
  }
}
