import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function newUid(): string {
  return randomUUID();
}

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A Kubernetes-style random name suffix (generateName), e.g. `x7k2p`. */
export function randomSuffix(length = 5): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}

/** A stable, Kubernetes-looking hash of any JSON value (used for pod-template-hash). */
export function stableHash(value: unknown, length = 10): string {
  const digest = createHash('sha256').update(stableStringify(value)).digest();
  let out = '';
  for (let i = 0; out.length < length; i++)
    out += ALPHABET[digest[i % digest.length] % ALPHABET.length];
  return out;
}

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object')
    return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter(k => obj[k] !== undefined)
    .sort()
    .map(k => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}
