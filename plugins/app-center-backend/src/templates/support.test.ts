import { TemplateSummaryCache } from './TemplateSummaryCache';
import { starterManifests } from './starterManifests';
import { ManifestValidator } from '../git/yaml/ManifestValidator';

describe('TemplateSummaryCache', () => {
  it('computes once per key and evicts the least recently used', async () => {
    const c = new TemplateSummaryCache(2);
    const make = (name: string) => async () => ({
      name,
      treeOid: name,
      files: [],
      kinds: [],
      images: [],
      invalidFiles: [],
    });
    await c.get('a', make('a'));
    await c.get('b', make('b'));
    await c.get('a', make('a'));
    expect(c.misses).toBe(2);
    await c.get('c', make('c'));
    await c.get('a', make('a'));
    expect(c.misses).toBe(3);
    await c.get('b', make('b'));
    expect(c.misses).toBe(4);
  });
});

describe('starterManifests', () => {
  it('produces a valid Deployment and Service without a namespace', () => {
    const files = starterManifests('web', {
      image: 'reg:5000/shop/web',
      port: 3000,
      replicas: 3,
    });
    expect(new ManifestValidator().validateFiles(files, {})).toEqual([]);
    expect(files[0].content).toContain('image: reg:5000/shop/web:latest');
    expect(files[0].content).toContain('containerPort: 3000');
    expect(files[0].content).toContain('replicas: 3');
    expect(() =>
      starterManifests('web', { image: 'web', port: 70000 }),
    ).toThrow(/port/);
    expect(() => starterManifests('web', { image: 'Bad Image' })).toThrow(
      /invalid image reference/,
    );
  });
});
