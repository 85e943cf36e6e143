import { parseAppAnnotation } from './appAnnotation';

describe('parseAppAnnotation', () => {
  it('parses the app annotation strictly', () => {
    expect(parseAppAnnotation('shop/web')).toEqual({
      project: 'shop',
      app: 'web',
    });
    expect(parseAppAnnotation(' shop/web-2 ')).toEqual({
      project: 'shop',
      app: 'web-2',
    });
    for (const bad of [
      'web',
      'shop/',
      '/web',
      'Shop/web',
      'shop/web/x',
      'shop/../web',
      'shop/-web',
      undefined,
    ]) {
      expect(parseAppAnnotation(bad)).toBeUndefined();
    }
  });

  it('holds both names to the DNS label length the backend enforces', () => {
    expect(parseAppAnnotation(`shop/${'a'.repeat(63)}`)).toEqual({
      project: 'shop',
      app: 'a'.repeat(63),
    });
    expect(parseAppAnnotation(`shop/${'a'.repeat(64)}`)).toBeUndefined();
    expect(parseAppAnnotation(`${'a'.repeat(64)}/web`)).toBeUndefined();
  });
});
