import {
  checkDigest,
  checkTagOrDigest,
  isImageDigest,
  isImageTag,
  parseImageReference,
} from './imageReference';

const HEX64 = 'a'.repeat(64);

describe('digests', () => {
  it('accepts sha256 with exactly 64 and sha512 with exactly 128 lower-case hex characters', () => {
    expect(checkDigest(`sha256:${HEX64}`)).toBeUndefined();
    expect(
      checkDigest(`sha256:${'0123456789abcdef'.repeat(4)}`),
    ).toBeUndefined();
    expect(checkDigest(`sha512:${'f'.repeat(128)}`)).toBeUndefined();
  });

  it('refuses 64 non-hex characters, 63 or 65 hex characters, upper case, and the wrong length for sha512', () => {
    for (const bad of [
      `sha256:${'z'.repeat(64)}`,
      `sha256:${'a'.repeat(63)}`,
      `sha256:${'a'.repeat(65)}`,
      `sha256:${'A'.repeat(64)}`,
      `sha256:${'g'.repeat(64)}`,
      `sha512:${HEX64}`,
    ]) {
      expect(isImageDigest(bad)).toBe(false);
      expect(checkDigest(bad)).toMatch(/lower-case hex characters/);
    }
  });

  it('follows the OCI algorithm grammar and names unsupported algorithms', () => {
    expect(checkDigest(`sha256+b64u:${HEX64}`)).toMatch(
      /uses algorithm "sha256\+b64u"; App Center accepts sha256 and sha512/,
    );
    for (const bad of [
      `SHA256:${HEX64}`,
      `sha256-:${HEX64}`,
      `:${HEX64}`,
      'sha256:',
      'sha256',
    ]) {
      expect(checkDigest(bad)).toMatch(/is not <algorithm>:<encoded>/);
    }
    expect(checkDigest('')).toBe('a digest is required');
  });
});

describe('tags', () => {
  it('accepts OCI tags only', () => {
    expect(isImageTag('1.2.3')).toBe(true);
    expect(isImageTag('v1_rc-2')).toBe(true);
    expect(isImageTag('a'.repeat(128))).toBe(true);
    for (const bad of ['', '.hidden', '-x', 'a'.repeat(129), 'a b', 'a:b']) {
      expect(isImageTag(bad)).toBe(false);
    }
  });

  it('checks what a person types as a tag or a digest, with the digest rule', () => {
    expect(checkTagOrDigest('1.2.3')).toBeUndefined();
    expect(checkTagOrDigest(`sha256:${HEX64}`)).toBeUndefined();
    expect(checkTagOrDigest(`sha256:${'a'.repeat(63)}`)).toMatch(
      /64 lower-case hex/,
    );
    expect(checkTagOrDigest('.hidden')).toMatch(/not a valid tag/);
  });
});

describe('parseImageReference', () => {
  it('splits registry, path, tag and digest as the distribution grammar says', () => {
    expect(
      parseImageReference(`registry.local:5000/shop/web:1.2@sha256:${HEX64}`),
    ).toEqual({
      ok: true,
      value: {
        registry: 'registry.local:5000',
        path: 'shop/web',
        tag: '1.2',
        digest: `sha256:${HEX64}`,
      },
    });
    expect(parseImageReference('reg:5000/app')).toEqual({
      ok: true,
      value: { registry: 'reg:5000', path: 'app' },
    });
    expect(parseImageReference('foo/bar:1')).toEqual({
      ok: true,
      value: { path: 'foo/bar', tag: '1' },
    });
    expect(parseImageReference('[::1]:5000/x:1')).toMatchObject({ ok: true });
  });

  it('refuses a port outside 1-65535', () => {
    expect(parseImageReference('registry:99999/x:1')).toEqual({
      ok: false,
      reason: 'registry "registry:99999" has port 99999; a port is 1 to 65535',
    });
    expect(parseImageReference('registry:0/x:1')).toMatchObject({ ok: false });
    expect(parseImageReference('registry:65535/x:1')).toMatchObject({
      ok: true,
    });
  });

  it('refuses a digest outside the OCI grammar', () => {
    expect(parseImageReference(`web@sha256:${'z'.repeat(64)}`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/64 lower-case hex/),
    });
  });
});
