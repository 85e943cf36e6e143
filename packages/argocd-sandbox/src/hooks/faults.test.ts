import { Hooks, matches } from './faults.ts';

describe('Hooks', () => {
  it('matches patterns against paths and route templates', () => {
    expect(
      matches(
        'GET /api/v1/applications',
        'GET',
        '/api/v1/applications',
        'GET /api/v1/applications',
      ),
    ).toBe(true);
    expect(
      matches(
        'GET /api/v1/applications',
        'GET',
        '/api/v1/applications/web',
        'GET /api/v1/applications/{name}',
      ),
    ).toBe(false);
    expect(
      matches(
        'POST /api/v1/applications/{name}/sync',
        'POST',
        '/api/v1/applications/web/sync',
        'POST /api/v1/applications/{name}/sync',
      ),
    ).toBe(true);
    expect(
      matches(
        '/api/v1/applications/*',
        'DELETE',
        '/api/v1/applications/web',
        '',
      ),
    ).toBe(true);
    expect(
      matches('/api/v1/**', 'GET', '/api/v1/stream/applications', ''),
    ).toBe(true);
    expect(matches('PUT /api/v1/**', 'GET', '/api/v1/applications', '')).toBe(
      false,
    );
  });

  it('applies a fault a limited number of times and counts requests', () => {
    const hooks = new Hooks();
    hooks.fail('GET /api/v1/applications', 500, 'boom', 2);
    expect(
      hooks.takeFault('GET', '/api/v1/applications', 'GET /api/v1/applications')
        ?.message,
    ).toBe('boom');
    expect(
      hooks.takeFault(
        'GET',
        '/api/v1/applications',
        'GET /api/v1/applications',
      ),
    ).toBeDefined();
    expect(
      hooks.takeFault(
        'GET',
        '/api/v1/applications',
        'GET /api/v1/applications',
      ),
    ).toBeUndefined();
    hooks.record('GET', '/api/v1/applications', 'GET /api/v1/applications');
    hooks.record(
      'GET',
      '/api/v1/applications/web',
      'GET /api/v1/applications/{name}',
    );
    expect(hooks.count('GET /api/v1/applications')).toBe(1);
    expect(hooks.counts()).toEqual({
      'GET /api/v1/applications': 1,
      'GET /api/v1/applications/{name}': 1,
    });
    hooks.reset();
    expect(hooks.count('/api/**')).toBe(0);
    expect(() => hooks.addFault({ pattern: '' })).toThrow();
  });
});
