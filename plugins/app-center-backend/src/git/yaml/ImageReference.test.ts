import { ImageReference } from './ImageReference';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('ImageReference', () => {
  it('parses registry with port, path, tag and digest', () => {
    const r = ImageReference.parse(`reg:5000/foo/bar:1.2@${DIGEST}`);
    expect(r.registry).toBe('reg:5000');
    expect(r.path).toBe('foo/bar');
    expect(r.tag).toBe('1.2');
    expect(r.digest).toBe(DIGEST);
    expect(r.repository).toBe('reg:5000/foo/bar');
    expect(r.toString()).toBe(`reg:5000/foo/bar:1.2@${DIGEST}`);
  });

  it('never takes a registry port for a tag', () => {
    const r = ImageReference.parse('reg:5000/foo');
    expect(r.registry).toBe('reg:5000');
    expect(r.tag).toBeUndefined();
    expect(ImageReference.parse('localhost:5000/app:3').tag).toBe('3');
    expect(ImageReference.parse('localhost/app').registry).toBe('localhost');
    expect(ImageReference.parse('[::1]:5000/app:1').registry).toBe(
      '[::1]:5000',
    );
  });

  it('treats the first component as a path when it does not look like a host', () => {
    const r = ImageReference.parse('foo/bar:1');
    expect(r.registry).toBeUndefined();
    expect(r.repository).toBe('docker.io/foo/bar');
  });

  it('normalises Docker Hub spellings', () => {
    const same = [
      'nginx',
      'nginx:1.25',
      'docker.io/library/nginx',
      'index.docker.io/library/nginx:latest',
      `library/nginx@${DIGEST}`,
    ];
    for (const a of same)
      for (const b of same)
        expect(ImageReference.parse(a).sameRepository(b)).toBe(true);
    expect(
      ImageReference.parse('nginx').sameRepository('docker.io/nginx-extra'),
    ).toBe(false);
    expect(
      ImageReference.parse('nginx').sameRepository('quay.io/library/nginx'),
    ).toBe(false);
  });

  it('matches repositories exactly, never by prefix (KubeGems weakness 4)', () => {
    const bar = ImageReference.parse('reg:5000/foo/bar:1');
    expect(bar.sameRepository('reg:5000/foo/bar:2')).toBe(true);
    expect(bar.sameRepository('reg:5000/foo/bar-sidecar:1')).toBe(false);
    expect(bar.sameRepository('reg:5000/foo/bar/sub:1')).toBe(false);
    expect(bar.sameRepository('reg:5000/foo:1')).toBe(false);
    expect(bar.sameRepository('reg:5001/foo/bar:1')).toBe(false);
    expect(bar.sameRepository('reg/foo/bar:1')).toBe(false);
    // A registry with a port does not match every image of that registry (the cut-at-first-colon bug).
    expect(
      ImageReference.parse('reg:5000/foo/other').sameRepository(
        'reg:5000/foo/bar',
      ),
    ).toBe(false);
    expect(
      ImageReference.parse('foo/bar').sameRepository('foo/bar-sidecar'),
    ).toBe(false);
    expect(
      ImageReference.parse('REG.example.com/foo/bar').sameRepository(
        'reg.example.com/foo/bar',
      ),
    ).toBe(true);
  });

  it('keeps the repository as written when setting a tag and drops an old digest', () => {
    expect(ImageReference.parse('nginx:1.0').withTag('1.1')).toBe('nginx:1.1');
    expect(
      ImageReference.parse(`reg:5000/foo/bar:1@${DIGEST}`).withTag('2'),
    ).toBe('reg:5000/foo/bar:2');
    expect(
      ImageReference.parse('reg:5000/foo/bar:1').withTag('2', DIGEST),
    ).toBe(`reg:5000/foo/bar:2@${DIGEST}`);
    expect(
      ImageReference.parse('reg:5000/foo/bar:1').withTag(undefined, DIGEST),
    ).toBe(`reg:5000/foo/bar@${DIGEST}`);
    expect(() => ImageReference.parse('nginx').withTag('bad tag')).toThrow(
      /invalid image tag/,
    );
    expect(() => ImageReference.parse('nginx').withTag('-x')).toThrow(
      /invalid image tag/,
    );
  });

  it('refuses malformed references with a reason', () => {
    expect(() => ImageReference.parse('')).toThrow(/empty/);
    expect(() => ImageReference.parse('Foo/Bar')).toThrow(
      /registry|lower-case/,
    );
    expect(() => ImageReference.parse('foo/Bar')).toThrow(/lower-case/);
    expect(() => ImageReference.parse('nginx@sha256:short')).toThrow(/digest/);
    // The OCI digest grammar: exactly 64 lower-case hex characters after sha256:.
    expect(() =>
      ImageReference.parse(`nginx@sha256:${'z'.repeat(64)}`),
    ).toThrow(/64 lower-case hex/);
    expect(() =>
      ImageReference.parse('nginx:1').withTag('2', `sha256:${'a'.repeat(63)}`),
    ).toThrow(/invalid image digest .* 64 lower-case hex/);
    expect(() => ImageReference.parse('registry:99999/x:1')).toThrow(
      /port 99999; a port is 1 to 65535/,
    );
    expect(() => ImageReference.parse('nginx:1 2')).toThrow(/whitespace/);
    expect(() => ImageReference.parse('foo//bar')).toThrow(
      /lower-case components/,
    );
  });
});
