/*
 * Image references, tags and digests: the one set of rules the backend enforces (manifests, deploys, starter
 * images, registry lookups) and the frontend shows before a round trip.
 */

/** An OCI distribution tag: 1-128 of letters, digits, `_`, `.` and `-`, not starting with `.` or `-`. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** The OCI image spec's digest grammar: `algorithm ":" encoded`, algorithm components joined by `+._-`. */
const DIGEST_GRAMMAR = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
/** The spec's registered algorithms and the exact form of their encoded part (lower-case hex). */
const REGISTERED_DIGESTS: Record<string, RegExp> = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/,
};
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST =
  /^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::([0-9]+))?$/;
const MAX_REFERENCE = 512;

/** True for a valid OCI tag. @public */
export function isImageTag(value: unknown): value is string {
  return typeof value === 'string' && TAG.test(value);
}

/**
 * Why `value` is not a digest App Center accepts, or undefined when it is one: the OCI digest grammar, with a
 * registered algorithm (`sha256:` and 64, or `sha512:` and 128, lower-case hex characters). @public
 */
export function checkDigest(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return 'a digest is required';
  const m = DIGEST_GRAMMAR.exec(value);
  if (!m) return `digest "${value}" is not <algorithm>:<encoded>`;
  const encoded = REGISTERED_DIGESTS[m[1]];
  if (!encoded)
    return `digest "${value}" uses algorithm "${m[1]}"; App Center accepts sha256 and sha512 digests`;
  if (!encoded.test(m[2]))
    return `digest "${value}" is not ${m[1]}: followed by ${
      m[1] === 'sha256' ? 64 : 128
    } lower-case hex characters`;
  return undefined;
}

/** True for a digest {@link checkDigest} accepts. @public */
export function isImageDigest(value: unknown): value is string {
  return checkDigest(value) === undefined;
}

/** A tag to deploy, or a digest (`sha256:<64 hex>`); the message says which rule it breaks. @public */
export function checkTagOrDigest(tag: string): string | undefined {
  if (!tag) return 'a tag is required';
  if (/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:/.test(tag)) return checkDigest(tag);
  if (tag.length > 128)
    return `"${tag.slice(0, 20)}…" is longer than 128 characters`;
  if (!TAG.test(tag)) {
    return `"${tag}" is not a valid tag: use letters, digits, "_", "." and "-", not starting with "." or "-"`;
  }
  return undefined;
}

/** An image reference's parts, as written. @public */
export interface ImageReferenceParts {
  /** Registry host as written (with port), or undefined when implied (Docker Hub). */
  registry?: string;
  /** Repository path as written, e.g. `team/web` or `nginx`. */
  path: string;
  tag?: string;
  digest?: string;
}

/**
 * Parses `[registry[:port]/]path[:tag][@digest]` as the distribution reference grammar says. The registry is
 * the first component only when it looks like a host (has a dot or a port, is `localhost`, or has capitals),
 * so `reg:5000/app` has no tag and `foo/bar:1` has no registry. A port is 1-65535. @public
 */
export function parseImageReference(
  reference: unknown,
): { ok: true; value: ImageReferenceParts } | { ok: false; reason: string } {
  if (typeof reference !== 'string' || reference.length === 0)
    return { ok: false, reason: 'empty' };
  if (reference.length > MAX_REFERENCE || /\s/.test(reference))
    return { ok: false, reason: 'contains whitespace or is too long' };
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const wrong = checkDigest(digest);
    if (wrong) return { ok: false, reason: wrong };
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
      const host = HOST.exec(registry);
      if (!host)
        return {
          ok: false,
          reason: `registry "${registry}" is not a host[:port]`,
        };
      if (
        host[1] !== undefined &&
        !(Number(host[1]) >= 1 && Number(host[1]) <= 65535)
      )
        return {
          ok: false,
          reason: `registry "${registry}" has port ${host[1]}; a port is 1 to 65535`,
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
  return { ok: true, value: { registry, path: rest, tag, digest } };
}
