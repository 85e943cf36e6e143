import { compareNewestLooking } from './tagOrder';

describe('compareNewestLooking', () => {
  it('puts latest, higher numbers and releases before pre-releases first', () => {
    const tags = [
      '1.9.2',
      'latest',
      '1.10.0',
      '1.10.0-rc.1',
      '2024-05-31',
      '2024-06-01',
      'v2',
      'v10',
      'sha-abc',
      '1.10',
    ];
    expect([...tags].sort(compareNewestLooking)).toEqual([
      'latest',
      '2024-06-01',
      '2024-05-31',
      '1.10.0',
      '1.10.0-rc.1',
      '1.10',
      '1.9.2',
      'v10',
      'v2',
      'sha-abc',
    ]);
  });
});
