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

describe('Hooks with a probability', () => {
  const route = 'GET /api/v1/applications';
  const take = (hooks: Hooks) =>
    hooks.takeFault('GET', '/api/v1/applications', route);

  it('hits a matching request only when the dice roll under the probability', () => {
    const rolls = [0.1, 0.5, 0.29, 0.95];
    const hooks = new Hooks({ random: () => rolls.shift()! });
    hooks.addFault({ pattern: route, status: 503, probability: 0.3 });
    expect(take(hooks)?.status).toBe(503);
    expect(take(hooks)).toBeUndefined();
    expect(take(hooks)?.status).toBe(503);
    expect(take(hooks)).toBeUndefined();
    expect(hooks.listFaults()[0]).toMatchObject({ hits: 2, spared: 2 });
  });

  it('passes a spared request on to the next matching fault, so mixed faults add up', () => {
    const rolls = [0.9, 0.05, 0.9, 0.9, 0.05];
    const hooks = new Hooks({ random: () => rolls.shift()! });
    hooks.addFault({ pattern: route, status: 500, probability: 0.1 });
    hooks.addFault({ pattern: route, drop: true, probability: 0.1 });
    hooks.addFault({ pattern: route, latencyMs: 5000, probability: 0.1 });
    expect(take(hooks)?.drop).toBe(true);
    expect(take(hooks)?.latencyMs).toBe(5000);
  });

  it('spreads hits over many requests at about the probability', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const hooks = new Hooks({ random });
    hooks.addFault({ pattern: '/api/**', status: 500, probability: 0.3 });
    let hits = 0;
    for (let i = 0; i < 2000; i++) if (take(hooks)) hits++;
    expect(hits).toBeGreaterThan(500);
    expect(hits).toBeLessThan(700);
  });

  it('expires after durationMs and refuses bad probabilities', () => {
    let now = 1000;
    const hooks = new Hooks({ now: () => now });
    hooks.addFault({ pattern: route, status: 500, durationMs: 60_000 });
    expect(take(hooks)).toBeDefined();
    now += 60_000;
    expect(take(hooks)).toBeUndefined();
    expect(hooks.listFaults()).toEqual([]);
    expect(() => hooks.addFault({ pattern: route, probability: 1.5 })).toThrow(
      /probability/,
    );
    expect(() => hooks.addFault({ pattern: route, durationMs: -1 })).toThrow(
      /durationMs/,
    );
  });
});
