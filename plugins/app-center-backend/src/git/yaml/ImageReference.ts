import { InputError } from '@backstage/errors';

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]+)?$/;

/**
 * A container image reference, parsed as the distribution reference grammar
 * says: `[registry[:port]/]path[:tag][@digest]`. The registry is the first
 * component only when it looks like a host (has a dot or a port, or is
 * `localhost`), so `reg:5000/app` has no tag and `foo/bar:1` has no registry.
 */
export class ImageReference {
  /** Registry host as written (with port), or undefined when implied (Docker Hub). */
  readonly registry?: string;
  /** Repository path as written, e.g. `team/web` or `nginx`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;

  private constructor(parts: {
    registry?: string;
    path: string;
    tag?: string;
    digest?: string;
  }) {
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
    if (typeof reference !== 'string' || reference.length === 0)
      return { ok: false, reason: 'empty' };
    if (reference.length > 512 || /\s/.test(reference))
      return { ok: false, reason: 'contains whitespace or is too long' };
    let rest = reference;
    let digest: string | undefined;
    const at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.slice(at + 1);
      rest = rest.slice(0, at);
      if (!DIGEST.test(digest))
        return { ok: false, reason: `digest "${digest}" is not algorithm:hex` };
    }
    let registry: string | undefined;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
      const first = rest.slice(0, slash);
      if (
        first.includes('.') ||
        first.includes(':') ||
        first === 'localhost' ||
        first !== first.toLowerCase()
      ) {
        registry = first;
        rest = rest.slice(slash + 1);
        if (!DOMAIN.test(registry))
          return {
            ok: false,
            reason: `registry "${registry}" is not a host[:port]`,
          };
      }
    }
    let tag: string | undefined;
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      tag = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
      if (!TAG.test(tag))
        return { ok: false, reason: `tag "${tag}" is not valid` };
    }
    if (!rest || !rest.split('/').every(c => PATH_COMPONENT.test(c))) {
      return {
        ok: false,
        reason: `repository path "${rest}" must be lower-case components separated by /`,
      };
    }
    return {
      ok: true,
      value: new ImageReference({ registry, path: rest, tag, digest }),
    };
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
    if (tag !== undefined && !TAG.test(tag))
      throw new InputError(`invalid image tag "${tag}"`);
    if (digest !== undefined && !DIGEST.test(digest))
      throw new InputError(`invalid image digest "${digest}"`);
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
