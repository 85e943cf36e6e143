import { matchesSelector, parseSelector } from './selector.ts';

describe('label selectors', () => {
  const labels = {
    team: 'shop',
    env: 'dev',
    'app-center.io/managed-by': 'app-center',
  };
  it.each([
    ['team=shop', true],
    ['team==shop', true],
    ['team!=shop', false],
    ['env in (dev,prod)', true],
    ['env notin (dev,prod)', false],
    ['app-center.io/managed-by', true],
    ['!legacy', true],
    ['!team', false],
    ['team=shop,env in (prod)', false],
    ['team=shop, env notin (prod), !legacy', true],
    ['', true],
  ])('%s -> %s', (selector, expected) => {
    expect(matchesSelector(parseSelector(selector), labels)).toBe(expected);
  });

  it('rejects selectors that do not parse', () => {
    expect(() => parseSelector('env in (dev')).toThrow(/unable to parse/);
    expect(() => parseSelector('a b c')).toThrow(/unable to parse/);
  });
});
